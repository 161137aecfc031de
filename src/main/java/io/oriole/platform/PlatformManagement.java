package io.oriole.platform;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.oriole.identity.ApiTokenManagement;
import io.oriole.identity.Role;
import io.oriole.identity.User;
import io.oriole.identity.UserManagement;
import io.oriole.sla.SlaManagement;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantErasure;
import io.oriole.tenant.TenantManagement;

/**
 * What the platform operator does to tenants. A tenant is born with its first administrator, the default SLA
 * policies on an office-hours calendar in its time zone, and an API token for that administrator, so that the rest
 * of the set-up (staff, queues, knowledge) can be scripted against the tenant's own API.
 */
@Service
public class PlatformManagement {

    private final TenantManagement tenants;
    private final UserManagement users;
    private final ApiTokenManagement tokens;
    private final SlaManagement sla;
    private final TenantErasure erasure;

    PlatformManagement(TenantManagement tenants, UserManagement users, ApiTokenManagement tokens, SlaManagement sla,
            TenantErasure erasure) {
        this.tenants = tenants;
        this.users = users;
        this.tokens = tokens;
        this.sla = sla;
        this.erasure = erasure;
    }

    /** What a new tenant needs from the operator. {@code locale} and {@code timeZone} may be null. */
    public record NewTenant(String slug, String name, String adminEmail, String adminName, String adminPassword,
            String locale, String timeZone) {
    }

    /** The new tenant, its first administrator, and that administrator's API token in plain text, shown once. */
    public record ProvisionedTenant(Tenant tenant, User admin, String adminApiToken) {
    }

    /**
     * Creates the tenant with its first administrator in one transaction: a refusal leaves nothing behind.
     *
     * @throws TenantRefused naming the field at fault
     */
    @Transactional
    public ProvisionedTenant provision(NewTenant request) {
        String slug = request.slug() == null ? null : request.slug().strip();
        if (!TenantManagement.isValidSlug(slug)) {
            throw new TenantRefused(TenantRefused.Reason.INVALID_SLUG, "slug");
        }
        if (tenants.findBySlug(slug).isPresent()) {
            throw new TenantRefused(TenantRefused.Reason.SLUG_TAKEN, "slug");
        }
        if (request.name() == null || request.name().isBlank() || request.name().strip().length() > 200) {
            throw new TenantRefused(TenantRefused.Reason.INVALID_NAME, "name");
        }
        String locale = request.locale() == null || request.locale().isBlank() ? "en" : request.locale().strip();
        if (!locale.equals("en") && !locale.equals("zh-CN")) {
            throw new TenantRefused(TenantRefused.Reason.UNSUPPORTED_LOCALE, "locale");
        }
        ZoneId zone = zone(request.timeZone());
        String email = request.adminEmail() == null ? "" : request.adminEmail().strip().toLowerCase(Locale.ROOT);
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
            throw new TenantRefused(TenantRefused.Reason.INVALID_EMAIL, "adminEmail");
        }
        if (request.adminPassword() == null || request.adminPassword().length() < UserManagement.MIN_PASSWORD_LENGTH
                || request.adminPassword().length() > 200) {
            throw new TenantRefused(TenantRefused.Reason.WEAK_PASSWORD, "adminPassword");
        }
        String adminName = request.adminName() == null || request.adminName().isBlank() ? email
                : request.adminName().strip();
        Tenant tenant = tenants.create(slug, request.name().strip(), locale, zone.getId());
        User admin = users.create(tenant.tenantId(), email, adminName, request.adminPassword(), Role.ADMIN, locale);
        sla.installDefaults(tenant.tenantId(), zone, false);
        String token = tokens.issue(tenant.tenantId(), admin.id(), "first administrator").plaintext();
        return new ProvisionedTenant(tenant, admin, token);
    }

    public List<Tenant> tenants() {
        return tenants.list();
    }

    public Optional<Tenant> find(String slug) {
        return tenants.findBySlug(slug);
    }

    public Optional<Tenant> suspend(String slug) {
        return tenants.findBySlug(slug).flatMap(t -> tenants.suspend(t.tenantId()));
    }

    public Optional<Tenant> resume(String slug) {
        return tenants.findBySlug(slug).flatMap(t -> tenants.resume(t.tenantId()));
    }

    /**
     * Erases the tenant and everything every module keeps of it. Only a suspended tenant can be deleted, so that
     * nobody is working in it while its rows go.
     *
     * @return false when there is no such tenant
     * @throws TenantRefused when the tenant is still active
     */
    public boolean delete(String slug) {
        Optional<Tenant> tenant = tenants.findBySlug(slug);
        if (tenant.isEmpty()) {
            return false;
        }
        if (tenant.get().active()) {
            throw new TenantRefused(TenantRefused.Reason.NOT_SUSPENDED, "slug");
        }
        erasure.erase(tenant.get().tenantId());
        return true;
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(timeZone.strip());
        }
        catch (java.time.DateTimeException e) {
            throw new TenantRefused(TenantRefused.Reason.UNKNOWN_TIME_ZONE, "timeZone");
        }
    }
}
