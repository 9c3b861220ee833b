package io.docmatrix.analysis.playbook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What makes a playbook usable: known categories once each, sane limits, bounded text. */
final class PlaybookValidator {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    static final int MAX_TEXT = 4_000;
    // Ten years: anything longer is a typo, not a notice period.
    static final int MAX_DAYS = 3_650;

    private PlaybookValidator() {}

    /** The playbook with category names in CUAD's spelling, or an exception naming every problem found. */
    static Playbook validated(Playbook playbook) {
        List<String> problems = new ArrayList<>();
        if (!ID.matcher(playbook.id()).matches()) {
            problems.add("id must be 1-63 lower-case letters, digits or dashes");
        }
        if (playbook.name() == null
                || playbook.name().isBlank()
                || playbook.name().length() > 200) {
            problems.add("name must be 1-200 characters");
        }
        if (playbook.rules().isEmpty()) {
            problems.add("rules must name at least one clause category");
        }
        Set<String> seen = new HashSet<>();
        List<ClauseRule> rules = new ArrayList<>();
        for (int i = 0; i < playbook.rules().size(); i++) {
            ClauseRule rule = playbook.rules().get(i);
            String where = "rules[" + i + "]";
            if (rule == null || rule.category() == null || rule.position() == null || rule.severity() == null) {
                problems.add(where + " needs category, position and severity");
                continue;
            }
            String category = CuadCategories.canonical(rule.category()).orElse(null);
            if (category == null) {
                problems.add(where + ".category '" + rule.category() + "' is not a CUAD clause category");
                continue;
            }
            if (!seen.add(Playbook.key(category))) {
                problems.add(where + ".category '" + category + "' appears more than once");
            }
            checkText(problems, where + ".preferredLanguage", rule.preferredLanguage());
            checkText(problems, where + ".fallbackLanguage", rule.fallbackLanguage());
            checkText(problems, where + ".rationale", rule.rationale());
            rules.add(new ClauseRule(
                    category,
                    rule.position(),
                    rule.severity(),
                    rule.preferredLanguage(),
                    rule.fallbackLanguage(),
                    rule.rationale()));
        }
        Thresholds limits = playbook.thresholds();
        checkDays(problems, "thresholds.minNoticePeriodDays", limits.minNoticePeriodDays());
        checkDays(problems, "thresholds.maxNoticePeriodDays", limits.maxNoticePeriodDays());
        if (limits.maxRenewalTermMonths() != null
                && (limits.maxRenewalTermMonths() < 1 || limits.maxRenewalTermMonths() > 120)) {
            problems.add("thresholds.maxRenewalTermMonths must be between 1 and 120");
        }
        if (limits.minNoticePeriodDays() != null
                && limits.maxNoticePeriodDays() != null
                && limits.minNoticePeriodDays() > limits.maxNoticePeriodDays()) {
            problems.add("thresholds.minNoticePeriodDays must not exceed thresholds.maxNoticePeriodDays");
        }
        for (String law : limits.allowedGoverningLaw()) {
            if (law == null || law.isBlank() || law.length() > 100) {
                problems.add("thresholds.allowedGoverningLaw entries must be 1-100 characters");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPlaybookException(problems);
        }
        return new Playbook(playbook.id(), playbook.version(), playbook.name(), rules, limits);
    }

    private static void checkText(List<String> problems, String field, String text) {
        if (text != null && text.length() > MAX_TEXT) {
            problems.add(field + " must be at most " + MAX_TEXT + " characters");
        }
    }

    private static void checkDays(List<String> problems, String field, Integer days) {
        if (days != null && (days < 0 || days > MAX_DAYS)) {
            problems.add(field + " must be between 0 and " + MAX_DAYS);
        }
    }
}
