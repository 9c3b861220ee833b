package io.docmatrix.ingestion.parsing;

import io.docmatrix.ingestion.parsing.ParseOutcome.Block;
import io.docmatrix.ingestion.parsing.ParseOutcome.Heading;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds section starts: styled headings (h1..h6, Markdown {@code #}) and the numbering of contracts, which rarely use
 * heading styles: {@code ARTICLE IV}, {@code Section 4.2}, {@code 1.}, {@code 1.1}, {@code (a)}, {@code (iv)} and short
 * all-caps lines. Levels only need to order these kinds relative to each other, so the heading path of a chunk is the
 * stack of enclosing headings.
 */
final class SectionDetector {

    static final int ARTICLE_LEVEL = 1;
    static final int LETTER_LEVEL = 8;
    static final int ROMAN_LEVEL = 9;
    private static final int MAX_TITLE = 90;

    private static final Pattern SENTENCE_END = Pattern.compile("[\\p{Ll})\\]]\\.\\s");
    private static final Pattern MARKDOWN = Pattern.compile("^(#{1,6})\\s+\\S");
    private static final Pattern ARTICLE =
            Pattern.compile("^(?:ARTICLE|Article|PART|Part|CHAPTER|Chapter)\\s+([IVXLC]+|\\d{1,3})\\b[.:]?\\s*(.*)$");
    private static final Pattern SECTION =
            Pattern.compile("^(?:SECTION|Section|§)\\s*(\\d{1,3}(?:\\.\\d{1,3}){0,4})\\.?(?:\\s|$)");
    private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,2}(?:\\.\\d{1,3}){0,4})(\\.?)\\s+\\p{Lu}");
    private static final Pattern LETTER = Pattern.compile("^\\(([a-z]{1,2})\\)\\s+\\S");
    private static final Pattern ROMAN = Pattern.compile("^\\(((?:x{0,3})(?:ix|iv|v?i{0,3}))\\)\\s+\\S");

    private SectionDetector() {}

    /**
     * @param headingLevels the h1..h6 level of each block from the document's own styles, 0 when unstyled
     */
    static List<Heading> detect(String text, List<Block> blocks, List<Integer> headingLevels) {
        List<Heading> headings = new ArrayList<>();
        char lastLetter = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (block.kind() == Block.Kind.TABLE) {
                continue;
            }
            String blockText = text.substring(block.start(), block.end());
            String firstLine = blockText.lines().findFirst().orElse("");
            int styled = i < headingLevels.size() ? headingLevels.get(i) : 0;
            if (styled > 0) {
                headings.add(new Heading(styled, title(firstLine), block.start()));
                continue;
            }
            Matcher m;
            if ((m = MARKDOWN.matcher(firstLine)).find()) {
                headings.add(new Heading(
                        m.group(1).length(),
                        title(firstLine.substring(m.group(1).length()).strip()),
                        block.start()));
            } else if ((m = ARTICLE.matcher(firstLine)).matches()) {
                String title = title(firstLine);
                List<String> lines = blockText.lines().toList();
                if (m.group(2).isBlank() && lines.size() == 2 && isAllCapsHeading(lines.get(1))) {
                    // "ARTICLE IV" with its title on the next line of the same paragraph.
                    title = title + " " + lines.get(1).strip();
                }
                headings.add(new Heading(ARTICLE_LEVEL, title, block.start()));
            } else if ((m = SECTION.matcher(firstLine)).find()) {
                headings.add(new Heading(1 + depth(m.group(1)), title(firstLine), block.start()));
            } else if ((m = NUMBERED.matcher(firstLine)).find()
                    && (m.group(1).contains(".") || !m.group(2).isEmpty())) {
                headings.add(new Heading(1 + depth(m.group(1)), title(firstLine), block.start()));
            } else if ((m = ROMAN.matcher(firstLine)).find()
                    && !m.group(1).isEmpty()
                    && !(m.group(1).length() == 1
                            && isNextLetter(lastLetter, m.group(1).charAt(0)))) {
                headings.add(new Heading(ROMAN_LEVEL, title(firstLine), block.start()));
            } else if ((m = LETTER.matcher(firstLine)).find()) {
                lastLetter = m.group(1).charAt(0);
                headings.add(new Heading(LETTER_LEVEL, title(firstLine), block.start()));
            } else if (isAllCapsHeading(blockText)) {
                if (!headings.isEmpty() && isUntitledArticleJustBefore(headings, blocks, i)) {
                    Heading article = headings.remove(headings.size() - 1);
                    headings.add(
                            new Heading(article.level(), article.title() + " " + blockText.strip(), article.start()));
                } else {
                    headings.add(new Heading(ARTICLE_LEVEL, title(blockText), block.start()));
                }
            }
        }
        return headings;
    }

    /**
     * Whether a line opens a section. PDF extraction often puts a whole page in one paragraph, so the parser splits
     * paragraphs before such lines to let contract numbering become headings.
     */
    static boolean startsSection(String line) {
        Matcher m;
        return MARKDOWN.matcher(line).find()
                || ARTICLE.matcher(line).matches()
                || SECTION.matcher(line).find()
                || (m = NUMBERED.matcher(line)).find()
                        && (m.group(1).contains(".") || !m.group(2).isEmpty())
                || LETTER.matcher(line).find()
                || isAllCapsHeading(line);
    }

    /** "ARTICLE IV" alone on its line: its title usually follows on the next line and belongs to it. */
    static boolean isUntitledArticle(String line) {
        Matcher m = ARTICLE.matcher(line);
        return m.matches() && m.group(2).isBlank();
    }

    private static boolean isUntitledArticleJustBefore(List<Heading> headings, List<Block> blocks, int index) {
        Heading previous = headings.get(headings.size() - 1);
        if (index == 0 || previous.start() != blocks.get(index - 1).start()) {
            return false;
        }
        Matcher m = ARTICLE.matcher(previous.title());
        return m.matches() && m.group(2).isBlank();
    }

    private static boolean isNextLetter(char lastLetter, char c) {
        return lastLetter != 0 && c == lastLetter + 1;
    }

    private static boolean isAllCapsHeading(String blockText) {
        String s = blockText.strip();
        if (s.length() < 3 || s.length() > 80 || s.contains("\n") || s.endsWith(".") && !s.matches(".*\\b[A-Z]\\.$")) {
            return false;
        }
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 3 && s.split("\\s+").length <= 10;
    }

    private static int depth(String number) {
        return number.split("\\.").length;
    }

    /** The first line, cut after its first sentence or at a word boundary when long. */
    static String title(String line) {
        String s = line.strip();
        Matcher sentenceEnd = SENTENCE_END.matcher(s);
        if (s.length() > 4 && sentenceEnd.find(4) && sentenceEnd.start() + 1 <= MAX_TITLE) {
            return s.substring(0, sentenceEnd.start() + 1);
        }
        if (s.length() <= MAX_TITLE) {
            return stripTrailingPeriod(s);
        }
        int cut = s.lastIndexOf(' ', MAX_TITLE);
        return s.substring(0, cut > 20 ? cut : MAX_TITLE) + "…";
    }

    private static String stripTrailingPeriod(String s) {
        return s.endsWith(".") && s.length() > 3 && !s.toUpperCase(Locale.ROOT).equals(s)
                ? s.substring(0, s.length() - 1)
                : s;
    }
}
