package io.docmatrix.analysis.clause;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Strong textual cues per category: phrases lawyers use for a clause almost only when they mean it. A cue alone does
 * not label a span; it raises the span's vector score by {@link ClauseScoring#cueBonus}, so a cue lifts a borderline
 * neighbour over the threshold and a bare word in an unrelated sentence does not.
 */
final class ClauseCues {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final Map<String, List<Pattern>> CUES = new LinkedHashMap<>();

    private static final String DATE_WORDS = "\\b(19|20)\\d{2}\\b|\\b(January|February|March|April|May|June|July|August"
            + "|September|October|November|December)\\b|\\bdate\\b|\\bday\\s+of\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b";

    static {
        cue(
                "Parties",
                "\\b(by and )?between\\b.{3,300}?\\band\\b",
                "\\bby and among\\b",
                "\\(\\s*(the\\s+)?\"[A-Z][A-Za-z ]+\"\\s*\\)");
        cue(
                "Agreement Date",
                "\\bdated\\s+(as\\s+of\\s+)?[A-Z][a-z]+\\s+\\d{1,2}",
                "\\bthis\\s+\\d{1,2}(st|nd|rd|th)?\\s+day\\s+of\\b",
                "\\bentered\\s+into\\s+(as\\s+of|on)\\b");
        cue(
                "Effective Date",
                "\\beffective\\s+date\\b",
                "\\beffective\\s+(as\\s+of|on)\\b",
                "\\bshall\\s+(become|be)\\s+effective\\b");
        cue(
                "Expiration Date",
                "\\binitial\\s+term\\b",
                "\\b(shall|will)\\s+(expire|terminate)\\s+on\\b",
                "\\bterm\\s+of\\s+this\\s+agreement\\s+(shall|will)\\b",
                "\\bremain\\s+in\\s+(full\\s+)?(force|effect)\\s+(for|until)\\b");
        cue(
                "Renewal Term",
                "\\bautomatically\\s+(be\\s+)?(renew|extend)",
                "\\b(successive|additional|consecutive)\\s+(\\S+\\s+){0,3}(renewal\\s+)?(terms?|periods?|years?)\\b",
                "\\brenewal\\s+terms?\\b",
                "\\bshall\\s+(be\\s+)?renew");
        cue(
                "Notice Period to Terminate Renewal",
                "\\b(notice|notify)\\b.{0,80}\\b(non-?renewal|not\\s+to\\s+renew|intention\\s+not)",
                "\\b(prior\\s+to|before)\\s+the\\s+(end|expiration|expiry)\\s+of\\s+the\\s+(then[- ]current|initial|renewal)");
        cue(
                "Governing Law",
                "\\bgoverned\\s+by\\b.{0,40}\\blaws?\\b",
                "\\bgoverning\\s+law\\b",
                "\\bconstrued\\s+(and\\s+enforced\\s+)?in\\s+accordance\\s+with\\s+the\\s+laws?\\b");
        cue(
                "Most Favored Nation",
                "\\bmost\\s+favou?red\\b",
                "\\bno\\s+less\\s+favou?rable\\b",
                "\\bmore\\s+favou?rable\\s+(terms|prices|pricing)\\b");
        cue(
                "Competitive Restriction Exception",
                "\\bnotwithstanding\\b.{0,120}\\b(compet|exclusiv|solicit)",
                "\\bshall\\s+not\\s+(be\\s+deemed\\s+to\\s+)?(prohibit|restrict|prevent)\\b");
        cue(
                "Non-Compete",
                "\\bnon-?compet",
                "\\bcompet(es?|ing)\\s+with\\b",
                "\\bnot\\s+(to\\s+)?(directly\\s+or\\s+indirectly\\s+)?(compete|engage\\s+in\\s+any\\s+business)",
                "\\bcompetitive\\s+products?\\b",
                "\\bcompeting\\s+(products?|business|services?)\\b");
        cue(
                "Exclusivity",
                "\\bexclusive\\s+(distributor|supplier|provider|license|right|reseller|agent)",
                "\\bexclusively\\b",
                "\\ball\\s+(of\\s+)?its\\s+requirements\\b",
                "\\bsole\\s+and\\s+exclusive\\b");
        cue(
                "No-Solicit of Customers",
                "\\bsolicit\\b.{0,80}\\b(customers?|clients?|accounts?)\\b",
                "\\b(customers?|clients?)\\b.{0,60}\\bsolicit");
        cue(
                "No-Solicit of Employees",
                "\\b(solicit|hire|employ|recruit)\\b.{0,80}\\b(employees?|personnel|staff)\\b",
                "\\bnon-?solicitation\\b");
        cue("Non-Disparagement", "\\bdisparag", "\\bderogatory\\b", "\\bdefam");
        cue(
                "Termination for Convenience",
                "\\bfor\\s+convenience\\b",
                "\\bwithout\\s+cause\\b",
                "\\bfor\\s+any\\s+reason\\s+or\\s+no\\s+reason\\b",
                "\\bmay\\s+terminate\\s+this\\s+agreement\\s+(at\\s+any\\s+time\\s+)?(upon|by\\s+giving|on)\\s+\\S+\\s+(\\(\\d+\\)\\s+)?(days|months)");
        cue(
                "Rofr/Rofo/Rofn",
                "\\bright\\s+of\\s+first\\s+(refusal|offer|negotiation)\\b",
                "\\bfirst\\s+right\\s+(to|of)\\b",
                "\\bmatch\\s+(the|such|any)\\s+(offer|terms)\\b");
        cue(
                "Change of Control",
                "\\bchange\\s+(of|in)\\s+control\\b",
                "\\bchange\\s+(of|in)\\s+(the\\s+)?(ownership|controlling)\\b",
                "\\b(merger|consolidation)\\b.{0,120}\\b(all\\s+or\\s+substantially\\s+all)\\b");
        cue(
                "Anti-Assignment",
                "\\b(may|shall)\\s+not\\s+(\\w+\\s+){0,3}assign",
                "\\bassign\\w*\\b.{0,120}\\b(prior\\s+)?written\\s+consent\\b",
                "\\bwithout\\s+the\\s+(prior\\s+)?(written\\s+)?consent\\b.{0,80}\\bassign",
                "\\bassignment\\b.{0,80}\\bvoid\\b");
        cue(
                "Revenue/Profit Sharing",
                "\\broyalt(y|ies)\\b",
                "\\b(net|gross)\\s+(profits?|revenues?|sales|receipts)\\b",
                "\\brevenue\\s+shar",
                "\\bprofit\\s+shar",
                "\\b\\d+(\\.\\d+)?\\s*(%|percent)\\s+of\\s+(the\\s+)?(net|gross|all)\\b");
        cue(
                "Price Restrictions",
                "\\bprice\\s+(increase|change)s?\\b",
                "\\b(not|no)\\s+(\\w+\\s+){0,3}(increase|raise|change)\\s+(the\\s+)?prices?\\b",
                "\\bprices?\\b.{0,40}\\bfixed\\b");
        cue(
                "Minimum Commitment",
                "\\bminimum\\s+(purchase|order|quantit|annual|commitment|volume|royalt|fee|amount|payment)",
                "\\bat\\s+least\\b.{0,40}\\b(units|orders|per\\s+(year|month|quarter))\\b",
                "\\bshortfall\\b");
        cue(
                "Volume Restriction",
                "\\bexceeds?\\b.{0,60}\\b(units|transactions|users|seats|capacity|forecast|volume)",
                "\\bin\\s+excess\\s+of\\b.{0,60}\\b(forecast|units|volume)\\b");
        cue(
                "IP Ownership Assignment",
                "\\bhereby\\s+(irrevocably\\s+)?assigns?\\b",
                "\\bwork(s)?\\s+made\\s+for\\s+hire\\b",
                "\\b(shall|will)\\s+(be|become|remain)\\s+the\\s+(sole\\s+(and\\s+exclusive\\s+)?)?property\\s+of\\b",
                "\\ball\\s+right,\\s+title\\s+and\\s+interest\\b");
        cue(
                "Joint IP Ownership",
                "\\bjointly\\s+owned\\b",
                "\\bjoint(ly)?\\s+(own|invent|develop)",
                "\\bco-?own",
                "\\bundivided\\s+interest\\b");
        cue(
                "License Grant",
                "\\bhereby\\s+grants?\\b",
                "\\bgrants?\\s+to\\b.{0,80}\\blicen[cs]e\\b",
                "\\b(non-?exclusive|exclusive)\\b.{0,40}\\blicen[cs]e\\b",
                "\\blicen[cs]e\\s+to\\s+(use|make|sell|reproduce|distribute)\\b");
        cue(
                "Non-Transferable License",
                "\\bnon-?transferable\\b",
                "\\bnon-?assignable\\b",
                "\\bnon-?sublicensable\\b",
                "\\bmay\\s+not\\s+(sublicense|transfer)\\b");
        cue(
                "Affiliate License-Licensor",
                "\\b(licensor|company)\\s+and\\s+its\\s+affiliates\\b.{0,80}\\b(grant|licen)",
                "\\bon\\s+behalf\\s+of\\s+itself\\s+and\\s+its\\s+affiliates\\b");
        cue(
                "Affiliate License-Licensee",
                "\\b(licensee|customer|distributor)\\s+and\\s+its\\s+affiliates\\b",
                "\\bsublicense\\b.{0,60}\\baffiliates\\b");
        cue(
                "Unlimited/All-You-Can-Eat-License",
                "\\bunlimited\\s+(number|use|users|copies|quantit)",
                "\\benterprise[- ]wide\\b",
                "\\ball[- ]you[- ]can[- ]eat\\b");
        cue("Irrevocable or Perpetual License", "\\birrevocabl[ey]\\b", "\\bperpetu(al|ity)\\b");
        cue("Source Code Escrow", "\\bescrow\\b", "\\bsource\\s+code\\b.{0,80}\\b(deposit|release)");
        cue(
                "Post-Termination Services",
                "\\b(upon|after|following)\\s+(the\\s+)?(termination|expiration|expiry)\\b.{0,160}\\b(shall|will|may)\\s+(continue|return|sell|provide|purchase|pay|destroy)",
                "\\bsurvive\\s+(the\\s+)?(termination|expiration)\\b",
                "\\bwind[- ]down\\b",
                "\\bsell[- ]off\\b",
                "\\btransition\\s+(assistance|services|period)\\b");
        cue(
                "Audit Rights",
                "\\baudit",
                "\\binspect(ion)?\\b.{0,60}\\b(books|records|facilities|premises|accounts)\\b",
                "\\b(books|records)\\b.{0,80}\\b(examin|inspect)");
        cue(
                "Uncapped Liability",
                "\\blimitations?\\b.{0,80}\\b(shall|will)\\s+not\\s+apply\\b",
                "\\b(exclusions?|cap)\\b.{0,60}\\bnot\\s+apply\\b",
                "\\bnothing\\b.{0,60}\\b(limit|exclude)s?\\b.{0,40}\\bliability\\b");
        cue(
                "Cap on Liability",
                "\\b(total|aggregate|maximum|cumulative)\\s+liability\\b",
                "\\bliability\\b.{0,80}\\b(shall\\s+not|will\\s+not|not\\s+to)\\s+exceed\\b",
                "\\b(indirect|incidental|special|consequential)\\b.{0,60}\\bdamages\\b",
                "\\bin\\s+no\\s+event\\s+shall\\b.{0,60}\\bliable\\b");
        cue(
                "Liquidated Damages",
                "\\bliquidated\\s+damages\\b",
                "\\btermination\\s+fee\\b",
                "\\bbreak[- ]up\\s+fee\\b",
                "\\bnot\\s+(as\\s+)?a\\s+penalty\\b");
        cue(
                "Warranty Duration",
                "\\bwarrant(y|s|ies)\\b.{0,120}\\b(\\d+|one|two|three|six|twelve|eighteen|ninety|thirty|sixty)\\s*(\\(\\d+\\)\\s*)?(days|months|years?)\\b",
                "\\bwarranty\\s+period\\b");
        cue("Insurance", "\\binsurance\\b", "\\badditional\\s+insured\\b", "\\binsurer\\b");
        cue(
                "Covenant Not to Sue",
                "\\bcovenants?\\s+not\\s+to\\s+sue\\b",
                "\\b(contest|challenge|dispute)\\b.{0,60}\\b(validity|ownership|title)\\b",
                "\\bnot\\s+to\\s+(bring|assert|institute)\\b.{0,40}\\b(claim|action|suit)");
        cue(
                "Third Party Beneficiary",
                "\\bthird[- ]part(y|ies)\\s+beneficiar",
                "\\bconfer\\b.{0,80}\\b(rights?|remedies|benefits?)\\b.{0,60}\\b(person|party|entity)\\b",
                "\\bnot\\s+a\\s+party\\b.{0,60}\\benforce\\b");
    }

