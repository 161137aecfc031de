package io.oriole.identity;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A staff member of a tenant. {@code passwordHash} is an Argon2id hash behind a delegating prefix. */
@Table("app_user")
public record User(@Id Long id, long tenantId, String email, String displayName, String passwordHash, Role role,
        String locale, boolean enabled, int failedAttempts, Instant lockedUntil, Instant createdAt) {

    public User withId(Long newId) {
        return new User(newId, tenantId, email, displayName, passwordHash, role, locale, enabled, failedAttempts,
                lockedUntil, createdAt);
    }

    public User withFailedAttempt(int attempts, Instant lockUntil) {
        return new User(id, tenantId, email, displayName, passwordHash, role, locale, enabled, attempts, lockUntil,
                createdAt);
    }

    public User withFailuresReset() {
        return withFailedAttempt(0, null);
    }

    public User withPasswordHash(String hash) {
        return new User(id, tenantId, email, displayName, hash, role, locale, enabled, failedAttempts, lockedUntil,
                createdAt);
    }

    public User withProfile(String newDisplayName, Role newRole, String newLocale, boolean isEnabled) {
        return new User(id, tenantId, email, newDisplayName, passwordHash, newRole, newLocale, isEnabled,
                failedAttempts, lockedUntil, createdAt);
    }
}
