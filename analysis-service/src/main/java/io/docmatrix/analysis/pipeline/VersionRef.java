package io.docmatrix.analysis.pipeline;

import java.util.UUID;

/** A document version of a tenant, with how many of its chunks are staged and how many were announced. */
public record VersionRef(UUID tenantId, UUID documentId, int version, int staged, int expected) {}
