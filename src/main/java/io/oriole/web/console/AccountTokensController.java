package io.oriole.web.console;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.oriole.identity.ApiTokenManagement;
import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;

/** Every staff member manages their own API tokens; the plain token is shown once, on the page after creation. */
@RequiresPermission(Permission.OWN_TOKENS)
@Controller
class AccountTokensController {

    private final ApiTokenManagement tokens;

    AccountTokensController(ApiTokenManagement tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/account/tokens")
    String list(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("tokens", tokens.list(me.tenantId(), me.userId()));
        return "account/tokens";
    }

    @PostMapping("/account/tokens")
    String issue(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(defaultValue = "") String name,
            RedirectAttributes flash) {
        String label = name.isBlank() ? "token" : name.strip();
        if (label.length() > 100) {
            label = label.substring(0, 100);
        }
        // A flash attribute lives for exactly one redirect, so reloading the page does not show the token again.
        flash.addFlashAttribute("issued", tokens.issue(me.tenantId(), me.userId(), label).plaintext());
        return "redirect:/account/tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        tokens.find(me.tenantId(), id).filter(t -> t.userId() == me.userId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        tokens.revoke(me.tenantId(), id);
        return "redirect:/account/tokens";
    }
}
