-- analysis-service's own copy of what it needs from ingestion, and its results. Every table carries tenant_id and
-- every statement filters by it.

-- One row per document version seen on either topic. Chunks (documents.chunks.v1) and the chunk count
-- (DocumentIndexed on documents.lifecycle.v1) arrive on two topics in no particular order; both listeners lock this
-- row first, so exactly one of them sees the version complete and queues its analysis.
CREATE TABLE document_version (
    document_id     uuid        NOT NULL,
    version         int         NOT NULL CHECK (version >= 1),
    tenant_id       uuid        NOT NULL,
    title           text,
    filename        text,
    content_type    text,
    expected_chunks int,                            -- null until DocumentIndexed arrived
    first_seen_at   timestamptz NOT NULL DEFAULT now(),
    indexed_at      timestamptz,
    -- STAGING until every chunk is here, then QUEUED (an analysis row exists) or INCOMPLETE (gave up waiting).
    state           text        NOT NULL DEFAULT 'STAGING' CHECK (state IN ('STAGING', 'QUEUED', 'INCOMPLETE')),
    PRIMARY KEY (document_id, version)
);
CREATE INDEX document_version_staging ON document_version (first_seen_at) WHERE state = 'STAGING';

-- The chunks of each version, kept after the analysis so a rerun (new playbook) or a comparison needs no re-ingestion.
CREATE TABLE staged_chunk (
    document_id  uuid   NOT NULL,
    version      int    NOT NULL,
    tenant_id    uuid   NOT NULL,
    chunk_id     uuid   NOT NULL,
    ordinal      int    NOT NULL,
    text         text   NOT NULL,
    page         int    NOT NULL,
    page_end     int    NOT NULL,
    start_offset int    NOT NULL,
    end_offset   int    NOT NULL,
    heading_path text[] NOT NULL DEFAULT '{}',
    -- little-endian float32, the encoding the chunk events carry
    embedding    bytea  NOT NULL,
    PRIMARY KEY (document_id, version, ordinal),
    FOREIGN KEY (document_id, version) REFERENCES document_version (document_id, version) ON DELETE CASCADE
);

-- Chunk records of a document (the Kafka key) that could not be decoded and went to the dead-letter topic. The record
-- names no tenant or version, so the sweep fails the document's versions still waiting with their chunk count known:
-- they cannot complete. Kept for a day as a diagnostic aid.
CREATE TABLE unreadable_chunk (
    document_id uuid        NOT NULL,
    reason      text        NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX unreadable_chunk_document ON unreadable_chunk (document_id, recorded_at);

-- Deleted documents: events that arrive after DocumentDeleted (redelivery, the slower topic) must not bring them back.
CREATE TABLE deleted_document (
    document_id uuid        PRIMARY KEY,
    tenant_id   uuid        NOT NULL,
    deleted_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per analysis run of a document version with one playbook version; also the work queue of the workers
-- (PENDING -> RUNNING -> COMPLETED | FAILED, claimed with SKIP LOCKED under a lease).
CREATE TABLE analysis (
    id               uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL,
    document_id      uuid        NOT NULL,
    version          int         NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED')),
    trigger          text        NOT NULL CHECK (trigger IN ('INDEXED', 'RERUN')),
    playbook_id      text,
    playbook_version int,
    kind             text,
    risk_score       double precision,
    result           jsonb,
    error_code       text,
    error_detail     text,
    attempts         int         NOT NULL DEFAULT 0,
    lease_owner      text,
    lease_until      timestamptz,
    not_before       timestamptz NOT NULL DEFAULT now(),
    requested_at     timestamptz NOT NULL DEFAULT now(),
    requested_by     text,
    finished_at      timestamptz
);
CREATE INDEX analysis_by_document ON analysis (tenant_id, document_id, version, requested_at DESC);
CREATE INDEX analysis_queue ON analysis (not_before, requested_at) WHERE status = 'PENDING';
CREATE INDEX analysis_running ON analysis (lease_until) WHERE status = 'RUNNING';

-- Tenants' own playbooks; every PUT appends a version, nothing is updated in place, so an analysis can always show
-- the exact rules it applied. The shipped default playbook is a classpath resource, not a row.
CREATE TABLE playbook (
    tenant_id   uuid        NOT NULL,
    id          text        NOT NULL,
    version     int         NOT NULL CHECK (version >= 1),
    definition  jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text        NOT NULL,
    PRIMARY KEY (tenant_id, id, version)
);
