package io.docmatrix.bench.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic commercial contracts, the benchmark's "standard document": about {@code targetWords} words (4,000 by
 * default, roughly ten pages at 400 words a page) of numbered articles and clauses built from our own templates. The
 * same seed always gives the same texts, so runs on different days ingest exactly the same bytes.
 */
public final class ContractGenerator {

    /** Words on a printed page of a typical contract; only used to place page breaks. */
    static final int WORDS_PER_PAGE = 400;

    private static final String[] COMPANIES = {
        "Northwind Logistics", "Blue Heron Analytics", "Calder Biotech", "Granite Peak Energy", "Larkspur Media",
        "Meridian Foods", "Orchid Robotics", "Pinecrest Health", "Quarry Lane Capital", "Redwood Telecom",
        "Silverline Software", "Tidewater Shipping", "Umber Textiles", "Vantage Aerospace", "Willow Creek Pharma"
    };
    private static final String[] FORMS = {"Inc.", "LLC", "Ltd.", "GmbH", "S.A.", "Corporation"};
    private static final String[] STATES = {
        "Delaware", "New York", "California", "Texas", "Ontario", "England and Wales", "Bavaria", "Illinois"
    };
    private static final String[] KINDS = {
        "Master Services Agreement",
        "Supply Agreement",
        "Software License Agreement",
        "Distribution Agreement",
        "Consulting Agreement",
        "Joint Development Agreement"
    };
    private static final String[] SUBJECTS = {
        "cloud hosting services", "industrial sensors", "clinical data management", "freight forwarding",
        "marketing analytics", "laboratory reagents", "payroll software", "wind turbine maintenance"
    };
    private static final String[] TOPICS = {
        "Definitions",
        "Services",
        "Fees and Payment",
        "Term and Termination",
        "Confidentiality",
        "Intellectual Property",
        "Warranties",
        "Indemnification",
        "Limitation of Liability",
        "Insurance",
        "Data Protection",
        "Audit Rights",
        "Non-Solicitation",
        "Force Majeure",
        "Assignment",
        "Governing Law",
        "Dispute Resolution",
        "Notices",
        "Exclusivity",
        "Most Favored Customer",
        "Change of Control",
        "Miscellaneous"
    };

    /** Clause templates; {A}/{B} are the parties, {N} a number, {D} days, {M} money, {S} the subject, {L} the law. */
    private static final String[] CLAUSES = {
        "{A} shall pay all undisputed invoices within {D} days of receipt, and late amounts bear interest at {N} percent"
                + " per annum or the highest rate permitted by law, whichever is lower.",
        "Either party may terminate this Agreement for convenience upon {D} days prior written notice to the other"
                + " party, provided that all fees accrued up to the date of termination remain payable.",
        "{B} shall keep the Confidential Information of {A} in strict confidence, use it solely to perform this"
                + " Agreement, and disclose it only to employees and advisers bound by duties at least as protective.",
        "Except for breaches of confidentiality and indemnification obligations, neither party's aggregate liability"
                + " arising out of this Agreement shall exceed {M} or the fees paid in the preceding {N} months.",
        "{B} warrants that the {S} will conform in all material respects to the specifications for a period of {D}"
                + " days after acceptance, and shall repair or replace any nonconforming deliverable at its own cost.",
        "{A} shall indemnify, defend and hold harmless {B} from any third-party claim alleging that the {S} infringe a"
                + " patent, copyright or trade secret, subject to prompt notice and reasonable cooperation.",
        "All intellectual property rights in deliverables created under a statement of work vest in {A} upon payment,"
                + " while {B} retains its pre-existing tools, know-how and general skills.",
        "During the term and for {N} months thereafter, neither party shall solicit for employment any employee of the"
                + " other party who was materially involved in the {S}.",
        "This Agreement is governed by the laws of {L}, without regard to its conflict of laws principles, and the"
                + " courts located there have exclusive jurisdiction over any dispute.",
        "Neither party shall be liable for delay caused by events beyond its reasonable control, including flood,"
                + " epidemic, war or failure of public utilities, if it notifies the other party within {D} days.",
        "{B} shall maintain commercial general liability insurance of at least {M} per occurrence and provide"
                + " certificates of insurance upon request.",
        "{A} may audit the records of {B} relating to the {S} once per calendar year upon {D} days notice, during"
                + " normal business hours and at its own expense.",
        "Neither party may assign this Agreement without the prior written consent of the other party, except to a"
                + " successor in a merger, change of control or sale of substantially all assets.",
        "{B} shall process personal data only on documented instructions of {A}, implement appropriate technical and"
                + " organisational measures, and notify {A} of a personal data breach within {N} hours.",
        "During the term {B} shall not supply comparable {S} to a direct competitor of {A} within the territory"
                + " without the prior written approval of {A}.",
        "If {B} offers more favourable prices for substantially similar {S} to another customer, it shall offer the"
                + " same prices to {A} from the date they were first offered.",
        "Any notice under this Agreement shall be in writing and is deemed given when delivered by hand, by courier,"
                + " or {N} business days after mailing by registered post.",
        "The parties shall first attempt to resolve any dispute through good faith negotiation between executives for"
                + " {D} days before either party starts arbitration or litigation.",
        "This Agreement constitutes the entire agreement between the parties and supersedes all prior proposals,"
                + " negotiations and understandings relating to the {S}.",
        "Fees are exclusive of taxes; {A} shall pay all sales, use and value added taxes except taxes based on the net"
                + " income of {B}.",
        "The initial term is {N} years from the Effective Date and renews automatically for successive one-year terms"
                + " unless either party gives notice of non-renewal at least {D} days before expiry."
    };

