package io.oriole.tenant;

import java.time.Instant;
import java.time.ZoneId;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A company using Oriole. {@code widgetSecret} signs the visitor tokens of its chat widget and verifies
 * the signed user ids its own site passes in; it never leaves the server.
 */
@Table("tenant")
public record Tenant(@Id Long id, String slug, String name, String widgetSecret, String defaultLocale,
        String timeZone, Instant createdAt) {

    public Tenant withId(Long newId) {
        return new Tenant(newId, slug, name, widgetSecret, defaultLocale, timeZone, createdAt);
    }

    public TenantId tenantId() {
        return new TenantId(id);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
