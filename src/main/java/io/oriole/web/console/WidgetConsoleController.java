package io.oriole.web.console;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantManagement;

/** Admins see the embed tag and the widget secret, and rotate the secret to sign every visitor out. */
@Controller
class WidgetConsoleController {

    private final TenantManagement tenants;

    WidgetConsoleController(TenantManagement tenants) {
        this.tenants = tenants;
    }

    @GetMapping("/console/widget")
    @RequiresPermission(Permission.MANAGE_WIDGET)
    String widget(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        Tenant tenant = tenants.get(me.tenantId());
        model.addAttribute("me", me);
        model.addAttribute("tenantSlug", tenant.slug());
        model.addAttribute("secret", tenant.widgetSecret());
        model.addAttribute("embed", "<script src=\"" + ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/widget.js").toUriString() + "\" data-tenant=\"" + tenant.slug() + "\" async></script>");
        return "console/widget";
    }

    @PostMapping("/console/widget/rotate")
    @RequiresPermission(Permission.MANAGE_WIDGET)
    String rotate(@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes flash) {
        tenants.rotateWidgetSecret(me.tenantId());
        flash.addFlashAttribute("rotated", true);
        return "redirect:/console/widget";
    }
}
