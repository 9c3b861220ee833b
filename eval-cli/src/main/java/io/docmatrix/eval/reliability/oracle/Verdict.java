package io.docmatrix.eval.reliability.oracle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Classifies documents from a {@link StoreSnapshot} and the tenants the ledger says they belong to. Pure: tested
 * without a database.
 *
 * <ul>
 *   <li><b>lost</b>: accepted, but missing from a store it must reach, or ingested neither READY nor FAILED with a
 *       code, or READY with fewer chunks/vectors in the read store than ingestion made;
 *   <li><b>duplicated</b>: more than one chunk set, vector set or indexing analysis for one version in any store;
 *   <li><b>stuck</b>: in a non-final state anywhere after convergence;
 *   <li><b>phantom</b>: in a store of the run's tenants, but no accepted or resolved request explains it;
 *   <li><b>leaked</b>: stored under another tenant than the one that uploaded it, or visible to another tenant.
 * </ul>
 */
public final class Verdict {

    public enum Kind {
        LOST,
        DUPLICATED,
        STUCK,
        PHANTOM,
        LEAKED
    }

    private Verdict() {}

    /** One finding: which document version, what kind, and why (for the report). */
    public record Finding(Kind kind, VersionKey version, String reason) {}

    /** Counts per kind, the number of ok documents and the findings themselves. */
    public record Result(int documents, int ok, Map<Kind, Integer> counts, List<Finding> findings) {

        public boolean violated() {
            return counts.values().stream().anyMatch(c -> c > 0);
        }
    }