    /**
     * Wording a span of these categories cannot do without: a date clause names a date (or the day it is signed), an
     * expiry clause a period or an end. Sentences that merely sit near the preamble are not labelled as dates.
     */
    private static final Map<String, Pattern> REQUIRED = Map.of(
            "Agreement Date", Pattern.compile(DATE_WORDS, FLAGS),
            "Effective Date", Pattern.compile(DATE_WORDS + "|\\beffective\\b", FLAGS),
            "Expiration Date",
                    Pattern.compile(
                            DATE_WORDS + "|\\b(years?|months?|days?|expir\\w*|terminat\\w*|until|perpetu\\w*)\\b",
                            FLAGS),
            // A plain cap ("shall not exceed the fees paid") reads much like the clauses that lift it; only a span
            // that says some liability escapes the cap (an exception, an exclusion, "unlimited") is uncapped.
            "Uncapped Liability",
                    Pattern.compile(
                            "\\b(unlimited|uncapped|without\\s+limit\\w*|not\\s+apply|except\\w*|exclu\\w+|"
                                    + "nothing\\b.{0,80}\\blimit\\w*|regardless|notwithstanding)\\b",
                            FLAGS | Pattern.DOTALL));

    private ClauseCues() {}

    /** Whether {@code text} has what a span of the category needs (always, for categories without a requirement). */
    static boolean admissible(String category, CharSequence text) {
        Pattern required = REQUIRED.get(category);
        return required == null || required.matcher(withoutCombiningMarks(text)).find();
    }

