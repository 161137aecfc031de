package io.oriole.tenant;

import java.time.Instant;
import java.time.ZoneId;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A company using Oriole. {@code widgetSecret} signs the visitor tokens of its chat widget and verifies
 * the signed user ids its own site passes in; only the tenant's admins see it, and rotating it voids both.
 * {@code suspendedAt} is set while a platform operator has suspended the tenant.
 */
@Table("tenant")
public record Tenant(@Id Long id, String slug, String name, String widgetSecret, String defaultLocale,
        String timeZone, Instant createdAt, Instant suspendedAt) {

    public Tenant withId(Long newId) {
        return new Tenant(newId, slug, name, widgetSecret, defaultLocale, timeZone, createdAt, suspendedAt);
    }

    public Tenant withWidgetSecret(String secret) {
        return new Tenant(id, slug, name, secret, defaultLocale, timeZone, createdAt, suspendedAt);
    }

    public Tenant withSuspendedAt(Instant when) {
        return new Tenant(id, slug, name, widgetSecret, defaultLocale, timeZone, createdAt, when);
    }

    /** A suspended tenant's staff, tokens and widget are refused until a platform operator resumes it. */
    public boolean active() {
        return suspendedAt == null;
    }

    public TenantId tenantId() {
        return new TenantId(id);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
