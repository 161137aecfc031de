package io.oriole.platform.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.oriole.platform.PlatformManagement;
import io.oriole.platform.PlatformManagement.NewTenant;
import io.oriole.platform.PlatformManagement.ProvisionedTenant;
import io.oriole.tenant.Tenant;

/**
 * {@code /platform/v1/tenants}: the platform operator's API, behind {@code Authorization: Bearer <operator token>}
 * (see {@link OperatorSecurity}). A tenant is addressed by its slug.
 */
@RestController
@RequestMapping("/platform/v1/tenants")
class PlatformController {

    private final PlatformManagement platform;

    PlatformController(PlatformManagement platform) {
        this.platform = platform;
    }

    record CreateTenant(String slug, String name, String adminEmail, String adminName, String adminPassword,
            String locale, String timeZone) {
    }

    record TenantView(long id, String slug, String name, String locale, String timeZone, String status,
            Instant createdAt, Instant suspendedAt) {

        static TenantView of(Tenant t) {
            return new TenantView(t.id(), t.slug(), t.name(), t.defaultLocale(), t.timeZone(),
                    t.active() ? "active" : "suspended", t.createdAt(), t.suspendedAt());
        }
    }

    /** The one response that carries the first administrator's API token; it cannot be shown again. */
    record ProvisionedView(TenantView tenant, long adminUserId, String adminEmail, String adminApiToken) {

        static ProvisionedView of(ProvisionedTenant p) {
            return new ProvisionedView(TenantView.of(p.tenant()), p.admin().id(), p.admin().email(),
                    p.adminApiToken());
        }
    }

    @PostMapping
    ResponseEntity<ProvisionedView> create(@RequestBody CreateTenant request) {
        ProvisionedTenant created = platform.provision(new NewTenant(request.slug(), request.name(),
                request.adminEmail(), request.adminName(), request.adminPassword(), request.locale(),
                request.timeZone()));
        return ResponseEntity.created(URI.create("/platform/v1/tenants/" + created.tenant().slug()))
                .body(ProvisionedView.of(created));
    }

    @GetMapping
    List<TenantView> list() {
        return platform.tenants().stream().map(TenantView::of).toList();
    }

    @GetMapping("/{slug}")
    TenantView get(@PathVariable String slug) {
        return platform.find(slug).map(TenantView::of).orElseThrow(PlatformController::unknown);
    }

    @PostMapping("/{slug}/suspend")
    TenantView suspend(@PathVariable String slug) {
        return platform.suspend(slug).map(TenantView::of).orElseThrow(PlatformController::unknown);
    }

    @PostMapping("/{slug}/resume")
    TenantView resume(@PathVariable String slug) {
        return platform.resume(slug).map(TenantView::of).orElseThrow(PlatformController::unknown);
    }

    /** Erases a suspended tenant with all its data; an active one is refused with 409. */
    @DeleteMapping("/{slug}")
    ResponseEntity<Void> delete(@PathVariable String slug) {
        if (!platform.delete(slug)) {
            throw unknown();
        }
        return ResponseEntity.noContent().build();
    }

    private static ResponseStatusException unknown() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no tenant with this slug");
    }
}
