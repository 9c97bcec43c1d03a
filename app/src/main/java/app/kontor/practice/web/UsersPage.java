package app.kontor.practice.web;

import app.kontor.practice.InvalidAccountException;
import app.kontor.practice.LastAdminException;
import app.kontor.practice.Practices;
import app.kontor.practice.Role;
import app.kontor.practice.SignedInUser;
import app.kontor.practice.StaffAccounts;
import app.kontor.practice.UserNotFoundException;
import app.kontor.shared.UserId;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /settings/users} (admins only, see the security chain): the practice's staff; add a user with
 * a one-time password shown once, change a role, deactivate or activate, reset a password.
 */
@Controller
class UsersPage {

    static final String PAGE = "/settings/users";

    private final Practices practices;
    private final StaffAccounts accounts;

    UsersPage(Practices practices, StaffAccounts accounts) {
        this.practices = practices;
        this.accounts = accounts;
    }

    @GetMapping(PAGE)
    String users(@AuthenticationPrincipal(expression = "user") SignedInUser admin, Model model) {
        return page(admin, model, AddUserForm.blank(), Map.of(), null);
    }

    @PostMapping(PAGE)
    String add(
            @AuthenticationPrincipal(expression = "user") SignedInUser admin,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "MEMBER") String role,
            Model model) {
        var form = new AddUserForm(displayName, email, role);
        var chosenRole = role(role);
        if (chosenRole == null) {
            return page(admin, model, form, Map.of("role", "Choose Admin or Member."), null);
        }
        try {
            var added = accounts.add(admin, email, displayName, chosenRole);
            // Shown in this response only: it is not stored, and not put in the session as a flash.
            return page(
                    admin,
                    model,
                    AddUserForm.blank(),
                    Map.of(),
                    new ShownOnce(
                            "Added " + added.user().displayName() + " ("
                                    + added.user().email() + ").",
                            added.oneTimePassword()));
        } catch (InvalidAccountException invalid) {
            return page(admin, model, form, invalid.errors(), null);
        }
    }

    @PostMapping(PAGE + "/{id}/role")
    String changeRole(
            @AuthenticationPrincipal(expression = "user") SignedInUser admin,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String role,
            RedirectAttributes redirect) {
        var chosen = role(role);
        if (chosen == null) {
            redirect.addFlashAttribute("problem", "Choose Admin or Member.");
            return "redirect:" + PAGE;
        }
        try {
            var user = accounts.changeRole(admin, userId(id), chosen);
            redirect.addFlashAttribute(
                    "notice", user.displayName() + " is now " + (user.isAdmin() ? "an admin." : "a member."));
        } catch (LastAdminException last) {
            redirect.addFlashAttribute("problem", last.getMessage());
        }
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{id}/deactivate")
    String deactivate(
            @AuthenticationPrincipal(expression = "user") SignedInUser admin,
            @PathVariable String id,
            RedirectAttributes redirect) {
        try {
            var user = accounts.deactivate(admin, userId(id));
            redirect.addFlashAttribute(
                    "notice",
                    user.displayName() + " is deactivated: they are signed out and their API tokens no longer work.");
        } catch (LastAdminException last) {
            redirect.addFlashAttribute("problem", last.getMessage());
        }
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{id}/activate")
    String activate(
            @AuthenticationPrincipal(expression = "user") SignedInUser admin,
            @PathVariable String id,
            RedirectAttributes redirect) {
        var user = accounts.activate(admin, userId(id));
        redirect.addFlashAttribute("notice", user.displayName() + " can sign in again.");
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{id}/reset-password")
    String resetPassword(
            @AuthenticationPrincipal(expression = "user") SignedInUser admin, @PathVariable String id, Model model) {
        var user = userId(id);
        var oneTimePassword = accounts.resetPassword(admin, user);
        var staff = practices.findUser(admin.practiceId(), user).orElseThrow(UserNotFoundException::new);
        return page(
                admin,
                model,
                AddUserForm.blank(),
                Map.of(),
                new ShownOnce(
                        "Reset the password of " + staff.displayName() + " (" + staff.email()
                                + "); their sessions have ended.",
                        oneTimePassword));
    }

    @ExceptionHandler(UserNotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    private String page(
            SignedInUser admin, Model model, AddUserForm form, Map<String, String> errors, @Nullable ShownOnce secret) {
        model.addAttribute("users", practices.users(admin.practiceId()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("secret", secret);
        model.addAttribute("me", admin.userId());
        if (!model.containsAttribute("notice")) {
            model.addAttribute("notice", "");
        }
        if (!model.containsAttribute("problem")) {
            model.addAttribute("problem", "");
        }
        return "settings/users";
    }

    static @Nullable Role role(String text) {
        for (var role : Role.values()) {
            if (role.name().equalsIgnoreCase(text.strip())) {
                return role;
            }
        }
        return null;
    }

    static UserId userId(String id) {
        try {
            return new UserId(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            throw new UserNotFoundException();
        }
    }
}
