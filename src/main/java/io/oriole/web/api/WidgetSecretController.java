package io.oriole.web.api;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The tenant's widget secret, for admins: the tenant's own site signs its user ids with it
 * ({@code data-user-hash}), and rotating it signs every visitor out and voids every user hash made with the old one.
 */
@RestController
@RequestMapping("/api/v1/widget/secret")
@Tag(name = "Widget", description = "The widget secret that signs visitor tokens and user hashes (ADMIN only)")
class WidgetSecretController {

    private final TenantManagement tenants;

    WidgetSecretController(TenantManagement tenants) {
        this.tenants = tenants;
    }

    record WidgetSecret(String secret) {
    }

    @GetMapping
    @RequiresPermission(Permission.MANAGE_WIDGET)
    @Operation(summary = "The current widget secret")
    WidgetSecret current(@AuthenticationPrincipal StaffPrincipal me) {
        return new WidgetSecret(tenants.get(me.tenantId()).widgetSecret());
    }

    @PostMapping("/rotate")
    @RequiresPermission(Permission.MANAGE_WIDGET)
    @Operation(summary = "Replace the widget secret",
            description = "Every visitor token and user hash made with the old secret stops working at once")
    WidgetSecret rotate(@AuthenticationPrincipal StaffPrincipal me) {
        return new WidgetSecret(tenants.rotateWidgetSecret(me.tenantId()).map(Tenant::widgetSecret).orElseThrow());
    }
}
