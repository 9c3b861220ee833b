package io.docmatrix.analysis.risk;

import io.docmatrix.analysis.clause.ClauseLabels;
import io.docmatrix.analysis.clause.ClauseMatch;
import io.docmatrix.analysis.document.DocumentForAnalysis;
import io.docmatrix.analysis.facts.KeyFact;
import io.docmatrix.analysis.facts.KeyFacts;
import io.docmatrix.analysis.playbook.ClauseRule;
import io.docmatrix.analysis.playbook.Playbook;
import io.docmatrix.analysis.playbook.Position;
import io.docmatrix.analysis.playbook.Thresholds;
import io.docmatrix.contracts.analysis.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Applies a playbook to the clauses and key facts of a contract. Clause rules give MISSING_CLAUSE (required, not
 * found) and PROHIBITED_CLAUSE (prohibited, found); thresholds give NOTICE_PERIOD_TOO_SHORT / _TOO_LONG,
 * RENEWAL_TERM_TOO_LONG, AUTO_RENEWAL, UNCAPPED_LIABILITY and GOVERNING_LAW_NOT_ALLOWED. Clause labels below the
 * confidence floor count as not found here; the comparison reports them as UNCLEAR.
 */
public final class RiskAgent {

    static final String UNCAPPED = "Uncapped Liability";
    static final String CAP = "Cap on Liability";
    static final String RENEWAL = "Renewal Term";
    static final String NOTICE = "Notice Period to Terminate Renewal";
    static final String LAW = "Governing Law";
    // Categories whose presence a threshold judges more precisely than a generic PROHIBITED_CLAUSE would.
    private static final Set<String> JUDGED_BY_THRESHOLD = Set.of(Playbook.key(UNCAPPED), Playbook.key(RENEWAL));

    private final double minConfidence;

    public RiskAgent(double minConfidence) {
        this.minConfidence = minConfidence;
    }

