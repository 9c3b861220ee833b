package io.docmatrix.analysis.playbook;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One version of a playbook. Versions are immutable: a change is a new version, and every analysis records the id and
 * version it applied.
 *
 * @param id the playbook's id within its tenant, e.g. {@code default-contract}
 * @param version from 1; the shipped default is version 1 of {@code default-contract}
 * @param name a human name
 * @param rules one rule per clause category, at most one per category
 * @param thresholds limits on key facts
 */
public record Playbook(String id, int version, String name, List<ClauseRule> rules, Thresholds thresholds) {

    public Playbook {
        rules = List.copyOf(rules);
        thresholds = thresholds == null ? Thresholds.none() : thresholds;
    }

    /**
     * The rule for a category. Categories compare case-insensitively: labellers and playbooks may spell CUAD's names
     * with different capitalisation ("Cap on Liability", "Cap On Liability").
     */
    public Optional<ClauseRule> rule(String category) {
        String wanted = key(category);
        return rules.stream().filter(r -> key(r.category()).equals(wanted)).findFirst();
    }

    /** The normalised form categories are compared in. */
    public static String key(String category) {
        return category.trim().toLowerCase(Locale.ROOT);
    }

    public PlaybookRef ref() {
        return new PlaybookRef(id, version);
    }
}