    /**
     * The text without non-spacing combining marks, which no cue mentions. Java's {@code \b} scans back over every
     * combining mark before a position to find its base character, so a run of marks made each cue quadratic: one
     * uploaded text of 150,000 marks (the abuse suite's "zalgo") held the only analysis worker for over 25 minutes,
     * and every tenant's analyses waited behind it.
     */
    static CharSequence withoutCombiningMarks(CharSequence text) {
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean mark = Character.getType(c) == Character.NON_SPACING_MARK;
            if (mark && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!mark && kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? text : kept;
    }

    private static void cue(String category, String... regexes) {
        CUES.put(
                category,
                List.of(regexes).stream()
                        .map(r -> Pattern.compile(r, FLAGS | Pattern.DOTALL))
                        .toList());
    }

    /** The cues of a category (empty for a category without any). */
    static List<Pattern> of(String category) {
        return CUES.getOrDefault(category, List.of());
    }

    /** Whether any cue of the category occurs in {@code text}. */
    static boolean matches(String category, CharSequence text) {
        CharSequence cueText = withoutCombiningMarks(text);
        for (Pattern p : of(category)) {
            if (p.matcher(cueText).find()) {
                return true;
            }
        }
        return false;
    }

    static Map<String, List<Pattern>> all() {
        return CUES;
    }
}
