package io.docmatrix.query.answer;

import java.util.regex.Pattern;

/**
 * Makes model output inert for any client that renders Markdown or HTML: images and links become their text, HTML
 * tags and link reference definitions disappear. Citation tags such as {@code [C2]} stay (they are not links).
 */
final class Inert {

    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\s*\\([^)]*\\)");
    private static final Pattern INLINE_LINK = Pattern.compile("\\[([^\\]]*)]\\s*\\([^)]*\\)");
    private static final Pattern REFERENCE_LINK = Pattern.compile("\\[([^\\]]+)]\\s*\\[[^\\]]*]");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("(?m)^\\s*\\[[^\\]]+]:\\s*\\S+.*$");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|ftp|mailto|javascript|data):[^>\\s]*)>");
    private static final Pattern LEFTOVER_TAG_START = Pattern.compile("<(?=[A-Za-z/!?])");
    private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z][^>]*>|<!--.*?-->", Pattern.DOTALL);

    private Inert() {}

    static String text(String modelOutput) {
        String out = IMAGE.matcher(modelOutput).replaceAll(m -> literal(m.group(1)));
        out = INLINE_LINK.matcher(out).replaceAll(m -> literal(m.group(1)));
        out = REFERENCE_LINK
                .matcher(out)
                .replaceAll(m -> isCitationTag(m.group(0)) ? literal(m.group(0)) : literal(m.group(1)));
        out = REFERENCE_DEFINITION.matcher(out).replaceAll("");
        out = AUTOLINK.matcher(out).replaceAll(m -> literal(m.group(1)));
        out = HTML_TAG.matcher(out).replaceAll("");
        // what is left of a tag ("<script" without its '>') can no longer open one
        return LEFTOVER_TAG_START.matcher(out).replaceAll("\u2039");
    }

    private static boolean isCitationTag(String text) {
        return text.matches("\\[C\\d+]\\s*\\[C\\d+]");
    }

    private static String literal(String replacement) {
        return java.util.regex.Matcher.quoteReplacement(replacement);
    }
}
