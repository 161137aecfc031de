package io.oriole.knowledge;

import java.time.Instant;

/** An entry was created, edited, published or unpublished; the search index refreshes it after commit. */
public record KnowledgeChanged(long tenantId, long entryId, int version, String changedBy, Instant occurredAt) {
}
