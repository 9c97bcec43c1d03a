package app.kontor.xerosync.web;

import app.kontor.practice.SignedInUser;
import app.kontor.shared.ContactId;
import app.kontor.xero.XeroConnection;
import app.kontor.xero.XeroConnections;
import app.kontor.xerosync.MatchReviewException;
import app.kontor.xerosync.MatchReviews;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /settings/integrations/xero/matches}: everyone sees what waits; admins {@code Confirm link}
 * or {@code Create new}. Also the import section alone, which the settings page polls while an
 * import runs.
 */
@Controller
class MatchReviewPages {

    static final String PAGE = "/settings/integrations/xero/matches";

    private final MatchReviews reviews;
    private final XeroConnections connections;
    private final ImportSection section;

    MatchReviewPages(MatchReviews reviews, XeroConnections connections, ImportSection section) {
        this.reviews = reviews;
        this.connections = connections;
        this.section = section;
    }

    @GetMapping("/settings/integrations/xero/import")
    String importSection(@AuthenticationPrincipal(expression = "user") SignedInUser user, Model model) {
        model.addAllAttributes(section.model(user));
        return "xerosync/import";
    }

    @GetMapping(PAGE)
    String page(@AuthenticationPrincipal(expression = "user") SignedInUser user, Model model) {
        model.addAttribute("reviews", reviews.list(user.practiceId()));
        model.addAttribute("waiting", reviews.count(user.practiceId()));
        model.addAttribute("admin", user.isAdmin());
        model.addAttribute(
                "connected",
                connections
                        .find(user.practiceId())
                        .map(XeroConnection::isConnected)
                        .orElse(false));
        for (var flash : List.of("notice", "problem")) {
            if (!model.containsAttribute(flash)) {
                model.addAttribute(flash, "");
            }
        }
        return "xerosync/matches";
    }

    @PostMapping(PAGE + "/{reviewId}/confirm")
    String confirm(
            @AuthenticationPrincipal(expression = "user") SignedInUser admin,
            @PathVariable String reviewId,
            @RequestParam(required = false) @Nullable String contactId,
            RedirectAttributes redirect) {
        var review = uuid(reviewId);
        var contact = uuid(contactId);
        if (review == null || contact == null) {
            redirect.addFlashAttribute("problem", "Choose the Kontor contact to link.");
            return "redirect:" + PAGE;
        }
        try {
            reviews.confirm(admin, review, new ContactId(contact));
            redirect.addFlashAttribute("notice", "Linked. The Kontor contact now has Xero's values.");
        } catch (MatchReviewException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{reviewId}/create-new")
    String createNew(
            @AuthenticationPrincipal(expression = "user") SignedInUser admin,
            @PathVariable String reviewId,
            RedirectAttributes redirect) {
        var review = uuid(reviewId);
        if (review == null) {
            redirect.addFlashAttribute("problem", "This match review no longer exists.");
            return "redirect:" + PAGE;
        }
        try {
            reviews.createNew(admin, review);
            redirect.addFlashAttribute("notice", "Created a new Kontor contact from Xero, linked to it.");
        } catch (MatchReviewException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:" + PAGE;
    }

    static @Nullable UUID uuid(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
