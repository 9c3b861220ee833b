-- Answers: a cache of computed answers and the recent turns of conversations, both per tenant.
--
-- Tenant isolation as in the read store (V2): row-level security keyed by app.tenant_id, which the application sets
-- transaction-locally before every statement; the tables FORCE it so not even the owner bypasses it. The policy
-- expression is spelled out rather than calling V2's current_tenant() so this migration stands on its own.

CREATE TABLE answer_cache (
    tenant_id    uuid        NOT NULL,
    cache_key    text        NOT NULL,
    -- the documents the answer was computed over; empty when it was all of the tenant's documents
    document_ids uuid[]      NOT NULL DEFAULT '{}',
    all_documents boolean    NOT NULL,
    answer       jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, cache_key)
);
-- eviction by document: "the tenant's entries over all documents or over this one"
CREATE INDEX answer_cache_documents ON answer_cache USING gin (document_ids);

-- Advanced by every eviction of the tenant: an answer computed across an eviction is not stored (JdbcAnswerCache).
CREATE TABLE answer_cache_generation (
    tenant_id  uuid   PRIMARY KEY,
    generation bigint NOT NULL DEFAULT 0
);

CREATE TABLE conversation (
    conversation_id uuid        PRIMARY KEY,
    tenant_id       uuid        NOT NULL,
    subject         text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversation_owner ON conversation (tenant_id, subject);

CREATE TABLE conversation_turn (
    conversation_id uuid        NOT NULL REFERENCES conversation ON DELETE CASCADE,
    turn            int         NOT NULL,
    tenant_id       uuid        NOT NULL,
    question        text        NOT NULL,
    answer          text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (conversation_id, turn)
);

ALTER TABLE answer_cache ENABLE ROW LEVEL SECURITY;
ALTER TABLE answer_cache FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON answer_cache
    USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
    WITH CHECK (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

ALTER TABLE answer_cache_generation ENABLE ROW LEVEL SECURITY;
ALTER TABLE answer_cache_generation FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON answer_cache_generation
    USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
    WITH CHECK (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

ALTER TABLE conversation ENABLE ROW LEVEL SECURITY;
ALTER TABLE conversation FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON conversation
    USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
    WITH CHECK (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

ALTER TABLE conversation_turn ENABLE ROW LEVEL SECURITY;
ALTER TABLE conversation_turn FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON conversation_turn
    USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
    WITH CHECK (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

GRANT USAGE ON SCHEMA public TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON answer_cache, answer_cache_generation, conversation, conversation_turn
    TO ${app_role};
