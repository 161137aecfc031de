package io.oriole.web.ui;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The staff sign-in page; the form posts to Spring Security's login processing at the same path. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String tenant,
            @RequestParam(required = false) String email, @RequestParam(required = false) String logout,
            @RequestParam(required = false) String expired, Model model) {
        model.addAttribute("error", "suspended".equals(error) ? error : error == null ? null : "bad");
        model.addAttribute("loggedOut", logout != null);
        model.addAttribute("expired", expired != null);
        model.addAttribute("tenant", tenant == null ? "" : tenant);
        model.addAttribute("email", email == null ? "" : email);
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/workspace";
    }
}
