package io.oriole.platform.web;

import java.util.List;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.oriole.platform.PlatformManagement;
import io.oriole.platform.PlatformManagement.NewTenant;
import io.oriole.platform.PlatformManagement.ProvisionedTenant;
import io.oriole.platform.TenantRefused;
import io.oriole.platform.internal.PlatformProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /platform/console}: the operator's page for what the platform API does. The operator signs in by typing the
 * operator token into a form (never into a URL); the sign-in lasts for the browser session (see
 * {@link OperatorSecurity}). A new tenant's first-admin token is shown once, on the page that follows its creation.
 */
@Controller
@RequestMapping("/platform")
class PlatformConsole {

    private static final String HOME = "redirect:/platform/console";

    private final PlatformManagement platform;
    private final PlatformProperties settings;

    PlatformConsole(PlatformManagement platform, PlatformProperties settings) {
        this.platform = platform;
        this.settings = settings;
    }

    /** What the creation form held when it was refused; the password is never sent back. */
    record Draft(String slug, String name, String adminEmail, String adminName, String locale, String timeZone) {
    }

    @GetMapping
    String root() {
        return HOME;
    }

    @GetMapping("/console/sign-in")
    String signInPage(@RequestParam(required = false) String error, @RequestParam(required = false) String signedOut,
            Model model) {
        model.addAttribute("error", error != null);
        model.addAttribute("signedOut", signedOut != null);
        return "platform/sign-in";
    }

    @PostMapping("/console/sign-in")
    String signIn(@RequestParam(defaultValue = "") String token, HttpServletRequest request,
            HttpServletResponse response) {
        if (!settings.matches(token.strip())) {
            return "redirect:/platform/console/sign-in?error=token";
        }
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(OperatorSecurity.operator());
        SecurityContextHolder.setContext(context);
        OperatorSecurity.OPERATOR_SESSIONS.saveContext(context, request, response);
        return HOME;
    }

    @PostMapping("/console/sign-out")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        SecurityContextHolder.clearContext();
        OperatorSecurity.OPERATOR_SESSIONS.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
        return "redirect:/platform/console/sign-in?signedOut=true";
    }

    @GetMapping("/console")
    String console(Model model) {
        model.addAttribute("tenants", platform.tenants().stream().map(PlatformController.TenantView::of).toList());
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", new Draft("", "", "", "", "en", "UTC"));
        }
        model.addAttribute("locales", List.of("en", "zh-CN"));
        return "platform/console";
    }

    @PostMapping("/console/tenants")
    String create(Draft draft, @RequestParam(required = false) String adminPassword, RedirectAttributes flash) {
        try {
            ProvisionedTenant created = platform.provision(new NewTenant(draft.slug(), draft.name(),
                    draft.adminEmail(), draft.adminName(), adminPassword, draft.locale(), draft.timeZone()));
            flash.addFlashAttribute("created", PlatformController.ProvisionedView.of(created));
        }
        catch (TenantRefused refused) {
            flash.addFlashAttribute("problem", refused.messageKey());
            flash.addFlashAttribute("problemField", refused.field());
            flash.addFlashAttribute("draft", draft);
        }
        return HOME;
    }

    @PostMapping("/console/tenants/{slug}/suspend")
    String suspend(@PathVariable String slug, RedirectAttributes flash) {
        return outcome(slug, platform.suspend(slug), "platform.console.suspended", flash);
    }

    @PostMapping("/console/tenants/{slug}/resume")
    String resume(@PathVariable String slug, RedirectAttributes flash) {
        return outcome(slug, platform.resume(slug), "platform.console.resumed", flash);
    }

    /** Tells the list page what became of the tenant: {@code done} when it exists, "unknown" when it does not. */
    private static String outcome(String slug, java.util.Optional<?> tenant, String done, RedirectAttributes flash) {
        flash.addFlashAttribute(tenant.isPresent() ? "done" : "problem",
                tenant.isPresent() ? done : "platform.console.unknown");
        flash.addFlashAttribute("doneSlug", slug);
        return HOME;
    }

    /** Deletes a suspended tenant once the operator has typed its slug again to confirm. */
    @PostMapping("/console/tenants/{slug}/delete")
    String delete(@PathVariable String slug, @RequestParam(defaultValue = "") String confirm,
            RedirectAttributes flash) {
        flash.addFlashAttribute("doneSlug", slug);
        if (!confirm.strip().equals(slug)) {
            flash.addFlashAttribute("problem", "platform.console.confirmMismatch");
            return HOME;
        }
        try {
            boolean deleted = platform.delete(slug);
            flash.addFlashAttribute(deleted ? "done" : "problem",
                    deleted ? "platform.console.deleted" : "platform.console.unknown");
        }
        catch (TenantRefused refused) {
            flash.addFlashAttribute("problem", refused.messageKey());
        }
        return HOME;
    }
}
