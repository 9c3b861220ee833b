-- The read store: documents, their versions and the chunks of the version that is searchable. Filled only by the
-- projections from Kafka, so it can be dropped and rebuilt by replaying the topics (docs/query.md).
--
-- Tenant isolation is row-level security keyed by app.tenant_id, which the application sets transaction-locally
-- (set_config(..., true)) before every statement. The application connects as ${app_role}: not the owner, not a
-- superuser, no BYPASSRLS; the tables FORCE row-level security so that not even the owner (Flyway) bypasses it.

-- The caller's tenant, or null when none is set (then every policy is false and nothing is visible). NULLIF because a
-- setting that was set transaction-locally reads as '' (not null) after that transaction ended.
CREATE FUNCTION current_tenant() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

-- One row per document: the status of its newest version and the metadata of its searchable (active) version.
CREATE TABLE document (
    document_id       uuid        PRIMARY KEY,
    tenant_id         uuid        NOT NULL,
    latest_version    int         NOT NULL DEFAULT 0,
    active_version    int,
    status            text        NOT NULL,
    title             text,
    filename          text,
    content_type      text,
    collection        text,
    tags              text[]      NOT NULL DEFAULT '{}',
    uploaded_by       text,
    uploaded_at       timestamptz,
    page_count        int,
    chunk_count       int,
    embedding_model   text,
    failure_code      text,
    risk_score        double precision,
    clause_categories text[]      NOT NULL DEFAULT '{}',
    analysis_version  int,
    playbook_id       text,
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_tenant ON document (tenant_id);

-- One row per received version: its own metadata, and how many chunks it needs (DocumentIndexed) and has (staged).
CREATE TABLE document_version (
    document_id     uuid        NOT NULL,
    version         int         NOT NULL,
    tenant_id       uuid        NOT NULL,
    status          text        NOT NULL,
    title           text,
    filename        text,
    content_type    text,
    collection      text,
    tags            text[]      NOT NULL DEFAULT '{}',
    uploaded_by     text,
    uploaded_at     timestamptz,
    expected_chunks int,
    staged_chunks   int         NOT NULL DEFAULT 0,
    page_count      int,
    embedding_model text,
    dimension       int,
    PRIMARY KEY (document_id, version)
);

-- Chunks of active and of staged versions; a chunk is searchable only while its version is its document's
-- active_version, so activating a version is one UPDATE of the document row. The vector column is fixed at the
-- query model's dimension (384); a vector of another dimension is stored as null (text search still finds it).
CREATE TABLE chunk (
    chunk_id        uuid        PRIMARY KEY,
    tenant_id       uuid        NOT NULL,
    document_id     uuid        NOT NULL,
    version         int         NOT NULL,
    ordinal         int         NOT NULL,
    text            text        NOT NULL,
    page            int         NOT NULL,
    page_end        int         NOT NULL,
    start_offset    int         NOT NULL,
    end_offset      int         NOT NULL,
    heading_path    text[]      NOT NULL DEFAULT '{}',
    token_count     int         NOT NULL,
    embedding_model text        NOT NULL,
    embedding       vector(384),
    tsv             tsvector    GENERATED ALWAYS AS (to_tsvector('english', text)) STORED
);
CREATE INDEX chunk_document_version ON chunk (document_id, version);
CREATE INDEX chunk_tenant ON chunk (tenant_id);
-- m/ef_construction as measured in stack.md (recall@10 0.956 at ef_search 40); ef_search is set per query.
CREATE INDEX chunk_embedding_hnsw ON chunk USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64);
CREATE INDEX chunk_tsv ON chunk USING gin (tsv);

-- Deleted documents: events about them that arrive later (another topic, a redelivery) must not bring them back.
CREATE TABLE deleted_document (
    document_id uuid        PRIMARY KEY,
    tenant_id   uuid        NOT NULL,
    deleted_at  timestamptz NOT NULL
);

-- The policy compares with (SELECT current_tenant()), an uncorrelated sub-select that PostgreSQL evaluates once per
-- statement (an InitPlan), not per row: a statement that changes app.tenant_id while it runs (set_config in a
-- WHERE clause) still sees only the tenant it started with.
ALTER TABLE document ENABLE ROW LEVEL SECURITY;
ALTER TABLE document FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON document
    USING (tenant_id = (SELECT current_tenant())) WITH CHECK (tenant_id = (SELECT current_tenant()));

ALTER TABLE document_version ENABLE ROW LEVEL SECURITY;
ALTER TABLE document_version FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON document_version
    USING (tenant_id = (SELECT current_tenant())) WITH CHECK (tenant_id = (SELECT current_tenant()));

ALTER TABLE chunk ENABLE ROW LEVEL SECURITY;
ALTER TABLE chunk FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON chunk
    USING (tenant_id = (SELECT current_tenant())) WITH CHECK (tenant_id = (SELECT current_tenant()));

ALTER TABLE deleted_document ENABLE ROW LEVEL SECURITY;
ALTER TABLE deleted_document FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON deleted_document
    USING (tenant_id = (SELECT current_tenant())) WITH CHECK (tenant_id = (SELECT current_tenant()));

GRANT USAGE ON SCHEMA public TO ${app_role};
GRANT EXECUTE ON FUNCTION current_tenant() TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON document, document_version, chunk, deleted_document TO ${app_role};
-- processed_event holds event ids only, no tenant data: no policy.
GRANT SELECT, INSERT ON processed_event TO ${app_role};