    /**
     * @param expected every version the ledger explains, with the tenant that uploaded it
     */
    public static Result judge(Map<VersionKey, UUID> expected, StoreSnapshot stores) {
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<VersionKey, UUID> entry : expected.entrySet()) {
            judgeExpected(entry.getKey(), entry.getValue(), stores, findings);
        }
        Set<VersionKey> explained = expected.keySet();
        for (Map<VersionKey, ?> store : List.of(
                stores.gatewayUploads(),
                stores.ingestion(),
                stores.ingestionChunks(),
                stores.queryVersions(),
                stores.queryChunks(),
                stores.analyses())) {
            store.keySet().stream()
                    .filter(v -> !explained.contains(v))
                    .forEach(v -> findings.add(new Finding(Kind.PHANTOM, v, "no accepted request explains it")));
        }
        List<Finding> distinct = findings.stream().distinct().toList();
        Map<Kind, Integer> counts = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            counts.put(kind, (int) distinct.stream()
                    .filter(f -> f.kind() == kind)
                    .map(Finding::version)
                    .distinct()
                    .count());
        }
        long bad = distinct.stream()
                .filter(f -> f.kind() != Kind.PHANTOM)
                .map(Finding::version)
                .distinct()
                .count();
        return new Result(expected.size(), (int) (expected.size() - bad), counts, distinct);
    }

    private static void judgeExpected(VersionKey key, UUID tenant, StoreSnapshot stores, List<Finding> findings) {
        Map<String, UUID> owners = new TreeMap<>();
        UUID uploadTenant = stores.gatewayUploads().get(key);
        if (uploadTenant == null) {
            findings.add(new Finding(Kind.LOST, key, "no upload row in the gateway"));
        } else {
            owners.put("gateway", uploadTenant);
        }
        StoreSnapshot.IngestedVersion ingested = stores.ingestion().get(key);
        if (ingested == null) {
            findings.add(new Finding(Kind.LOST, key, "unknown to ingestion"));
            return;
        }
        owners.put("ingestion", ingested.tenantId());
        StoreSnapshot.ChunkSet chunks = stores.ingestionChunks().get(key);
        StoreSnapshot.QueryVersion read = stores.queryVersions().get(key);
        StoreSnapshot.ChunkSet readChunks = stores.queryChunks().get(key);
        StoreSnapshot.AnalysisSet analysis = stores.analyses().get(key);
        if (read != null) {
            owners.put("query", read.tenantId());
        }
        if (analysis != null) {
            owners.put("analysis", analysis.tenantId());
        }
        owners.forEach((store, owner) -> {
            if (!owner.equals(tenant)) {
                findings.add(new Finding(Kind.LEAKED, key, store + " keeps it under tenant " + owner));
            }
        });
        if (stores.visibleToOtherTenant().contains(key.documentId())) {
            findings.add(new Finding(Kind.LEAKED, key, "query-service shows it to another tenant"));
        }

        duplicates(key, "ingestion", chunks, findings);
        duplicates(key, "query", readChunks, findings);
        if (analysis != null && analysis.count() > 1) {
            findings.add(new Finding(Kind.DUPLICATED, key, analysis.count() + " indexing analyses"));
        }

        switch (ingested.status()) {
            case "READY" -> judgeReady(key, ingested, chunks, read, readChunks, analysis, findings);
            case "FAILED" -> {
                if (ingested.errorCode() == null || ingested.errorCode().isBlank()) {
                    findings.add(new Finding(Kind.LOST, key, "FAILED without an error code"));
                }
                if (read != null && !"FAILED".equals(read.status())) {
                    findings.add(new Finding(Kind.STUCK, key, "query-service shows " + read.status()));
                }
            }
            default -> findings.add(new Finding(Kind.STUCK, key, "ingestion status " + ingested.status()));
        }
        if (analysis != null && analysis.unfinished() > 0) {
            findings.add(new Finding(Kind.STUCK, key, analysis.unfinished() + " unfinished analyses"));
        }
    }

    private static void judgeReady(
            VersionKey key,
            StoreSnapshot.IngestedVersion ingested,
            StoreSnapshot.@Nullable ChunkSet chunks,
            StoreSnapshot.@Nullable QueryVersion read,
            StoreSnapshot.@Nullable ChunkSet readChunks,
            StoreSnapshot.@Nullable AnalysisSet analysis,
            List<Finding> findings) {
        long expectedChunks = ingested.chunkCount() == null ? -1 : ingested.chunkCount();
        if (chunks == null || chunks.distinctOrdinals() != expectedChunks) {
            findings.add(new Finding(
                    Kind.LOST,
                    key,
                    "ingestion READY with " + expectedChunks + " chunks but holds "
                            + (chunks == null ? 0 : chunks.distinctOrdinals())));
        }
        if (read == null) {
            findings.add(new Finding(Kind.LOST, key, "unknown to query-service"));
        } else if (!"READY".equals(read.status())) {
            findings.add(new Finding(Kind.STUCK, key, "query-service shows " + read.status()));
        }
        if (expectedChunks > 0
                && (readChunks == null
                        || readChunks.distinctOrdinals() < expectedChunks
                        || readChunks.vectors() < expectedChunks)) {
            findings.add(new Finding(
                    Kind.LOST,
                    key,
                    "query-service holds " + (readChunks == null ? 0 : readChunks.distinctOrdinals())
                            + " chunks / " + (readChunks == null ? 0 : readChunks.vectors()) + " vectors of "
                            + expectedChunks));
        }
        if (analysis == null || analysis.count() == 0) {
            findings.add(new Finding(Kind.LOST, key, "no analysis"));
        } else if (analysis.completedOrFailedWithCode() == 0 && analysis.unfinished() == 0) {
            findings.add(new Finding(Kind.LOST, key, "analysis failed without a code"));
        }
    }

    private static void duplicates(
            VersionKey key, String store, StoreSnapshot.@Nullable ChunkSet chunks, List<Finding> findings) {
        if (chunks == null) {
            return;
        }
        if (chunks.rows() > chunks.distinctOrdinals()) {
            findings.add(new Finding(
                    Kind.DUPLICATED,
                    key,
                    store + " holds " + chunks.rows() + " chunk rows for " + chunks.distinctOrdinals() + " ordinals"));
        }
        if (chunks.vectors() > chunks.distinctOrdinals()) {
            findings.add(new Finding(
                    Kind.DUPLICATED,
                    key,
                    store + " holds " + chunks.vectors() + " vectors for " + chunks.distinctOrdinals() + " ordinals"));
        }
    }
}
