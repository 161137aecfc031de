package io.oriole.web.widget;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantManagement;
import io.oriole.tenant.WidgetSites;
import io.oriole.web.security.ContentSecurityPolicy;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The chat page itself, usable on its own or inside the iframe that /widget.js adds to a tenant's site; only the
 * sites the tenant allows may frame it.
 */
@Controller
class WidgetPages {

    private final TenantManagement tenants;
    private final WidgetSites sites;

    WidgetPages(TenantManagement tenants, WidgetSites sites) {
        this.tenants = tenants;
        this.sites = sites;
    }

    /**
     * An unknown tenant's chat is the 404 page, not a problem (the widget package's advice answers its API); a
     * suspended tenant's visitors read, in their language, that the chat is not available for now.
     */
    @GetMapping("/widget/{tenant}")
    String chat(@PathVariable String tenant, Model model, HttpServletResponse response) {
        java.util.Optional<Tenant> found = tenants.findBySlug(tenant);
        if (found.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("status", HttpStatus.NOT_FOUND.value());
            return "error";
        }
        Tenant t = found.get();
        // Set before the security headers are written, which then leave it as it is.
        response.setHeader("Content-Security-Policy", ContentSecurityPolicy.widget(sites.allowed(t.tenantId())));
        model.addAttribute("tenantSlug", t.slug());
        model.addAttribute("tenantName", t.name());
        if (!t.active()) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return "widget/unavailable";
        }
        return "widget/chat";
    }
}
