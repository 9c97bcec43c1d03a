package app.kontor.practice.web;

import app.kontor.practice.Practices;
import app.kontor.practice.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /settings/users}: admins see who can sign in to their practice. */
@Controller
class UsersPage {

    private final Practices practices;

    UsersPage(Practices practices) {
        this.practices = practices;
    }

    @GetMapping("/settings/users")
    String users(@AuthenticationPrincipal(expression = "user") SignedInUser user, Model model) {
        model.addAttribute("users", practices.users(user.practiceId()));
        return "settings/users";
    }
}
