package app.kontor.xerolink.web;

import app.kontor.contacts.ContactDirectory;
import app.kontor.contacts.ContactNotFoundException;
import app.kontor.practice.SignedInUser;
import app.kontor.shared.ContactId;
import app.kontor.xerolink.SectionView;
import app.kontor.xerolink.XeroClientActions;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The buttons of the {@code Xero Client} section. With htmx (the normal case) the answer is the
 * section itself, swapped in place; a plain form post gets the contact page back.
 */
@Controller
class XeroClientController {

    private final XeroClientActions actions;
    private final ContactDirectory contacts;

    XeroClientController(XeroClientActions actions, ContactDirectory contacts) {
        this.actions = actions;
        this.contacts = contacts;
    }

    /** The section as it stands; a section waiting for Xero polls this. */
    @GetMapping("/contacts/{id}/xero")
    String section(
            @AuthenticationPrincipal(expression = "user") SignedInUser user, @PathVariable String id, Model model) {
        model.addAttribute("view", actions.view(user, contacts.get(user.practiceId(), contactId(id))));
        return "xerolink/section";
    }

    @PostMapping("/contacts/{id}/xero/create")
    String create(
            @AuthenticationPrincipal(expression = "user") SignedInUser user,
            @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean anyway,
            @RequestParam(name = "nameInXero", required = false) @Nullable String nameInXero,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        var view = actions.createContact(user, contactId(id), anyway, nameInXero);
        return answer(view, htmx, model);
    }

    @PostMapping("/contacts/{id}/xero/link")
    String link(
            @AuthenticationPrincipal(expression = "user") SignedInUser user,
            @PathVariable String id,
            @RequestParam String xeroContactId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        UUID xeroId;
        try {
            xeroId = UUID.fromString(xeroContactId);
        } catch (IllegalArgumentException notAnId) {
            throw new ContactNotFoundException();
        }
        return answer(actions.linkTo(user, contactId(id), xeroId), htmx, model);
    }

    @PostMapping("/contacts/{id}/xero/search")
    String search(
            @AuthenticationPrincipal(expression = "user") SignedInUser user,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String q,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        var text = q.length() > XeroClientActions.SEARCH_MAX ? q.substring(0, XeroClientActions.SEARCH_MAX) : q;
        return answer(actions.searchXero(user, contactId(id), text), htmx, model);
    }

    @PostMapping("/contacts/{id}/xero/unlink")
    String unlink(
            @AuthenticationPrincipal(expression = "user") SignedInUser user,
            @PathVariable String id,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        return answer(actions.unlink(user, contactId(id)), htmx, model);
    }

    @ExceptionHandler(ContactNotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    private static String answer(SectionView view, @Nullable String htmx, Model model) {
        if (htmx == null) {
            return "redirect:/contacts/" + view.contactId() + "#xero-client";
        }
        model.addAttribute("view", view);
        return "xerolink/section";
    }

    private static ContactId contactId(String id) {
        return ContactId.parse(id).orElseThrow(ContactNotFoundException::new);
    }
}
