-- One row per version of a document. The gateway assigns ids and versions; ingestion owns the status lifecycle
-- RECEIVED -> PARSING -> EMBEDDING -> READY | FAILED with a timestamp per stage.
CREATE TABLE document (
    id                   uuid        NOT NULL,
    version              int         NOT NULL CHECK (version >= 1),
    tenant_id            uuid        NOT NULL,
    latest               boolean     NOT NULL DEFAULT true,
    status               text        NOT NULL CHECK (status IN ('RECEIVED', 'PARSING', 'EMBEDDING', 'READY', 'FAILED')),
    filename             text        NOT NULL,
    content_type         text        NOT NULL,
    size_bytes           bigint      NOT NULL,
    sha256               text        NOT NULL,
    blob_store           text        NOT NULL,
    blob_key             text        NOT NULL,
    uploaded_by          text        NOT NULL,
    title                text,
    tags                 text[]      NOT NULL DEFAULT '{}',
    collection           text,
    external_id          text,
    page_count           int,
    character_count      bigint,
    chunk_count          int,
    error_code           text,
    error_detail         text,
    attempts             int         NOT NULL DEFAULT 0,
    -- A worker holds a document it processes under a lease; a worker that died lets it expire and another retries.
    lease_owner          text,
    lease_until          timestamptz,
    received_at          timestamptz NOT NULL,
    parsing_started_at   timestamptz,
    embedding_started_at timestamptz,
    ready_at             timestamptz,
    failed_at            timestamptz,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, version)
);

-- Listing shows the latest version of each document, newest first, always within one tenant.
CREATE INDEX document_listing ON document (tenant_id, received_at DESC, id) WHERE latest;
-- Workers claim the oldest RECEIVED version; the sweep finds in-flight versions whose lease expired.
CREATE INDEX document_queue ON document (received_at) WHERE status = 'RECEIVED';
CREATE INDEX document_in_flight ON document (lease_until) WHERE status IN ('PARSING', 'EMBEDDING');

-- The extracted text is kept so chunk offsets can be checked and a document re-chunked without parsing it again.
CREATE TABLE document_text (
    document_id uuid  NOT NULL,
    version     int   NOT NULL,
    text        text  NOT NULL,
    pages       jsonb NOT NULL,
    PRIMARY KEY (document_id, version),
    FOREIGN KEY (document_id, version) REFERENCES document (id, version) ON DELETE CASCADE
);

CREATE TABLE chunk (
    id              uuid    PRIMARY KEY,
    document_id     uuid    NOT NULL,
    version         int     NOT NULL,
    tenant_id       uuid    NOT NULL,
    ordinal         int     NOT NULL,
    text            text    NOT NULL,
    page            int     NOT NULL,
    page_end        int     NOT NULL,
    start_offset    int     NOT NULL,
    end_offset      int     NOT NULL,
    heading_path    text[]  NOT NULL DEFAULT '{}',
    token_count     int     NOT NULL,
    embedding_model text    NOT NULL,
    dimension       int     NOT NULL,
    -- little-endian float32, the same encoding the chunk events carry
    embedding       bytea   NOT NULL,
    UNIQUE (document_id, version, ordinal),
    FOREIGN KEY (document_id, version) REFERENCES document (id, version) ON DELETE CASCADE
);
