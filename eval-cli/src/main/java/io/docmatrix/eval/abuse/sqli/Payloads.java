package io.docmatrix.eval.abuse.sqli;

import java.util.List;

/** SQL-injection payloads aimed at PostgreSQL: tautologies, stacked queries, time delays, casts, RLS switches, tsquery. */
final class Payloads {

    private Payloads() {}

    static final List<String> ALL = List.of(
            "' OR '1'='1",
            "' OR 1=1--",
            "') OR ('a'='a",
            "\" OR \"\"=\"",
            "1; DROP TABLE chunks;--",
            "'; DROP TABLE documents; --",
            "' || pg_sleep(3) || '",
            "'; SELECT pg_sleep(3); --",
            "1' AND (SELECT 1 FROM pg_sleep(3)) IS NOT NULL AND '1'='1",
            "' AND 1=CAST((SELECT version()) AS int)--",
            "' UNION SELECT NULL, NULL, NULL--",
            "' UNION SELECT id::text, tenant_id::text FROM chunks--",
            "%' OR tenant_id IS NOT NULL OR '%'='",
            "'; SET row_security = off; --",
            "'; RESET ROLE; SET ROLE query_service; --",
            "'; SELECT set_config('app.tenant_id', '00000000-0000-0000-0000-000000000000', false); --",
            "$$; SELECT 1; $$",
            "\\'; --",
            "*/ OR /*",
            "' OR 'x' ~ '.*",
            ") OR true --",
            "'::text||(SELECT current_user)||'",
            "\u0000",
            "%",
            "_",
            "$1",
            "?",
            ":tenant",
            "!",
            "a & b | !c <-> d:*",
            "'''''",
            "00000000-0000-0000-0000-000000000000' OR '1'='1",
            "x".repeat(1_990) + "' OR '1'='1");

    /** The smoke profile's sample: one of each kind. */
    static final List<String> SMOKE = List.of(
            "' OR '1'='1",
            "'; SELECT pg_sleep(3); --",
            "' UNION SELECT NULL, NULL, NULL--",
            "'; SET row_security = off; --",
            "\u0000",
            "%",
            "a & b | !c <-> d:*",
            "$1");
}
