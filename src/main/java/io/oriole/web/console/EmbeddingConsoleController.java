package io.oriole.web.console;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;
import io.oriole.tenant.WidgetSiteRefused;
import io.oriole.tenant.WidgetSites;

/** Where the chat widget may be embedded: supervisors read the list, admins change it. */
@Controller
class EmbeddingConsoleController {

    private final WidgetSites sites;

    EmbeddingConsoleController(WidgetSites sites) {
        this.sites = sites;
    }

    @GetMapping("/console/embedding")
    @RequiresPermission(Permission.MANAGE_WIDGET)
    String embedding(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("me", me);
        if (!model.containsAttribute("sites")) {
            model.addAttribute("sites", String.join("\n", sites.allowed(me.tenantId())));
        }
        return "console/embedding";
    }

    @PostMapping("/console/embedding")
    @RequiresPermission(Permission.MANAGE_WIDGET)
    String allow(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(defaultValue = "") String sites,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            this.sites.allow(me.tenantId(), sites);
        }
        catch (WidgetSiteRefused refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("refused", refused.messageKey());
            model.addAttribute("badSite", refused.site());
            model.addAttribute("sites", sites);
            return embedding(me, model);
        }
        flash.addFlashAttribute("saved", true);
        return "redirect:/console/embedding";
    }
}
