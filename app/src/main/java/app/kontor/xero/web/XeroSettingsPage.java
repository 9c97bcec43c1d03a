package app.kontor.xero.web;

import app.kontor.practice.SignedInUser;
import app.kontor.system.PageChrome;
import app.kontor.xero.ConsentOutcome;
import app.kontor.xero.ImportFilter;
import app.kontor.xero.XeroConnectionException;
import app.kontor.xero.XeroConnections;
import app.kontor.xero.XeroSettings;
import app.kontor.xero.XeroSettingsSection;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /settings/integrations/xero}: everyone sees the connection's status; admins connect,
 * choose the organisation, set the import filter and disconnect.
 */
@Controller
class XeroSettingsPage {

    private static final String PAGE = "/settings/integrations/xero";

    private final XeroConnections connections;
    private final XeroSettings settings;
    private final List<XeroSettingsSection> sections;

    XeroSettingsPage(XeroConnections connections, XeroSettings settings, List<XeroSettingsSection> sections) {
        this.connections = connections;
        this.settings = settings;
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(XeroSettingsSection::order))
                .toList();
    }

    @GetMapping(PAGE)
    String page(
            @AuthenticationPrincipal(expression = "user") SignedInUser user, HttpServletRequest request, Model model) {
        var connection = connections.find(user.practiceId()).orElse(null);
        var chrome = (PageChrome) Objects.requireNonNull(model.getAttribute("chrome"));
        var baseUrl =
                ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        model.addAttribute("connection", connection);
        model.addAttribute(
                "sections",
                sections.stream()
                        .map(section -> section.render(connection, user, chrome, baseUrl))
                        .toList());
        model.addAttribute("admin", user.isAdmin());
        model.addAttribute("configured", settings.isConfigured());
        model.addAttribute("filters", List.of(ImportFilter.values()));
        model.addAttribute("redirectUri", settings.redirectUri().replace("{baseUrl}", baseUrl));
        for (var flash : List.of("notice", "problem")) {
            if (!model.containsAttribute(flash)) {
                model.addAttribute(flash, "");
            }
        }
        return "xero/settings";
    }

    /** Starts the consent; a POST so that only a deliberate click (with its CSRF token) leaves for Xero. */
    @PostMapping(PAGE + "/connect")
    String connect(RedirectAttributes redirect) {
        if (!settings.isConfigured()) {
            redirect.addFlashAttribute("problem", "Xero is not set up on this server: see the README.");
            return "redirect:" + PAGE;
        }
        return "redirect:/oauth2/authorization/xero";
    }

    /**
     * Where Xero sends the admin back. Spring Security has already exchanged a valid code and kept the
     * tokens as a pending consent; what reaches this method with {@code code} or {@code error} is a
     * response it could not match or that failed.
     */
    @GetMapping(XeroSettings.CALLBACK_PATH)
    String callback(
            @AuthenticationPrincipal(expression = "user") SignedInUser admin,
            @RequestParam(required = false) @Nullable String error,
            @RequestParam(name = "error_description", required = false) @Nullable String description,
            @RequestParam(required = false) @Nullable String code,
            RedirectAttributes redirect) {
        if (error != null) {
            redirect.addFlashAttribute("problem", consentProblem(error, description));
            return "redirect:" + PAGE;
        }
        if (code != null) {
            redirect.addFlashAttribute(
                    "problem",
                    "That answer from Xero does not belong to a connection started in this browser, or it has "
                            + "expired. Nothing was changed; start again with Connect to Xero.");
            return "redirect:" + PAGE;
        }
        try {
            var outcome = connections.finishConsent(admin);
            if (outcome instanceof ConsentOutcome.Connected connected) {
                redirect.addFlashAttribute(
                        "notice", "Connected to " + connected.connection().organisationName() + ".");
                return "redirect:" + PAGE;
            }
            return "redirect:" + PAGE + "/choose";
        } catch (XeroConnectionException failed) {
            redirect.addFlashAttribute("problem", failed.getMessage());
            return "redirect:" + PAGE;
        }
    }

    @GetMapping(PAGE + "/choose")
    String choose(
            @AuthenticationPrincipal(expression = "user") SignedInUser admin,
            Model model,
            RedirectAttributes redirect) {
        try {
            var choices = connections.pendingChoices(admin);
            model.addAttribute("organisations", choices.organisations());
            model.addAttribute(
                    "previousOrganisation",
                    choices.previousOrganisation() == null ? "" : choices.previousOrganisation());
            if (!model.containsAttribute("problem")) {
                model.addAttribute("problem", "");
            }
            return "xero/choose";
        } catch (XeroConnectionException failed) {
            redirect.addFlashAttribute("problem", failed.getMessage());
            return "redirect:" + PAGE;
        }
    }

    @PostMapping(PAGE + "/choose")
    String chosen(
            @AuthenticationPrincipal(expression = "user") SignedInUser admin,
            @RequestParam(required = false) @Nullable String tenantId,
            @RequestParam(defaultValue = "false") boolean replacePrevious,
            RedirectAttributes redirect) {
        try {
            var tenant = parse(tenantId);
            if (tenant == null) {
                redirect.addFlashAttribute("problem", "Choose one of the organisations.");
                return "redirect:" + PAGE + "/choose";
            }
            var connection = connections.choose(admin, tenant, replacePrevious);
            redirect.addFlashAttribute("notice", "Connected to " + connection.organisationName() + ".");
            return "redirect:" + PAGE;
        } catch (XeroConnectionException failed) {
            redirect.addFlashAttribute("problem", failed.getMessage());
            return "redirect:" + PAGE + "/choose";
        }
    }

    @PostMapping(PAGE + "/disconnect")
    String disconnect(@AuthenticationPrincipal(expression = "user") SignedInUser admin, RedirectAttributes redirect) {
        var warning = connections.disconnect(admin);
        redirect.addFlashAttribute(
                "notice",
                "Disconnected from Xero. Links between Kontor and Xero contacts are kept for when you reconnect.");
        warning.ifPresent(text -> redirect.addFlashAttribute("problem", text));
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/pause")
    String pause(@AuthenticationPrincipal(expression = "user") SignedInUser admin, RedirectAttributes redirect) {
        connections.setPaused(admin, true);
        redirect.addFlashAttribute(
                "notice", "Automatic sync is paused. Create Contact still works; resume sync to carry on.");
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/resume")
    String resume(@AuthenticationPrincipal(expression = "user") SignedInUser admin, RedirectAttributes redirect) {
        connections.setPaused(admin, false);
        redirect.addFlashAttribute("notice", "Automatic sync resumed.");
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/import-filter")
    String importFilter(
            @AuthenticationPrincipal(expression = "user") SignedInUser admin,
            @RequestParam(required = false) @Nullable String filter,
            RedirectAttributes redirect) {
        var chosen = filter == null
                ? null
                : List.of(ImportFilter.values()).stream()
                        .filter(f -> f.name().equals(filter))
                        .findFirst()
                        .orElse(null);
        if (chosen == null) {
            redirect.addFlashAttribute("problem", "Choose which Xero contacts to import.");
        } else {
            connections.setImportFilter(admin, chosen);
            redirect.addFlashAttribute("notice", "Import filter saved: " + chosen.label() + ".");
        }
        return "redirect:" + PAGE;
    }

    private static String consentProblem(String error, @Nullable String description) {
        return switch (error) {
            case "access_denied" -> "You cancelled at Xero, so nothing was connected.";
            case "invalid_nonce", "invalid_id_token", "invalid_token" ->
                "Xero's answer did not pass Kontor's security checks, so nothing was connected. Try again.";
            case "xero_unreachable" ->
                "Kontor could not reach Xero to finish connecting. Nothing was connected; try again shortly.";
            case "authorization_request_not_found", "invalid_state_parameter" ->
                "That answer from Xero does not belong to a connection started in this browser. Nothing was changed.";
            default ->
                "Xero could not finish connecting (" + error + (description == null ? "" : ": " + description)
                        + "). Nothing was connected; try again.";
        };
    }

    private static @Nullable UUID parse(@Nullable String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
