-- A tenant's analysis settings. No row means the defaults (automatic analysis on).
CREATE TABLE tenant_setting (
    tenant_id          uuid        PRIMARY KEY,
    automatic_analysis boolean     NOT NULL,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    updated_by         text        NOT NULL
);

-- SKIPPED: the version was first seen while its tenant's automatic analysis was off. Its chunks are not staged and it
-- gets no analysis; the decision is taken once per version, so switching mid-document never leaves a half-staged one.
ALTER TABLE document_version DROP CONSTRAINT document_version_state_check;
ALTER TABLE document_version ADD CONSTRAINT document_version_state_check
    CHECK (state IN ('STAGING', 'QUEUED', 'INCOMPLETE', 'SKIPPED'));