    private final long seed;
    private final int targetWords;

    public ContractGenerator(long seed, int targetWords) {
        if (targetWords < 100) {
            throw new IllegalArgumentException("a contract needs at least 100 words, not " + targetWords);
        }
        this.seed = seed;
        this.targetWords = targetWords;
    }

    /** The first {@code count} contracts of this seed. */
    public List<CorpusDocument> contracts(int count) {
        List<CorpusDocument> documents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            documents.add(contract(i));
        }
        return documents;
    }

    /** Contract number {@code index} of this seed; independent of how many others are generated. */
    public CorpusDocument contract(int index) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        String a = pick(random, COMPANIES) + " " + pick(random, FORMS);
        String b = pick(random, COMPANIES) + " " + pick(random, FORMS);
        String kind = pick(random, KINDS);
        String subject = pick(random, SUBJECTS);
        String law = pick(random, STATES);
        StringBuilder text = new StringBuilder();
        text.append(kind.toUpperCase(java.util.Locale.ROOT)).append("\n\n");
        text.append("This ")
                .append(kind)
                .append(" (the \"Agreement\") is entered into as of ")
                .append(1 + random.nextInt(28))
                .append(' ')
                .append(pick(random, new String[] {"January", "March", "May", "July", "September", "November"}))
                .append(' ')
                .append(2019 + random.nextInt(7))
                .append(" by and between ")
                .append(a)
                .append(", a company organised under the laws of ")
                .append(pick(random, STATES))
                .append(" (\"")
                .append(a)
                .append("\"), and ")
                .append(b)
                .append(" (\"")
                .append(b)
                .append("\"), concerning ")
                .append(subject)
                .append(".\n\n");
        int words = countWords(text);
        int wordsOnPage = words;
        for (int article = 1; words < targetWords; article++) {
            String topic = TOPICS[(article - 1 + random.nextInt(3)) % TOPICS.length];
            text.append("ARTICLE ").append(article).append(". ").append(topic.toUpperCase(java.util.Locale.ROOT));
            text.append("\n\n");
            int clauses = 3 + random.nextInt(4);
            for (int clause = 1; clause <= clauses && words < targetWords; clause++) {
                String sentence = fill(random, pick(random, CLAUSES), a, b, subject, law);
                String extra = fill(random, pick(random, CLAUSES), a, b, subject, law);
                String paragraph = article + "." + clause + " " + topic + ". " + sentence + " " + extra + "\n\n";
                text.append(paragraph);
                int added = countWords(paragraph);
                words += added;
                wordsOnPage += added;
                if (wordsOnPage >= WORDS_PER_PAGE) {
                    // A form feed is the page break of plain text; the parser may or may not count pages by it.
                    text.append('\f');
                    wordsOnPage = 0;
                }
            }
        }
        String name = String.format("bench-contract-%d-%05d.txt", seed, index);
        return CorpusDocument.plainText(name, text.toString());
    }

    private static String fill(
            SplittableRandom random, String template, String a, String b, String subject, String law) {
        return template.replace("{A}", a)
                .replace("{B}", b)
                .replace("{S}", subject)
                .replace("{L}", law)
                .replace("{N}", Integer.toString(2 + random.nextInt(22)))
                .replace("{D}", Integer.toString(10 * (1 + random.nextInt(9))))
                .replace("{M}", "USD " + (50 + random.nextInt(950)) + ",000");
    }

    private static String pick(SplittableRandom random, String[] options) {
        return options[random.nextInt(options.length)];
    }

    static int countWords(CharSequence text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    /** Vocabulary the questions draw on, so that full-text search has terms to match. */
    static List<String> topics() {
        return List.of(TOPICS);
    }

    static List<String> subjects() {
        return List.of(SUBJECTS);
    }

    static List<String> companies() {
        return List.of(COMPANIES);
    }
}
