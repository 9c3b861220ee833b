package io.docmatrix.analysis.risk;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a period of time from a key fact, in days: an ISO-8601 period ({@code P30D}, {@code P3M}, {@code P1Y}) as a
 * normalised value, or contract wording ("thirty (30) days", "ninety days", "one (1) year", "6 months"). Months count
 * 30 days and years 365, precise enough for comparing with playbook limits.
 */
final class Periods {

    private static final Pattern ISO = Pattern.compile("P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?");
    private static final Pattern WORDS = Pattern.compile(
            "(\\d+|[a-z]+(?:[- ][a-z]+)?)\\s*(?:\\(\\s*(\\d+)\\s*\\)\\s*)?(?:calendar\\s+|business\\s+)?(day|week|month|year)s?",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
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
            Map.entry("twenty", 20),
            Map.entry("thirty", 30),
            Map.entry("forty-five", 45),
            Map.entry("forty five", 45),
            Map.entry("sixty", 60),
            Map.entry("ninety", 90),
            Map.entry("eighteen", 18),
            Map.entry("twenty-four", 24),
            Map.entry("twenty four", 24),
            Map.entry("a", 1),
            Map.entry("an", 1));

    private Periods() {}

    static OptionalInt days(@Nullable String normalized, @Nullable String text) {
        if (normalized != null) {
            OptionalInt iso = iso(normalized.trim().toUpperCase(Locale.ROOT));
            if (iso.isPresent()) {
                return iso;
            }
            OptionalInt words = words(normalized);
            if (words.isPresent()) {
                return words;
            }
        }
        return text == null ? OptionalInt.empty() : words(text);
    }

    private static OptionalInt iso(String value) {
        Matcher m = ISO.matcher(value);
        if (!m.matches() || value.equals("P")) {
            return OptionalInt.empty();
        }
        long days = group(m, 1) * 365L + group(m, 2) * 30L + group(m, 3) * 7L + group(m, 4);
        return OptionalInt.of((int) Math.min(days, Integer.MAX_VALUE));
    }

    private static long group(Matcher m, int group) {
        return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
    }

    private static OptionalInt words(String text) {
        Matcher m = WORDS.matcher(text);
        while (m.find()) {
            Integer count = m.group(2) != null ? Integer.valueOf(m.group(2)) : number(m.group(1));
            if (count == null) {
                continue;
            }
            int unit =
                    switch (m.group(3).toLowerCase(Locale.ROOT)) {
                        case "week" -> 7;
                        case "month" -> 30;
                        case "year" -> 365;
                        default -> 1;
                    };
            return OptionalInt.of(count * unit);
        }
        return OptionalInt.empty();
    }

    private static @Nullable Integer number(String word) {
        if (word.chars().allMatch(Character::isDigit)) {
            return Integer.valueOf(word);
        }
        String lower = word.toLowerCase(Locale.ROOT);
        Integer whole = NUMBERS.get(lower);
        if (whole != null) {
            return whole;
        }
        // "within thirty" -> the regex took two words; the number is the last one.
        int space = lower.lastIndexOf(' ');
        return space < 0 ? null : NUMBERS.get(lower.substring(space + 1));
    }
}
