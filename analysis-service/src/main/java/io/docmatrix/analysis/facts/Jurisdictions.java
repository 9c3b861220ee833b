package io.docmatrix.analysis.facts;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Names of governing-law jurisdictions to ISO 3166 codes (US states and Canadian provinces as subdivisions). */
final class Jurisdictions {

    private static final Map<String, String> CODES = new LinkedHashMap<>();

    static {
        String[][] states = {
            {"Alabama", "AL"},
            {"Alaska", "AK"},
            {"Arizona", "AZ"},
            {"Arkansas", "AR"},
            {"California", "CA"},
            {"Colorado", "CO"},
            {"Connecticut", "CT"},
            {"Delaware", "DE"},
            {"Florida", "FL"},
            {"Georgia", "GA"},
            {"Hawaii", "HI"},
            {"Idaho", "ID"},
            {"Illinois", "IL"},
            {"Indiana", "IN"},
            {"Iowa", "IA"},
            {"Kansas", "KS"},
            {"Kentucky", "KY"},
            {"Louisiana", "LA"},
            {"Maine", "ME"},
            {"Maryland", "MD"},
            {"Massachusetts", "MA"},
            {"Michigan", "MI"},
            {"Minnesota", "MN"},
            {"Mississippi", "MS"},
            {"Missouri", "MO"},
            {"Montana", "MT"},
            {"Nebraska", "NE"},
            {"Nevada", "NV"},
            {"New Hampshire", "NH"},
            {"New Jersey", "NJ"},
            {"New Mexico", "NM"},
            {"New York", "NY"},
            {"North Carolina", "NC"},
            {"North Dakota", "ND"},
            {"Ohio", "OH"},
            {"Oklahoma", "OK"},
            {"Oregon", "OR"},
            {"Pennsylvania", "PA"},
            {"Rhode Island", "RI"},
            {"South Carolina", "SC"},
            {"South Dakota", "SD"},
            {"Tennessee", "TN"},
            {"Texas", "TX"},
            {"Utah", "UT"},
            {"Vermont", "VT"},
            {"Virginia", "VA"},
            {"Washington", "WA"},
            {"West Virginia", "WV"},
            {"Wisconsin", "WI"},
            {"Wyoming", "WY"},
            {"District of Columbia", "DC"}
        };
        for (String[] s : states) {
            CODES.put(s[0].toLowerCase(Locale.ROOT), "US-" + s[1]);
        }
        String[][] others = {
            {"Ontario", "CA-ON"},
            {"British Columbia", "CA-BC"},
            {"Alberta", "CA-AB"},
            {"Quebec", "CA-QC"},
            {"England and Wales", "GB-ENG"},
            {"England", "GB-ENG"},
            {"Scotland", "GB-SCT"},
            {"United Kingdom", "GB"},
            {"United States", "US"},
            {"United States of America", "US"},
            {"Canada", "CA"},
            {"Germany", "DE"},
            {"France", "FR"},
            {"Switzerland", "CH"},
            {"Netherlands", "NL"},
            {"Ireland", "IE"},
            {"Israel", "IL"},
            {"Japan", "JP"},
            {"China", "CN"},
            {"People's Republic of China", "CN"},
            {"Hong Kong", "HK"},
            {"Singapore", "SG"},
            {"India", "IN"},
            {"Australia", "AU"},
            {"Sweden", "SE"},
            {"Cayman Islands", "KY"},
            {"Bermuda", "BM"},
            {"Luxembourg", "LU"},
            {"Spain", "ES"},
            {"Italy", "IT"}
        };
        for (String[] o : others) {
            CODES.put(o[0].toLowerCase(Locale.ROOT), o[1]);
        }
    }

    private Jurisdictions() {}

    /** The code of the longest known name at the start of {@code text} (so "New York" beats "York"), or null. */
    static @Nullable String code(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        lower = lower.replaceFirst("^(the )?(state|commonwealth|province|republic) of ", "")
                .replaceFirst("^the ", "");
        String best = null;
        int bestLength = 0;
        for (Map.Entry<String, String> e : CODES.entrySet()) {
            if (lower.startsWith(e.getKey())
                    && e.getKey().length() > bestLength
                    && (lower.length() == e.getKey().length()
                            || !Character.isLetter(lower.charAt(e.getKey().length())))) {
                best = e.getValue();
                bestLength = e.getKey().length();
            }
        }
        return best;
    }
}
