package app.kontor.contacts.web;

import app.kontor.contacts.Contact;
import app.kontor.contacts.ContactDirectory;
import app.kontor.contacts.ContactKind;
import app.kontor.contacts.ContactNotFoundException;
import app.kontor.contacts.ContactPageSection;
import app.kontor.contacts.ContactSearch;
import app.kontor.contacts.InvalidContactException;
import app.kontor.contacts.StaleContactException;
import app.kontor.practice.SignedInUser;
import app.kontor.shared.ContactId;
import app.kontor.shared.PageRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The contact list, the contact page and the forms to add, edit, archive and restore contacts. */
@Controller
class ContactPages {

    private final ContactDirectory contacts;
    private final List<ContactPageSection> sections;

    ContactPages(ContactDirectory contacts, List<ContactPageSection> sections) {
        this.contacts = contacts;
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(ContactPageSection::order))
                .toList();
    }

    @GetMapping("/contacts")
    String list(
            @AuthenticationPrincipal(expression = "user") SignedInUser user,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "active") String status,
            @RequestParam(defaultValue = "name") String sort,
            @RequestParam(defaultValue = "1") String page,
            Model model) {
        var search = new ContactSearch(
                q.length() > 200 ? q.substring(0, 200) : q,
                ContactKind.parse(type).orElse(null),
                parseEnum(ContactSearch.Status.class, status, ContactSearch.Status.ACTIVE),
                parseEnum(ContactSearch.Sort.class, sort, ContactSearch.Sort.NAME),
                new PageRequest(parsePage(page), ContactSearch.PAGE_SIZE));
        model.addAttribute("search", search);
        model.addAttribute("results", contacts.search(user.practiceId(), search));
        return "contacts/list";
    }

    @GetMapping("/contacts/new")
    String newContact(Model model) {
        return form(model, ContactForm.blank(), Map.of(), null, null);
    }

    @PostMapping("/contacts/new")
    String create(
            @AuthenticationPrincipal(expression = "user") SignedInUser user,
            @ModelAttribute ContactForm form,
            @RequestParam(required = false) @Nullable String add,
            Model model,
            RedirectAttributes redirect) {
        if (add != null) {
            return form(model, form.withBlankRow(add), Map.of(), null, null);
        }
        try {
            var contact = contacts.create(user.practiceId(), form.toInput());
            redirect.addFlashAttribute("notice", "Contact added.");
            return "redirect:/contacts/" + contact.id();
        } catch (InvalidContactException invalid) {
            return form(model, form, form.fieldErrors(invalid.errors()), null, null);
        }
    }

    @GetMapping("/contacts/{id}")
    String show(@AuthenticationPrincipal(expression = "user") SignedInUser user, @PathVariable String id, Model model) {
        var contact = find(user, id);
        model.addAttribute("contact", contact);
        model.addAttribute(
                "sections",
                sections.stream().map(section -> section.render(contact, user)).toList());
        if (!model.containsAttribute("notice")) {
            model.addAttribute("notice", "");
        }
        return "contacts/show";
    }

    @GetMapping("/contacts/{id}/edit")
    String edit(@AuthenticationPrincipal(expression = "user") SignedInUser user, @PathVariable String id, Model model) {
        var contact = find(user, id);
        return form(model, ContactForm.of(contact), Map.of(), contact, null);
    }

    @PostMapping("/contacts/{id}/edit")
    String update(
            @AuthenticationPrincipal(expression = "user") SignedInUser user,
            @PathVariable String id,
            @ModelAttribute ContactForm form,
            @RequestParam(required = false) @Nullable String add,
            Model model,
            RedirectAttributes redirect) {
        var contact = find(user, id);
        if (add != null) {
            return form(model, form.withBlankRow(add), Map.of(), contact, null);
        }
        try {
            var version = form.version() == null ? contact.version() : form.version();
            contacts.update(user.practiceId(), contact.id(), version, form.toInput());
            redirect.addFlashAttribute("notice", "Changes saved.");
            return "redirect:/contacts/" + contact.id();
        } catch (InvalidContactException invalid) {
            return form(model, form, form.fieldErrors(invalid.errors()), contact, null);
        } catch (StaleContactException stale) {
            var current = contacts.get(user.practiceId(), contact.id());
            var retry = form.withVersion(current.version());
            return form(
                    model,
                    retry,
                    Map.of(),
                    current,
                    "Someone else changed this contact while you were editing it. Your values are below; "
                            + "check them against the contact page and save again to keep them.");
        }
    }

    @PostMapping("/contacts/{id}/archive")
    String archive(
            @AuthenticationPrincipal(expression = "user") SignedInUser user,
            @PathVariable String id,
            @RequestParam long version,
            RedirectAttributes redirect) {
        var contact = find(user, id);
        return changeArchived(user, contact, version, true, redirect);
    }

    @PostMapping("/contacts/{id}/restore")
    String restore(
            @AuthenticationPrincipal(expression = "user") SignedInUser user,
            @PathVariable String id,
            @RequestParam long version,
            RedirectAttributes redirect) {
        var contact = find(user, id);
        return changeArchived(user, contact, version, false, redirect);
    }

    /** Makes one of the contact's emails, phones or addresses the billing (or primary) one. */
    @PostMapping("/contacts/{id}/{detail:emails|phones|addresses}/{index}/main")
    String makeMain(
            @AuthenticationPrincipal(expression = "user") SignedInUser user,
            @PathVariable String id,
            @PathVariable String detail,
            @PathVariable int index,
            @RequestParam long version,
            RedirectAttributes redirect) {
        var contact = find(user, id);
        try {
            contacts.update(user.practiceId(), contact.id(), version, MainDetail.choose(contact, detail, index));
            redirect.addFlashAttribute("notice", MainDetail.notice(detail));
        } catch (StaleContactException stale) {
            redirect.addFlashAttribute("notice", "This contact changed meanwhile; nothing was changed. Try again.");
        } catch (IndexOutOfBoundsException | InvalidContactException notPossible) {
            redirect.addFlashAttribute("notice", "That could not be changed; nothing was changed.");
        }
        return "redirect:/contacts/" + contact.id();
    }

    @ExceptionHandler(ContactNotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    private String changeArchived(
            SignedInUser user, Contact contact, long version, boolean archived, RedirectAttributes redirect) {
        try {
            if (archived) {
                contacts.archive(user.practiceId(), contact.id(), version);
                redirect.addFlashAttribute("notice", "Contact archived. It no longer shows in the contact list.");
            } else {
                contacts.restore(user.practiceId(), contact.id(), version);
                redirect.addFlashAttribute("notice", "Contact restored.");
            }
        } catch (StaleContactException stale) {
            redirect.addFlashAttribute("notice", "This contact changed meanwhile; nothing was changed. Try again.");
        }
        return "redirect:/contacts/" + contact.id();
    }

    private Contact find(SignedInUser user, String id) {
        var contactId = ContactId.parse(id).orElseThrow(ContactNotFoundException::new);
        return contacts.get(user.practiceId(), contactId);
    }

    private static String form(
            Model model,
            ContactForm form,
            Map<String, String> errors,
            @Nullable Contact contact,
            @Nullable String notice) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("contactId", contact == null ? "" : contact.id().toString());
        model.addAttribute("notice", notice == null ? "" : notice);
        return "contacts/form";
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, E fallback) {
        for (var constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.replace('-', '_'))) {
                return constant;
            }
        }
        return fallback;
    }

    private static int parsePage(String text) {
        try {
            return Math.max(1, Integer.parseInt(text));
        } catch (NumberFormatException notANumber) {
            return 1;
        }
    }
}
