package io.oriole.web.widget;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantManagement;
import jakarta.servlet.http.HttpServletResponse;

/** The chat page itself, usable on its own or inside the iframe that /widget.js adds to a tenant's site. */
@Controller
class WidgetPages {

    private final TenantManagement tenants;

    WidgetPages(TenantManagement tenants) {
        this.tenants = tenants;
    }

    /** A suspended tenant's visitors read, in their language, that the chat is not available for now. */
    @GetMapping("/widget/{tenant}")
    String chat(@PathVariable String tenant, Model model, HttpServletResponse response) {
        Tenant t = tenants.findBySlug(tenant).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("tenantSlug", t.slug());
        model.addAttribute("tenantName", t.name());
        if (!t.active()) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return "widget/unavailable";
        }
        return "widget/chat";
    }
}
