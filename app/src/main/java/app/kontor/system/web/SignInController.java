package app.kontor.system.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SignInController {

    @GetMapping("/login")
    String signIn(
            @RequestParam(required = false) @Nullable String failed,
            @RequestParam(required = false) @Nullable String signedOut,
            @RequestParam(required = false) @Nullable Integer throttled,
            @RequestParam(required = false) @Nullable String ended,
            @RequestParam(required = false) @Nullable String setUp,
            Model model) {
        model.addAttribute("failed", failed != null);
        model.addAttribute("signedOut", signedOut != null);
        model.addAttribute(
                "throttled",
                throttled == null || throttled < 1
                        ? ""
                        : "Too many sign-in attempts. Try again in " + throttled
                                + (throttled == 1 ? " minute." : " minutes."));
        model.addAttribute("ended", ended != null);
        model.addAttribute("setUp", setUp != null);
        if (!model.containsAttribute("problem")) {
            model.addAttribute("problem", "");
        }
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/contacts";
    }
}
