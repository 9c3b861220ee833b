package io.docmatrix.query.retrieval;

import java.util.UUID;

/**
 * Published (ApplicationEventPublisher) inside the projection's transaction whenever a tenant's searchable corpus
 * changes for a document: a version activated, or the document deleted. Answer caches listen to it.
 */
public record CorpusChanged(UUID tenantId, UUID documentId) {}
