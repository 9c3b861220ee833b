package io.docmatrix.analysis.clause;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ClauseCuesTest {

    /** The team's own sentences; together they must exercise every cue of every category. */
    private static final Map<String, List<String>> EXAMPLES = Map.ofEntries(
            Map.entry(
                    "Parties",
                    List.of(
                            "This Agreement is made by and between Acme Corp. and Beta LLC.",
                            "by and among the Company, the Sellers and the Buyer",
                            "Gamma Inc. (the \"Licensee\")")),
            Map.entry(
                    "Agreement Date",
                    List.of(
                            "This Agreement is dated as of May 5, 2020.",
                            "made this 12th day of July, 2019",
                            "entered into as of the date last signed")),
            Map.entry(
                    "Effective Date",
                    List.of(
                            "from the Effective Date onwards",
                            "effective as of January 1, 2022",
                            "This Agreement shall become effective upon signature.")),
            Map.entry(
                    "Expiration Date",
                    List.of(
                            "The initial term is five years.",
                            "This Agreement shall expire on June 30, 2025.",
                            "The term of this Agreement shall be two years.",
                            "It shall remain in full force for three years.")),
            Map.entry(
                    "Renewal Term",
                    List.of(
                            "It shall automatically renew each year.",
                            "for successive one-year terms",
                            "during any renewal term",
                            "This Agreement shall be renewed annually.")),
            Map.entry(
                    "Notice Period to Terminate Renewal",
                    List.of(
                            "unless a party gives notice of non-renewal",
                            "at least 60 days prior to the end of the then-current term")),
            Map.entry(
                    "Governing Law",
                    List.of(
                            "This Agreement is governed by the laws of Ohio.",
                            "Governing Law.",
                            "construed in accordance with the laws of Texas")),
            Map.entry(
                    "Most Favored Nation",
                    List.of(
                            "most favored customer pricing",
                            "terms no less favorable than those offered to others",
                            "if Supplier grants more favorable prices to another customer")),
            Map.entry(
                    "Competitive Restriction Exception",
                    List.of(
                            "Notwithstanding the foregoing, the non-compete does not cover existing products.",
                            "This section shall not prohibit passive investments.")),
            Map.entry(
                    "Non-Compete",
                    List.of(
                            "The non-competition covenant lasts two years.",
                            "Seller agrees not to compete with the Business.",
                            "no competitive products in the Territory",
                            "shall not sell competing products",
                            "any business that competes with the Company")),
            Map.entry(
                    "Exclusivity",
                    List.of(
                            "appointed as exclusive distributor",
                            "purchased exclusively from Supplier",
                            "all of its requirements for the goods",
                            "the sole and exclusive provider")),
            Map.entry(
                    "No-Solicit of Customers",
                    List.of(
                            "shall not solicit any customers of the Company",
                            "any client of the Company that Agent may solicit")),
            Map.entry(
                    "No-Solicit of Employees",
                    List.of(
                            "shall not hire any employees of the other party",
                            "This non-solicitation clause applies to both.")),
            Map.entry(
                    "Non-Disparagement",
                    List.of("shall not disparage the Company", "no derogatory statements", "defamatory remarks")),
            Map.entry(
                    "Termination for Convenience",
                    List.of(
                            "terminate for convenience",
                            "terminate without cause",
                            "for any reason or no reason",
                            "Either party may terminate this Agreement upon thirty (30) days notice.")),
            Map.entry(
                    "Rofr/Rofo/Rofn",
                    List.of(
                            "a right of first refusal",
                            "the first right to purchase",
                            "may match the offer within ten days")),
            Map.entry(
                    "Change of Control",
                    List.of(
                            "upon a change of control of Licensee",
                            "any change in the ownership of the Company",
                            "a merger, or a sale of all or substantially all of its assets")),
            Map.entry(
                    "Anti-Assignment",
                    List.of(
                            "Licensee may not assign this Agreement.",
                            "No assignment without the prior written consent of Licensor.",
                            "without the prior written consent of the other party, neither may assign",
                            "any assignment in breach of this clause is void")),
            Map.entry(
                    "Revenue/Profit Sharing",
                    List.of(
                            "a royalty on sales",
                            "ten percent of Net Sales",
                            "a revenue share arrangement",
                            "profit sharing between the parties",
                            "5% of the gross receipts")),
            Map.entry(
                    "Price Restrictions",
                    List.of(
                            "any price increase requires approval",
                            "Supplier shall not increase the prices.",
                            "the prices are fixed")),
            Map.entry(
                    "Minimum Commitment",
                    List.of(
                            "a minimum purchase of 100 units",
                            "at least 500 units per year",
                            "Licensee shall pay the shortfall.")),
            Map.entry(
                    "Volume Restriction",
                    List.of("if usage exceeds the licensed number of users", "orders in excess of the forecast")),
            Map.entry(
                    "IP Ownership Assignment",
                    List.of(
                            "Consultant hereby assigns all inventions",
                            "deliverables are works made for hire",
                            "shall be the sole property of the Company",
                            "all right, title and interest in the work product")),
            Map.entry(
                    "Joint IP Ownership",
                    List.of(
                            "inventions jointly owned by the parties",
                            "jointly develop the technology",
                            "the parties co-own the patents",
                            "an undivided interest")),
            Map.entry(
                    "License Grant",
                    List.of(
                            "Licensor hereby grants the rights below",
                            "grants to Licensee a license",
                            "a non-exclusive, worldwide license",
                            "a license to use the Software")),
            Map.entry(
                    "Non-Transferable License",
                    List.of(
                            "a non-transferable license",
                            "non-assignable rights",
                            "non-sublicensable rights",
                            "Licensee may not sublicense the Software.")),
            Map.entry(
                    "Affiliate License-Licensor",
                    List.of("Licensor and its Affiliates hereby grant", "on behalf of itself and its Affiliates")),
            Map.entry(
                    "Affiliate License-Licensee",
                    List.of("Licensee and its Affiliates may use the Software", "may sublicense to its Affiliates")),
            Map.entry(
                    "Unlimited/All-You-Can-Eat-License",
                    List.of("an unlimited number of users", "an enterprise-wide license", "an all-you-can-eat plan")),
            Map.entry("Irrevocable or Perpetual License", List.of("an irrevocable license", "a perpetual license")),
            Map.entry(
                    "Source Code Escrow",
                    List.of("deposit with the escrow agent", "the source code shall be released to Licensee")),
            Map.entry(
                    "Post-Termination Services",
                    List.of(
                            "Upon termination, Distributor shall return all materials.",
                            "These obligations survive the termination of this Agreement.",
                            "a wind-down period",
                            "a sell-off period",
                            "transition assistance")),
            Map.entry(
                    "Audit Rights",
                    List.of(
                            "the right to audit",
                            "inspection of the books of the Licensee",
                            "records open for the Company to examine")),
            Map.entry(
                    "Uncapped Liability",
                    List.of(
                            "the limitations above shall not apply to fraud",
                            "the cap does not apply to indemnity claims",
                            "nothing in this Agreement limits either party's liability")),
            Map.entry(
                    "Cap on Liability",
                    List.of(
                            "the aggregate liability of Supplier",
                            "liability shall not exceed the fees paid",
                            "no indirect or consequential damages",
                            "in no event shall Licensor be liable")),
            Map.entry(
                    "Liquidated Damages",
                    List.of(
                            "liquidated damages of $100 per day",
                            "an early termination fee",
                            "a break-up fee",
                            "is not a penalty")),
            Map.entry(
                    "Warranty Duration",
                    List.of("warrants the Products for twelve (12) months", "during the warranty period")),
            Map.entry("Insurance", List.of("maintain insurance", "named as additional insured", "a reputable insurer")),
            Map.entry(
                    "Covenant Not to Sue",
                    List.of(
                            "covenants not to sue the Licensor",
                            "shall not challenge the validity of the patents",
                            "agrees not to bring any claim")),
            Map.entry(
                    "Third Party Beneficiary",
                    List.of(
                            "There are no third-party beneficiaries.",
                            "nothing herein shall confer any rights upon any person other than the parties",
                            "a person who is not a party may not enforce its terms")));

    @Test
    void everyCueMatchesAnExampleOfItsCategory() {
        for (Map.Entry<String, List<Pattern>> category : ClauseCues.all().entrySet()) {
            List<String> examples = EXAMPLES.getOrDefault(category.getKey(), List.of());
            for (Pattern cue : category.getValue()) {
                assertThat(examples)
                        .as("an example of %s for cue %s", category.getKey(), cue.pattern())
                        .anyMatch(e -> cue.matcher(e).find());
            }
        }
    }

    @Test
    void matchesAStormOfCombiningMarksInLinearTime() {
        String zalgo = "Z" + "\u0301\u0302\u0303".repeat(3_000) + " governed by the laws of Delaware";

        boolean governingLaw =
                org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
                    for (String category : ClauseCues.all().keySet()) {
                        ClauseCues.matches(category, zalgo);
                        ClauseCues.admissible(category, zalgo);
                    }
                    return ClauseCues.matches("Governing Law", zalgo);
                });

        assertThat(governingLaw).isTrue();
        assertThat(ClauseCues.withoutCombiningMarks("Zu\u0308rich")).hasToString("Zurich");
    }

    @Test
    void everyCategoryButTheTitleHasCues() {
        assertThat(ClauseCues.all().keySet())
                .containsExactlyInAnyOrderElementsOf(ClauseCategories.builtIn().names().stream()
                        .filter(n -> !n.equals("Document Name"))
                        .toList());
    }

    @Test
    void dateClausesMustNameADateOrAPeriod() {
        assertThat(ClauseCues.admissible("Agreement Date", "This Agreement is dated as of May 5, 2020."))
                .isTrue();
        assertThat(ClauseCues.admissible("Agreement Date", "NOW, THEREFORE, the parties agree as follows."))
                .isFalse();
        assertThat(ClauseCues.admissible("Expiration Date", "The initial term is three (3) years."))
                .isTrue();
        assertThat(ClauseCues.admissible("Expiration Date", "The parties shall meet quarterly."))
                .isFalse();
        assertThat(ClauseCues.admissible("Audit Rights", "anything at all")).isTrue();
    }

    @Test
    void aPlainSentenceTriggersNoCue() {
        String plain = "The committee met on Tuesday to discuss the new bicycle lanes downtown.";

        assertThat(ClauseCues.all().keySet()).noneMatch(category -> ClauseCues.matches(category, plain));
    }

    @Test
    void categoryNamesAreCuadsFortyOne() {
        assertThat(ClauseCategories.builtIn().names())
                .hasSize(41)
                .contains(
                        "Termination for Convenience",
                        "Cap on Liability",
                        "IP Ownership Assignment",
                        "Notice Period to Terminate Renewal",
                        "Rofr/Rofo/Rofn",
                        "Unlimited/All-You-Can-Eat-License");
        assertThat(ExemplarTexts.builtIn())
                .allSatisfy(e -> assertThat(ClauseCategories.builtIn().isKnown(e.category()))
                        .isTrue());
    }
}
