package io.docmatrix.analysis.facts;

import io.docmatrix.analysis.document.AnalysedChunk;
import io.docmatrix.analysis.document.DocumentForAnalysis;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Extracts a contract's key facts with patterns drafters use: parties from the preamble, dates next to the words that
 * give them their meaning, renewal and notice periods (normalised to ISO-8601 days, a month counted as 30 days and a
 * year as 365), the governing law's jurisdiction (ISO 3166 code) and money amounts (decimal amount and ISO 4217
 * currency). Every fact quotes the document verbatim with its offsets in the extracted text.
 */
public final class KeyFactAgent implements FactExtractor {

    public static final String PARTY = "PARTY";
    public static final String AGREEMENT_DATE = "AGREEMENT_DATE";
    public static final String EFFECTIVE_DATE = "EFFECTIVE_DATE";
    public static final String EXPIRATION_DATE = "EXPIRATION_DATE";
    public static final String RENEWAL_TERM = "RENEWAL_TERM";
    public static final String NOTICE_PERIOD = "NOTICE_PERIOD";
    public static final String GOVERNING_LAW = "GOVERNING_LAW";
    public static final String MONETARY_AMOUNT = "MONETARY_AMOUNT";

    /** The preamble (parties, agreement date) is in the first chunks. */
    private static final int PREAMBLE_CHUNKS = 2;

    private static final int MAX_AMOUNTS = 50;
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final String MONTH =
            "(?:January|February|March|April|May|June|July|August|September|October|November|December"
                    + "|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
    private static final String DATE = "(?:" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?\\s*,?\\s*\\d{4}"
            + "|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:day\\s+of\\s+)?" + MONTH + "\\s*,?\\s*\\d{4}"
            + "|\\d{1,2}/\\d{1,2}/\\d{4}|\\d{4}-\\d{2}-\\d{2})";
    private static final Pattern DATE_PATTERN = Pattern.compile(DATE, FLAGS);

    private static final Pattern AGREEMENT_DATE_CUE = Pattern.compile(
            "\\b(dated|made\\s+(?:and\\s+entered\\s+into\\s+)?(?:as\\s+of|on|this)|entered\\s+into\\s+(?:as\\s+of|on|this)"
                    + "|executed\\s+(?:as\\s+of|on))\\b[^.;]{0,40}?(" + DATE + ")",
            FLAGS);
    private static final Pattern EFFECTIVE_DATE_CUE = Pattern.compile(
            "\\b(effective\\s+(?:as\\s+of|on|from)|effective\\s+date\\W{0,3}\\s*(?:means|shall\\s+be|is|of)?)\\s*[^.;]{0,30}?("
                    + DATE + ")|(" + DATE + ")\\s*\\(\\s*(?:the\\s+)?[\"“]Effective\\s+Date",
            FLAGS);
    private static final Pattern EXPIRATION_DATE_CUE = Pattern.compile(
            "\\b(expire[sd]?|terminate[sd]?|end)\\s+(?:on|at\\s+[^.;]{0,30}?on)\\s+[^.;]{0,20}?(" + DATE + ")"
                    + "|\\b(?:until|through)\\s+(" + DATE + ")",
            FLAGS);

