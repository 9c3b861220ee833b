package io.docmatrix.query.retrieval;

import java.util.UUID;

/** Published inside the projection's transaction whenever a tenant's searchable corpus changes for a document. */
public record CorpusChanged(UUID tenantId, UUID documentId) {}