    public RiskAssessment assess(
            Playbook playbook, ClauseLabels clauses, KeyFacts facts, DocumentForAnalysis document) {
        List<Finding> findings = new ArrayList<>();
        clauseRules(playbook, clauses, document, findings);
        Thresholds limits = playbook.thresholds();
        noticePeriods(playbook, limits, facts, document, findings);
        renewal(playbook, limits, clauses, facts, document, findings);
        liability(playbook, limits, clauses, document, findings);
        governingLaw(playbook, limits, clauses, facts, document, findings);
        findings.sort(Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::code));
        List<String> drivers = findings.stream()
                .filter(f -> RiskScore.weight(f.severity()) > 0)
                .map(Finding::code)
                .distinct()
                .toList();
        return new RiskAssessment(RiskScore.of(findings), findings, drivers);
    }

    private void clauseRules(
            Playbook playbook, ClauseLabels clauses, DocumentForAnalysis document, List<Finding> findings) {
        for (ClauseRule rule : playbook.rules()) {
            List<ClauseMatch> found = confident(clauses, rule.category());
            if (rule.position() == Position.REQUIRED && found.isEmpty()) {
                findings.add(new Finding(
                        "MISSING_CLAUSE",
                        rule.severity(),
                        "No " + rule.category() + " clause",
                        "The playbook requires a " + rule.category() + " clause and none was found in the document."
                                + because(rule),
                        rule.category(),
                        List.of()));
            }
            if (rule.position() == Position.PROHIBITED
                    && !found.isEmpty()
                    && !JUDGED_BY_THRESHOLD.contains(Playbook.key(rule.category()))) {
                findings.add(new Finding(
                        "PROHIBITED_CLAUSE",
                        rule.severity(),
                        rule.category() + " clause present",
                        "The document contains a " + rule.category() + " clause, which the playbook does not accept."
                                + because(rule),
                        rule.category(),
                        evidence(found, document)));
            }
        }
    }

    private void noticePeriods(
            Playbook playbook,
            Thresholds limits,
            KeyFacts facts,
            DocumentForAnalysis document,
            List<Finding> findings) {
        Severity severity = severityOf(playbook, NOTICE);
        for (KeyFact fact : facts(facts, "NOTICE_PERIOD")) {
            OptionalInt days = Periods.days(fact.normalized(), fact.value());
            if (days.isEmpty()) {
                continue;
            }
            if (limits.minNoticePeriodDays() != null && days.getAsInt() < limits.minNoticePeriodDays()) {
                findings.add(new Finding(
                        "NOTICE_PERIOD_TOO_SHORT",
                        severity,
                        "Notice period of " + days.getAsInt() + " days is too short",
                        "The document gives a notice period of " + fact.value() + " (" + days.getAsInt()
                                + " days); the playbook expects at least " + limits.minNoticePeriodDays()
                                + " days, so the other party could end or change the relationship with too little warning.",
                        NOTICE,
                        List.of(Evidence.of(fact, document))));
            } else if (limits.maxNoticePeriodDays() != null && days.getAsInt() > limits.maxNoticePeriodDays()) {
                findings.add(new Finding(
                        "NOTICE_PERIOD_TOO_LONG",
                        severity,
                        "Notice period of " + days.getAsInt() + " days is too long",
                        "The document requires a notice period of " + fact.value() + " (" + days.getAsInt()
                                + " days); the playbook accepts at most " + limits.maxNoticePeriodDays()
                                + " days, so leaving or preventing a renewal has to be decided very early.",
                        NOTICE,
                        List.of(Evidence.of(fact, document))));
            }
        }
    }

    private void renewal(
            Playbook playbook,
            Thresholds limits,
            ClauseLabels clauses,
            KeyFacts facts,
            DocumentForAnalysis document,
            List<Finding> findings) {
        Severity severity = severityOf(playbook, RENEWAL);
        List<ClauseMatch> renewals = confident(clauses, RENEWAL);
        List<KeyFact> terms = facts(facts, "RENEWAL_TERM");
        boolean prohibited = playbook.rule(RENEWAL)
                .map(r -> r.position() == Position.PROHIBITED)
                .orElse(false);
        if ((!limits.autoRenewalAllowed() || prohibited) && (!renewals.isEmpty() || !terms.isEmpty())) {
            List<Evidence> evidence = !renewals.isEmpty()
                    ? evidence(renewals, document)
                    : terms.stream().map(f -> Evidence.of(f, document)).toList();
            findings.add(new Finding(
                    "AUTO_RENEWAL",
                    severity,
                    "The contract renews itself",
                    "The document renews for further terms unless someone acts in time; the playbook does not accept"
                            + " automatic renewal, because a missed date commits the company to another term.",
                    RENEWAL,
                    evidence));
        }
        if (limits.maxRenewalTermMonths() != null) {
            int maxDays = limits.maxRenewalTermMonths() * 30;
            for (KeyFact term : terms) {
                OptionalInt days = Periods.days(term.normalized(), term.value());
                if (days.isPresent() && days.getAsInt() > maxDays + 5) {
                    findings.add(new Finding(
                            "RENEWAL_TERM_TOO_LONG",
                            severity,
                            "Renewal term longer than " + limits.maxRenewalTermMonths() + " months",
                            "Each renewal runs for " + term.value() + "; the playbook accepts renewal terms of at most "
                                    + limits.maxRenewalTermMonths() + " months.",
                            RENEWAL,
                            List.of(Evidence.of(term, document))));
                }
            }
        }
    }

    private void liability(
            Playbook playbook,
            Thresholds limits,
            ClauseLabels clauses,
            DocumentForAnalysis document,
            List<Finding> findings) {
        List<ClauseMatch> uncapped = confident(clauses, UNCAPPED);
        boolean uncappedProhibited = playbook.rule(UNCAPPED)
                .map(r -> r.position() == Position.PROHIBITED)
                .orElse(false);
        Severity severity = playbook.rule(UNCAPPED).map(ClauseRule::severity).orElse(severityOf(playbook, CAP));
        if (!uncapped.isEmpty() && (limits.liabilityCapRequired() || uncappedProhibited)) {
            findings.add(new Finding(
                    "UNCAPPED_LIABILITY",
                    severity,
                    "Liability without a cap",
                    "The document leaves some liability unlimited; the playbook requires every claim to be capped,"
                            + " because one claim could then exceed the value of the whole contract.",
                    UNCAPPED,
                    evidence(uncapped, document)));
            return;
        }
        boolean capRequiredAsClause =
                playbook.rule(CAP).map(r -> r.position() == Position.REQUIRED).orElse(false);
        // A required cap clause that is missing is already a MISSING_CLAUSE finding; do not count it twice.
        if (limits.liabilityCapRequired()
                && !capRequiredAsClause
                && confident(clauses, CAP).isEmpty()) {
            findings.add(new Finding(
                    "UNCAPPED_LIABILITY",
                    severity,
                    "No limit on liability",
                    "The document has no clause capping liability; the playbook requires a cap.",
                    CAP,
                    List.of()));
        }
    }

    private void governingLaw(
            Playbook playbook,
            Thresholds limits,
            ClauseLabels clauses,
            KeyFacts facts,
            DocumentForAnalysis document,
            List<Finding> findings) {
        if (limits.allowedGoverningLaw().isEmpty()) {
            return;
        }
        Severity severity = severityOf(playbook, LAW);
        List<KeyFact> laws = facts(facts, "GOVERNING_LAW");
        if (!laws.isEmpty()) {
            for (KeyFact law : laws) {
                String named = law.normalized() != null ? law.normalized() : law.value();
                if (!allowed(limits, named) && !allowed(limits, law.value())) {
                    findings.add(lawFinding(severity, named, limits, List.of(Evidence.of(law, document))));
                    return;
                }
            }
            return;
        }
        // Without an extracted fact the clause text itself names the law.
        for (ClauseMatch clause : confident(clauses, LAW)) {
            if (!allowed(limits, clause.text())) {
                findings.add(lawFinding(
                        severity, "the law named in the clause", limits, evidence(List.of(clause), document)));
                return;
            }
        }
    }

    private static Finding lawFinding(Severity severity, String named, Thresholds limits, List<Evidence> evidence) {
        return new Finding(
                "GOVERNING_LAW_NOT_ALLOWED",
                severity,
                "Governing law not accepted",
                "The document is governed by " + named + "; the playbook accepts only "
                        + String.join(", ", limits.allowedGoverningLaw()) + ".",
                LAW,
                evidence);
    }

    private static boolean allowed(Thresholds limits, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return limits.allowedGoverningLaw().stream().anyMatch(law -> lower.contains(law.toLowerCase(Locale.ROOT)));
    }

    private List<ClauseMatch> confident(ClauseLabels clauses, String category) {
        String key = Playbook.key(category);
        return clauses.matches().stream()
                .filter(m -> Playbook.key(m.category()).equals(key) && m.confidence() >= minConfidence)
                .toList();
    }

    private static List<KeyFact> facts(KeyFacts facts, String kind) {
        return facts.facts().stream().filter(f -> f.kind().equals(kind)).toList();
    }

    private static Severity severityOf(Playbook playbook, String category) {
        return playbook.rule(category).map(ClauseRule::severity).orElse(Severity.MEDIUM);
    }

    private static List<Evidence> evidence(List<ClauseMatch> matches, DocumentForAnalysis document) {
        return matches.stream().map(m -> Evidence.of(m, document)).toList();
    }

    private static String because(ClauseRule rule) {
        return rule.rationale() == null || rule.rationale().isBlank() ? "" : " " + rule.rationale();
    }
}