    private static final String NUMBER_WORD = "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|fifteen|eighteen|twenty|thirty|forty-five|forty|forty five|sixty|ninety|one hundred twenty|one hundred eighty)";
    private static final String QUANTITY = "(?:(" + NUMBER_WORD + ")\\s*(?:\\((\\d+)\\))?|(\\d+))";
    private static final String UNIT = "(day|month|year)s?";
    private static final Pattern RENEWAL_CUE = Pattern.compile(
            "(?<!non-)(?<!non)\\b(renew\\w*|extend\\w*|extension)\\b(?:(?!notice)[^.;]){0,80}?\\b(?:for\\s+)?(?:an?\\s+)?(?:additional|successive|further|consecutive|subsequent|renewal)?"
                    + "\\s*(?:periods?\\s+of\\s+)?" + QUANTITY + "[\\s-]+" + UNIT + "\\b",
            FLAGS);
    private static final Pattern NOTICE_CUE = Pattern.compile(
            QUANTITY + "[\\s-]+" + UNIT
                    + "(?:'s|s'|')?\\s+(?:prior\\s+|advance\\s+)?(?:written\\s+)?notice|notice\\b[^.;]{0,40}?\\b(?:at\\s+least|not\\s+less\\s+than|no\\s+later\\s+than)\\s+"
                    + QUANTITY + "[\\s-]+" + UNIT,
            FLAGS);
    private static final Pattern GOVERNING_LAW_CUE = Pattern.compile(
            "\\b(?:governed\\s+by|construed\\s+(?:and\\s+enforced\\s+)?(?:in\\s+accordance\\s+with|under)|subject\\s+to)\\b[^.;]{0,60}?\\blaws?\\s+of\\s+"
                    + "((?:the\\s+)?(?:State|Commonwealth|Province|Republic)\\s+of\\s+)?([A-Z][A-Za-z.']+(?:\\s+(?:of\\s+)?[A-Z][A-Za-z.']+){0,3}(?:\\s+and\\s+Wales)?)",
            Pattern.UNICODE_CASE);
    private static final Pattern AMOUNT = Pattern.compile(
            "(?:(US\\$|U\\.S\\.\\s?\\$|\\$|€|£|USD|EUR|GBP|CAD)\\s?(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?:\\s+(million|billion|thousand))?)"
                    + "|(?:(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s+(?:(million|billion|thousand)\\s+)?(U\\.S\\.\\s+dollars|dollars|euros|pounds\\s+sterling|USD|EUR|GBP))",
            Pattern.UNICODE_CASE);
    private static final Pattern PARTIES_CUE =
            Pattern.compile("\\b(?:by\\s+and\\s+between|between|by\\s+and\\s+among|among)\\s+", FLAGS);

    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("fifteen", 15),
            Map.entry("eighteen", 18),
            Map.entry("twenty", 20),
            Map.entry("thirty", 30),
            Map.entry("forty", 40),
            Map.entry("forty-five", 45),
            Map.entry("forty five", 45),
            Map.entry("sixty", 60),
            Map.entry("ninety", 90),
            Map.entry("one hundred twenty", 120),
            Map.entry("one hundred eighty", 180));

    @Override
    public KeyFacts extract(DocumentForAnalysis document) {
        List<KeyFact> facts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<AnalysedChunk> chunks = document.chunks();
        for (int i = 0; i < chunks.size(); i++) {
            AnalysedChunk chunk = chunks.get(i);
            if (i < PREAMBLE_CHUNKS) {
                parties(chunk, facts, seen);
                dates(chunk, AGREEMENT_DATE_CUE, AGREEMENT_DATE, facts, seen);
            }
            dates(chunk, EFFECTIVE_DATE_CUE, EFFECTIVE_DATE, facts, seen);
            dates(chunk, EXPIRATION_DATE_CUE, EXPIRATION_DATE, facts, seen);
            periods(chunk, RENEWAL_CUE, RENEWAL_TERM, 1, facts, seen);
            periods(chunk, NOTICE_CUE, NOTICE_PERIOD, 0, facts, seen);
            governingLaw(chunk, facts, seen);
            amounts(chunk, facts, seen);
        }
        return new KeyFacts(facts);
    }

    private static void parties(AnalysedChunk chunk, List<KeyFact> out, Set<String> seen) {
        String text = chunk.text();
        Matcher cue = PARTIES_CUE.matcher(text);
        if (!cue.find()) {
            return;
        }
        int from = cue.end();
        int end = sentenceEnd(text, from, 800);
        // Split the list of parties at "and" / ";" outside parentheses and quotes; each part starts with a name.
        List<int[]> parts = new ArrayList<>();
        int depth = 0;
        int partStart = from;
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && (c == ';' || startsWord(text, i, "and "))) {
                parts.add(new int[] {partStart, i});
                partStart = c == ';' ? i + 1 : i + 4;
            }
        }
        parts.add(new int[] {partStart, end});
        for (int[] part : parts) {
            int[] name = partyName(text, part[0], part[1]);
            if (name != null) {
                add(out, seen, PARTY, chunk, name[0], name[1], collapse(text.substring(name[0], name[1])));
            }
        }
    }

    /** The name at the start of a part: up to the first descriptor (", a Delaware corporation", "(", a comma). */
    private static int @Nullable [] partyName(String text, int start, int end) {
        while (start < end && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == ',')) {
            start++;
        }
        if (start >= end || !Character.isUpperCase(text.charAt(start)) && !Character.isDigit(text.charAt(start))) {
            return null;
        }
        Matcher stop = Pattern.compile(
                        ",\\s+(?:an?|the)\\s|\\(|,\\s*(?:having|with|whose|located|organized|incorporated|acting|on\\s+behalf)|\\s+(?:a|an)\\s+[A-Z][a-z]+\\s+(?:corporation|company|limited)",
                        0)
                .matcher(text)
                .region(start, end);
        int stopAt = stop.find() ? stop.start() : end;
        int nameEnd = stopAt;
        while (nameEnd > start
                && (Character.isWhitespace(text.charAt(nameEnd - 1)) || text.charAt(nameEnd - 1) == ',')) {
            nameEnd--;
        }
        if (nameEnd - start < 2 || nameEnd - start > 120) {
            return null;
        }
        return new int[] {start, nameEnd};
    }

    private static void dates(AnalysedChunk chunk, Pattern cue, String kind, List<KeyFact> out, Set<String> seen) {
        Matcher m = cue.matcher(chunk.text());
        while (m.find()) {
            int group = m.start(2) >= 0 ? 2 : m.groupCount() >= 3 && m.start(3) >= 0 ? 3 : -1;
            if (group < 0) {
                continue;
            }
            String value = chunk.text().substring(m.start(group), m.end(group));
            add(out, seen, kind, chunk, m.start(group), m.end(group), isoDate(value));
        }
    }

    private static void periods(
            AnalysedChunk chunk, Pattern cue, String kind, int firstGroup, List<KeyFact> out, Set<String> seen) {
        Matcher m = cue.matcher(chunk.text());
        while (m.find()) {
            // Two alternative quantity/unit group sets in NOTICE_CUE: take the one that matched.
            int base = firstGroup;
            if (m.start(base + 1) < 0 && m.start(base + 3) < 0 && m.groupCount() >= base + 8) {
                base += 4;
            }
            Integer n = quantity(m.group(base + 1), m.group(base + 2), m.group(base + 3));
            String unit = m.group(base + 4);
            if (n == null || unit == null) {
                continue;
            }
            int days = n
                    * switch (unit.toLowerCase(Locale.ROOT)) {
                        case "year" -> 365;
                        case "month" -> 30;
                        default -> 1;
                    };
            int start = firstNonNull(m, base + 1, base + 3);
            add(
                    out,
                    seen,
                    kind,
                    chunk,
                    start,
                    m.end(base + 4) + plural(chunk.text(), m.end(base + 4)),
                    "P" + days + "D");
        }
    }

    private static int plural(String text, int at) {
        return at < text.length() && (text.charAt(at) == 's' || text.charAt(at) == 'S') ? 1 : 0;
    }

    private static int firstNonNull(Matcher m, int a, int b) {
        return m.start(a) >= 0 ? m.start(a) : m.start(b);
    }

    private static @Nullable Integer quantity(
            @Nullable String word, @Nullable String digitsInParens, @Nullable String digits) {
        if (digitsInParens != null) {
            return Integer.parseInt(digitsInParens);
        }
        if (digits != null) {
            return digits.length() > 6 ? null : Integer.parseInt(digits);
        }
        return word == null ? null : WORDS.get(word.toLowerCase(Locale.ROOT));
    }

    private static void governingLaw(AnalysedChunk chunk, List<KeyFact> out, Set<String> seen) {
        Matcher m = GOVERNING_LAW_CUE.matcher(chunk.text());
        while (m.find()) {
            int start = m.start(1) >= 0 ? m.start(1) : m.start(2);
            String place = m.group(2);
            String code = Jurisdictions.code(place);
            // The name without a sentence's closing period ("the laws of Ohio.").
            int end = m.start(2) + place.strip().replaceAll("\\.+$", "").length();
            add(out, seen, GOVERNING_LAW, chunk, start, end, code);
        }
    }

    private static void amounts(AnalysedChunk chunk, List<KeyFact> out, Set<String> seen) {
        long existing =
                out.stream().filter(f -> f.kind().equals(MONETARY_AMOUNT)).count();
        Matcher m = AMOUNT.matcher(chunk.text());
        while (m.find() && existing < MAX_AMOUNTS) {
            String currency;
            String digits;
            String decimals;
            String scale;
            if (m.group(2) != null) {
                currency = currency(m.group(1));
                digits = m.group(2);
                decimals = m.group(3);
                scale = m.group(4);
            } else {
                currency = currency(m.group(8));
                digits = m.group(5);
                decimals = m.group(6);
                scale = m.group(7);
            }
            BigDecimal amount = new BigDecimal(digits.replace(",", "") + (decimals == null ? "" : decimals));
            if (scale != null) {
                amount = amount.multiply(
                        switch (scale.toLowerCase(Locale.ROOT)) {
                            case "billion" -> BigDecimal.valueOf(1_000_000_000L);
                            case "million" -> BigDecimal.valueOf(1_000_000L);
                            default -> BigDecimal.valueOf(1_000L);
                        });
            }
            if (add(
                    out,
                    seen,
                    MONETARY_AMOUNT,
                    chunk,
                    m.start(),
                    m.end(),
                    amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " " + currency)) {
                existing++;
            }
        }
    }

    private static String currency(String symbol) {
        String s = symbol.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (s.contains("EUR") || s.contains("€")) {
            return "EUR";
        }
        if (s.contains("GBP") || s.contains("£") || s.contains("POUNDS")) {
            return "GBP";
        }
        if (s.contains("CAD")) {
            return "CAD";
        }
        return "USD";
    }

    /** ISO date of a written date, or null when it cannot be read unambiguously. */
    static @Nullable String isoDate(String written) {
        String s =
                collapse(written).replaceAll("(?i)(\\d)(st|nd|rd|th)\\b", "$1").replaceAll("(?i)\\bday of\\b", "");
        s = s.replace(",", " ").replaceAll("\\s+", " ").strip();
        try {
            Matcher iso = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})").matcher(s);
            if (iso.matches()) {
                return LocalDate.parse(s).toString();
            }
            Matcher us = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})").matcher(s);
            if (us.matches()) {
                // US contracts write month/day/year.
                return LocalDate.of(
                                Integer.parseInt(us.group(3)),
                                Integer.parseInt(us.group(1)),
                                Integer.parseInt(us.group(2)))
                        .toString();
            }
            Matcher monthFirst =
                    Pattern.compile("([A-Za-z]+)\\.? (\\d{1,2}) (\\d{4})").matcher(s);
            if (monthFirst.matches()) {
                return date(monthFirst.group(3), monthFirst.group(1), monthFirst.group(2));
            }
            Matcher dayFirst =
                    Pattern.compile("(\\d{1,2}) ([A-Za-z]+)\\.? (\\d{4})").matcher(s);
            if (dayFirst.matches()) {
                return date(dayFirst.group(3), dayFirst.group(2), dayFirst.group(1));
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static @Nullable String date(String year, String month, String day) {
        String m = month.toLowerCase(Locale.ROOT);
        String[] names = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int i = 0; i < names.length; i++) {
            if (m.startsWith(names[i])) {
                return LocalDate.of(Integer.parseInt(year), i + 1, Integer.parseInt(day))
                        .toString();
            }
        }
        return null;
    }

    private static boolean add(
            List<KeyFact> out,
            Set<String> seen,
            String kind,
            AnalysedChunk chunk,
            int from,
            int to,
            @Nullable String normalized) {
        int start = chunk.start() + from;
        int end = chunk.start() + to;
        // Overlapping chunks repeat sentences; a fact is reported once per place in the document.
        if (!seen.add(kind + ":" + start)) {
            return false;
        }
        String quote = chunk.text().substring(from, to);
        out.add(new KeyFact(kind, collapse(quote), normalized, chunk.chunkId(), chunk.page(), start, end, quote));
        return true;
    }

    private static int sentenceEnd(String text, int from, int max) {
        int limit = Math.min(text.length(), from + max);
        for (int i = from; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '.'
                    && i + 1 < text.length()
                    && Character.isWhitespace(text.charAt(i + 1))
                    && !abbreviation(text, i)) {
                return i;
            }
        }
        return limit;
    }

    /** A period closing "Inc.", "Ltd.", "Corp." or a single initial does not end the preamble. */
    private static boolean abbreviation(String text, int dot) {
        int s = dot;
        while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        String word = text.substring(s, dot).toLowerCase(Locale.ROOT);
        return word.length() <= 1
                || Set.of("inc", "ltd", "corp", "co", "llc", "l.l.c", "n.v", "s.a", "plc", "no")
                        .contains(word);
    }

    private static boolean startsWord(String text, int i, String word) {
        return (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
                && text.regionMatches(true, i, word, 0, word.length());
    }

    private static String collapse(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
