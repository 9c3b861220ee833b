package io.docmatrix.eval.reliability.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Every upload request of a run, in the order sent. Thread-safe: the batch senders record concurrently. */
public final class Ledger {

    private final Map<String, LedgerEntry> entries = new LinkedHashMap<>();

    public synchronized void record(LedgerEntry entry) {
        if (entries.putIfAbsent(entry.idempotencyKey(), entry) != null) {
            throw new IllegalStateException("idempotency key sent twice as a new request: " + entry.idempotencyKey());
        }
    }

    public synchronized void resolve(String idempotencyKey, Outcome resolved) {
        entries.computeIfPresent(idempotencyKey, (key, entry) -> entry.resolvedAs(resolved));
    }

    public synchronized List<LedgerEntry> entries() {
        return List.copyOf(entries.values());
    }

    public synchronized List<LedgerEntry> indeterminate() {
        return entries.values().stream()
                .filter(e -> e.outcome() instanceof Outcome.Indeterminate)
                .toList();
    }

    /**
     * Documents the ledger explains: accepted at first or on resolution. An unresolved indeterminate request explains
     * nothing by id, so {@link #unresolved()} is reported separately.
     */
    public synchronized Set<UUID> explainedDocuments() {
        return entries.values().stream()
                .map(LedgerEntry::finalOutcome)
                .filter(o -> o instanceof Outcome.Accepted)
                .map(o -> ((Outcome.Accepted) o).documentId())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    public synchronized List<LedgerEntry> unresolved() {
        return entries.values().stream()
                .filter(e -> e.finalOutcome() instanceof Outcome.Indeterminate)
                .toList();
    }

    /** Counts by first outcome: accepted, rejected, indeterminate; and how the indeterminate ones resolved. */
    public synchronized Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("requests", (long) entries.size());
        counts.put("accepted", count(e -> e.outcome() instanceof Outcome.Accepted));
        counts.put("rejected", count(e -> e.outcome() instanceof Outcome.Rejected));
        counts.put("indeterminate", count(e -> e.outcome() instanceof Outcome.Indeterminate));
        counts.put(
                "indeterminateCommitted",
                count(e -> e.outcome() instanceof Outcome.Indeterminate
                        && e.resolution() instanceof Outcome.Accepted a
                        && a.replayed()));
        counts.put(
                "indeterminateNotCommitted",
                count(e -> e.outcome() instanceof Outcome.Indeterminate
                        && e.resolution() instanceof Outcome.Accepted a
                        && !a.replayed()));
        counts.put("indeterminateUnresolved", (long) unresolved().size());
        return counts;
    }

    private long count(java.util.function.Predicate<LedgerEntry> filter) {
        return entries.values().stream().filter(filter).count();
    }

    /** Entries grouped by phase, for the report. */
    public synchronized Map<String, List<LedgerEntry>> byPhase() {
        Map<String, List<LedgerEntry>> phases = new LinkedHashMap<>();
        entries.values().forEach(e -> phases.computeIfAbsent(e.phase(), p -> new ArrayList<>())
                .add(e));
        return phases;
    }
}
