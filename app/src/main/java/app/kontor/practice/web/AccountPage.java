package app.kontor.practice.web;

import app.kontor.practice.ApiTokenNotFoundException;
import app.kontor.practice.ApiTokens;
import app.kontor.practice.InvalidAccountException;
import app.kontor.practice.KontorUserDetails;
import app.kontor.practice.PasswordPolicy;
import app.kontor.practice.SignedInSessions;
import app.kontor.practice.StaffAccounts;
import jakarta.servlet.http.HttpServletRequest;
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
 * {@code /settings/account}: every user's own account. Change your password (other sessions end),
 * and create, list and revoke your personal API tokens (a new token is shown once).
 */
@Controller
class AccountPage {

    static final String PAGE = "/settings/account";

    private final StaffAccounts accounts;
    private final ApiTokens tokens;

    AccountPage(StaffAccounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping(PAGE)
    String account(@AuthenticationPrincipal KontorUserDetails me, Model model) {
        return page(me, model, Map.of(), "", Map.of(), null);
    }

    @PostMapping(PAGE + "/password")
    String changePassword(
            @AuthenticationPrincipal KontorUserDetails me,
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        try {
            var now = accounts.changeOwnPassword(me.user(), currentPassword, newPassword);
            SignedInSessions.keepSignedIn(now, request, response);
            redirect.addFlashAttribute(
                    "notice", "Your password is changed. Your other sessions have ended; this one stays signed in.");
            return "redirect:" + (me.mustChangePassword() ? "/contacts" : PAGE);
        } catch (InvalidAccountException invalid) {
            return page(me, model, invalid.errors(), "", Map.of(), null);
        }
    }

    @PostMapping(PAGE + "/tokens")
    String createToken(
            @AuthenticationPrincipal KontorUserDetails me, @RequestParam(defaultValue = "") String name, Model model) {
        try {
            var created = tokens.create(me.user(), name);
            // Shown in this response only: the token is not stored, and not put in the session.
            return page(
                    me,
                    model,
                    Map.of(),
                    "",
                    Map.of(),
                    new ShownOnce("Created the API token " + created.token().name() + ".", created.secret()));
        } catch (InvalidAccountException invalid) {
            return page(me, model, Map.of(), name, invalid.errors(), null);
        }
    }

    @PostMapping(PAGE + "/tokens/{id}/revoke")
    String revokeToken(
            @AuthenticationPrincipal KontorUserDetails me, @PathVariable String id, RedirectAttributes redirect) {
        tokens.revoke(me.user(), tokenId(id));
        redirect.addFlashAttribute("notice", "The API token is revoked; it no longer works.");
        return "redirect:" + PAGE;
    }

    @ExceptionHandler(ApiTokenNotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    private String page(
            KontorUserDetails me,
            Model model,
            Map<String, String> passwordErrors,
            String tokenName,
            Map<String, String> tokenErrors,
            @Nullable ShownOnce createdToken) {
        model.addAttribute("me", me.user());
        model.addAttribute("mustChangePassword", me.mustChangePassword());
        model.addAttribute("passwordRule", PasswordPolicy.RULE);
        model.addAttribute("passwordErrors", passwordErrors);
        model.addAttribute("tokens", tokens.list(me.user()));
        model.addAttribute("tokenName", tokenName);
        model.addAttribute("tokenErrors", tokenErrors);
        model.addAttribute("createdToken", createdToken);
        if (!model.containsAttribute("notice")) {
            model.addAttribute("notice", "");
        }
        return "account/show";
    }

    private static UUID tokenId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw new ApiTokenNotFoundException();
        }
    }
}
