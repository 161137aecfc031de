package io.oriole.identity;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An API token. Only its SHA-256 hash is stored; {@code tokenPrefix} lets a user recognise it in a list. */
@Table("api_token")
public record ApiToken(@Id Long id, long tenantId, long userId, String name, String tokenPrefix, String tokenHash,
        Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public ApiToken withId(Long newId) {
        return new ApiToken(newId, tenantId, userId, name, tokenPrefix, tokenHash, createdAt, lastUsedAt, revokedAt);
    }

    public ApiToken revokedAt(Instant when) {
        return new ApiToken(id, tenantId, userId, name, tokenPrefix, tokenHash, createdAt, lastUsedAt, when);
    }

    public ApiToken usedAt(Instant when) {
        return new ApiToken(id, tenantId, userId, name, tokenPrefix, tokenHash, createdAt, when, revokedAt);
    }

    public boolean active() {
        return revokedAt == null;
    }
}
