package io.docmatrix.query.retrieval.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Says at startup whether full-text matching can use the GIN index. Under row-level security PostgreSQL evaluates a
 * condition before the tenant policy only if its function is leakproof; {@code @@} ({@code ts_match_vq}) is not by
 * default, so every chunk of the tenant is read and matched row by row (108 ms against 7 ms through the index for a
 * 100,000-chunk tenant, docs/benchmarks/profile.md). Marking it leakproof needs a superuser, so the database's
 * provisioning does it (deploy/local, docs/operations.md); search is correct either way, only slower without it.
 */
@Component
class FullTextIndexCheck {

    private static final Logger log = LoggerFactory.getLogger(FullTextIndexCheck.class);

    private final JdbcTemplate jdbc;

    FullTextIndexCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        try {
            if (indexUsable()) {
                log.info("Full-text matching can use the GIN index under row-level security (ts_match_vq leakproof)");
            } else {
                log.warn("Full-text search reads every chunk of a tenant: ts_match_vq is not leakproof in this"
                        + " database, so PostgreSQL cannot use the GIN index under row-level security. A superuser"
                        + " runs: ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF"
                        + " (docs/operations.md)");
            }
        } catch (RuntimeException e) {
            log.warn("Could not check whether full-text matching can use its index: {}", e.toString());
        }
    }

    boolean indexUsable() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT proleakproof FROM pg_proc WHERE oid = 'pg_catalog.ts_match_vq(tsvector, tsquery)'::regprocedure",
                Boolean.class));
    }
}
