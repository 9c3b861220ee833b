package io.docmatrix.deploy.monitoring;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL to check what the alert rules and dashboards query: brackets balance and the metric names in an
 * expression. Not a parser (none is published on Maven Central for Java): string literals, label matchers, range and
 * subquery brackets and grouping label lists are removed, then every identifier that is neither a function call nor a
 * keyword is a metric name.
 */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of(
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "and",
            "or",
            "unless",
            "bool",
            "offset",
            "sum",
            "min",
            "max",
            "avg",
            "count",
            "stddev",
            "stdvar",
            "topk",
            "bottomk",
            "quantile",
            "count_values",
            "group",
            "inf",
            "nan");
    private static final Map<Character, Character> PAIRS = Map.of(')', '(', ']', '[', '}', '{');
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private PromQl() {}

    /** Whether (), [] and {} nest properly outside string literals. */
    static boolean balanced(String expression) {
        Deque<Character> open = new ArrayDeque<>();
        for (char c : STRING.matcher(expression).replaceAll("\"\"").toCharArray()) {
            if (c == '(' || c == '[' || c == '{') {
                open.push(c);
            } else if (PAIRS.containsKey(c)) {
                if (open.isEmpty() || open.pop() != PAIRS.get(c)) {
                    return false;
                }
            }
        }
        return open.isEmpty();
    }

    /** The metric names the expression selects. */
    static Set<String> metricNames(String expression) {
        String text = STRING.matcher(expression).replaceAll("\"\"");
        text = text.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
        text = GROUPING.matcher(text).replaceAll(" ");
        text = text.replaceAll("\\$\\{?[a-zA-Z_]+}?", " ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(text);
        while (identifier.find()) {
            String name = identifier.group();
            String rest = text.substring(identifier.end()).stripLeading();
            boolean call = rest.startsWith("(");
            boolean partOfNumber = identifier.start() > 0
                    && (Character.isDigit(text.charAt(identifier.start() - 1))
                            || text.charAt(identifier.start() - 1) == '.');
            if (!call && !partOfNumber && !KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }
}
