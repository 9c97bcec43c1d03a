package app.kontor.system.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SignInController {

    @GetMapping("/login")
    String signIn(
            @RequestParam(required = false) String failed,
            @RequestParam(required = false) String signedOut,
            Model model) {
        model.addAttribute("failed", failed != null);
        model.addAttribute("signedOut", signedOut != null);
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/contacts";
    }
}
