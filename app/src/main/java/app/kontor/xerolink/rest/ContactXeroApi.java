package app.kontor.xerolink.rest;

import app.kontor.contacts.ContactDirectory;
import app.kontor.contacts.ContactNotFoundException;
import app.kontor.practice.SignedInUser;
import app.kontor.shared.ContactId;
import app.kontor.shared.ProblemTypes;
import app.kontor.system.Problems;
import app.kontor.xero.ConnectionStatus;
import app.kontor.xero.XeroContact;
import app.kontor.xero.XeroTime;
import app.kontor.xerolink.SectionView;
import app.kontor.xerolink.SectionView.State;
import app.kontor.xerolink.XeroClientActions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API twin of the Xero Client section: read the link, Create Contact, search Xero ({@code Link
 * existing…}), link to a ContactID, unlink.
 */
@RestController
@RequestMapping("/api/v1/contacts/{id}/xero")
@Tag(name = "Xero link", description = "A contact's link to a Xero contact")
class ContactXeroApi {

    /** The Xero contact of the examples in /v3/api-docs. */
    private static final String XERO_CONTACT_ID = "5b1f9c2e-8a47-4d0b-9e63-2c7a1f4d8b90";

    private final XeroClientActions actions;
    private final ContactDirectory contacts;

    ContactXeroApi(XeroClientActions actions, ContactDirectory contacts) {
        this.actions = actions;
        this.contacts = contacts;
    }

    @Schema(description = "The Xero contact this contact is linked to")
    record LinkResource(
            @Schema(description = "Xero's ContactID", example = XERO_CONTACT_ID)
            UUID xeroContactId,

            @Schema(description = "The Xero contact's name", example = "Kauri Coast Joinery Ltd")
            String xeroName,

            @Schema(
                    description = "Xero's ContactStatus",
                    example = "ACTIVE",
                    allowableValues = {"ACTIVE", "ARCHIVED", "GDPRREQUEST"})
            String xeroStatus,

            @Schema(
                    description = "How the link came about",
                    example = "LINKED",
                    allowableValues = {"CREATED", "MATCHED", "LINKED"})
            String origin,

            @Schema(
                    description = "Which way changes flow, in words",
                    example = "Linked by hand. The four synced fields stay in step both ways; when both change, "
                            + "Xero wins.")
            String direction,

            @Schema(
                    description = "Opens the contact in Xero",
                    example = "https://go.xero.com/organisationlogin/default.aspx?shortcode=!kT9pQ"
                            + "&redirecturl=/Contacts/View/" + XERO_CONTACT_ID)
            @Nullable
            String viewInXeroUrl,

            @Schema(description = "Who linked it", example = "Mika Hart")
            String linkedBy,

            @Schema(example = "2026-11-26T14:05:00Z") Instant linkedAt) {}

    @Schema(description = "A Xero contact of the connected organisation")
    record CandidateResource(
            @Schema(description = "Xero's ContactID", example = XERO_CONTACT_ID)
            UUID xeroContactId,

            @Schema(example = "Pohutukawa Holdings Ltd") String name,

            @Schema(example = "finance@pohutukawa.example") @Nullable
            String emailAddress,

            @Schema(
                    description = "Xero's ContactStatus",
                    example = "ACTIVE",
                    allowableValues = {"ACTIVE", "ARCHIVED", "GDPRREQUEST"})
            String status) {

        static CandidateResource of(XeroContact contact) {
            return new CandidateResource(contact.contactId(), contact.name(), contact.emailAddress(), contact.status());
        }
    }

    @Schema(description = "Where the contact's Xero Client section stands, and its link if linked")
    record XeroLinkStatus(
            @Schema(
                    description = "The section's state: LINKED when linked, QUEUED when Xero's rate limit "
                            + "queued a create (the link follows), UNLINKED, NOT_CONNECTED, …",
                    example = "LINKED")
            String state,

            @Nullable LinkResource link) {}

    @Schema(description = "The Xero contact to link to")
    record LinkRequest(
            @Schema(description = "Xero's ContactID", example = XERO_CONTACT_ID) @Nullable
            UUID xeroContactId) {}

    @Schema(description = "What Link existing… searches Xero for")
    record XeroSearchRequest(
            @Schema(
                    description = "Part of a name or an email address; at most "
                            + XeroClientActions.SEARCH_MAX
                            + " characters",
                    example = "Pohutukawa")
            @Nullable
            String q) {}

    @Schema(description = "Xero contacts this contact can be linked to")
    record XeroSearchResults(
            @Schema(description = "The text searched for, trimmed", example = "Pohutukawa")
            String q,

            @Schema(
                    description =
                            "Matching Xero contacts that no Kontor contact is linked to yet, archived ones included")
            List<CandidateResource> candidates) {}

    @GetMapping
    @Operation(summary = "The contact's Xero link, if any")
    XeroLinkStatus get(@AuthenticationPrincipal(expression = "user") SignedInUser user, @PathVariable String id) {
        var view = actions.view(user, contacts.get(user.practiceId(), contactId(id)));
        return new XeroLinkStatus(view.state().name(), link(view));
    }

    @PostMapping
    @Operation(
            summary = "Create Contact: create the contact in Xero and link to it",
            description =
                    "201 with the link; 202 when Xero's rate limit queued it. 409 when already linked, not connected, or when Xero has candidates "
                            + "(listed; force=true creates anyway, as long as no active contact has the same name).")
    @ApiResponse(
            responseCode = "201",
            description = "Created in Xero and linked",
            content = @Content(schema = @Schema(implementation = XeroLinkStatus.class)))
    @ApiResponse(
            responseCode = "202",
            description = "Xero's rate limit queued it (state QUEUED); GET shows when it is linked",
            content = @Content(schema = @Schema(implementation = XeroLinkStatus.class)))
    ResponseEntity<?> create(
            @AuthenticationPrincipal(expression = "user") SignedInUser user,
            @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean force) {
        var contact = contactId(id);
        var before = actions.view(user, contacts.get(user.practiceId(), contact));
        if (before.state() == State.LINKED) {
            return conflict(
                    ProblemTypes.ALREADY_LINKED, "This contact is already linked to a Xero contact.", List.of());
        }
        var outcome = outcome(actions.createContact(user, contact, force, null), HttpStatus.CREATED);
        return ResponseEntity.status(outcome.getStatusCode())
                .headers(outcome.getHeaders())
                .header("Server-Timing", XeroTime.serverTiming())
                .body(outcome.getBody());
    }

    @PutMapping
    @Operation(summary = "Link to an existing Xero contact by its ContactID")
    @ApiResponse(
            responseCode = "200",
            description = "Linked",
            content = @Content(schema = @Schema(implementation = XeroLinkStatus.class)))
    ResponseEntity<?> link(
            @AuthenticationPrincipal(expression = "user") SignedInUser user,
            @PathVariable String id,
            @RequestBody LinkRequest request) {
        if (request.xeroContactId() == null) {
            return ResponseEntity.badRequest()
                    .body(Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Send xeroContactId."));
        }
        var contact = contactId(id);
        var before = actions.view(user, contacts.get(user.practiceId(), contact));
        if (before.state() == State.LINKED) {
            return conflict(
                    ProblemTypes.ALREADY_LINKED, "This contact is already linked to a Xero contact.", List.of());
        }
        return outcome(actions.linkTo(user, contact, request.xeroContactId()), HttpStatus.OK);
    }

    @PostMapping("/search")
    @Operation(
            summary = "Link existing…: search Xero for contacts this contact can be linked to",
            description =
                    "Xero contacts whose name or email matches q and that no Kontor contact is linked to yet (archived ones "
                            + "have status ARCHIVED); link one with PUT. Changes nothing in Kontor or Xero. 422 when q is "
                            + "empty or longer than 255 characters; 409 when the contact is already linked or the practice "
                            + "is not connected (or needs reconnect); 503 with Retry-After when Xero's rate limit is reached.")
    @ApiResponse(
            responseCode = "200",
            description = "The matching Xero contacts",
            content = @Content(schema = @Schema(implementation = XeroSearchResults.class)))
    @ApiResponse(responseCode = "404", description = "No such contact in your practice")
    @ApiResponse(responseCode = "409", description = "Already linked, or not connected to Xero")
    @ApiResponse(responseCode = "422", description = "q is empty or too long")
    @ApiResponse(responseCode = "503", description = "Xero's rate limit is reached; see Retry-After")
    ResponseEntity<?> search(
            @AuthenticationPrincipal(expression = "user") SignedInUser user,
            @PathVariable String id,
            @RequestBody(required = false) @Nullable XeroSearchRequest request) {
        var contact = contacts.get(user.practiceId(), contactId(id)).id();
        if (request == null || request.q() == null) {
            return ResponseEntity.badRequest()
                    .body(Problems.of(
                            HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Send q, the text to search for."));
        }
        var q = request.q().strip();
        if (q.isEmpty() || q.length() > XeroClientActions.SEARCH_MAX) {
            var message = q.isEmpty()
                    ? "Enter part of a name or an email address to search for."
                    : "Search for at most " + XeroClientActions.SEARCH_MAX + " characters.";
            var problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.VALIDATION_FAILED, message);
            problem.setProperty("errors", List.of(Map.of("field", "q", "message", message)));
            return ResponseEntity.unprocessableContent().body(problem);
        }
        var view = actions.searchXero(user, contact, q);
        return switch (view.state()) {
            case SEARCH_RESULTS ->
                ResponseEntity.ok(new XeroSearchResults(
                        q, view.candidates().stream().map(CandidateResource::of).toList()));
            case LINKED, CREATING, QUEUED ->
                conflict(
                        ProblemTypes.ALREADY_LINKED,
                        "This contact is already linked to a Xero contact, or being created in Xero.",
                        List.of());
            case NOT_CONNECTED ->
                conflict(
                        ProblemTypes.NOT_CONNECTED,
                        view.connectionStatus() == ConnectionStatus.NEEDS_RECONNECT
                                ? "Xero no longer accepts Kontor's access for this practice; an admin needs to reconnect. "
                                        + "Nothing was searched."
                                : "The practice is not connected to Xero; nothing was searched.",
                        List.of());
            // BUSY: 503 with Retry-After; FAILED: 422 with Xero's words, as for the other Xero calls.
            default -> outcome(view, HttpStatus.OK);
        };
    }

    @DeleteMapping
    @Operation(summary = "Unlink (admins)")
    // content = @Content: no body; springdoc would otherwise describe ResponseEntity<?> as an object.
    @ApiResponse(responseCode = "204", description = "Unlinked", content = @Content)
    ResponseEntity<?> unlink(@AuthenticationPrincipal(expression = "user") SignedInUser user, @PathVariable String id) {
        if (!user.isAdmin()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .body(Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Only an admin can unlink."));
        }
        actions.unlink(user, contactId(id));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(ContactNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.of(
                        HttpStatus.NOT_FOUND,
                        ProblemTypes.NOT_FOUND,
                        "No contact with this id exists in your practice."));
    }

    private static ResponseEntity<?> outcome(SectionView view, HttpStatus success) {
        return switch (view.state()) {
            case LINKED -> {
                var body = new XeroLinkStatus(view.state().name(), link(view));
                yield success == HttpStatus.CREATED
                        ? ResponseEntity.created(URI.create("/api/v1/contacts/" + view.contactId() + "/xero"))
                                .body(body)
                        : ResponseEntity.ok(body);
            }
            case QUEUED ->
                // Xero's rate limit: a job creates it at the time Xero named; GET shows when it is linked.
                ResponseEntity.accepted()
                        .location(URI.create("/api/v1/contacts/" + view.contactId() + "/xero"))
                        .body(new XeroLinkStatus(view.state().name(), null));
            case BUSY -> {
                var problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.XERO_BUSY, view.message());
                yield ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header("Retry-After", String.valueOf(view.retryAfterSeconds()))
                        .body(problem);
            }
            case NOT_CONNECTED ->
                conflict(
                        ProblemTypes.NOT_CONNECTED,
                        "The practice is not connected to Xero; nothing was sent.",
                        List.of());
            case CREATING ->
                conflict(ProblemTypes.ALREADY_LINKED, "This contact is being created in Xero right now.", List.of());
            case SAME_NAME_UNLINKED, SAME_NAME_LINKED_ELSEWHERE, CANDIDATES, SEARCH_RESULTS ->
                conflict(
                        ProblemTypes.XERO_CANDIDATES,
                        "Xero already has contacts like this one; link to one, or create anyway.",
                        view.candidates());
            case FAILED, UNLINKED -> {
                var problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.XERO_REFUSED, view.message());
                problem.setProperty("xeroMessages", view.details());
                yield ResponseEntity.unprocessableContent().body(problem);
            }
        };
    }

    private static ResponseEntity<ProblemDetail> conflict(
            ProblemTypes type, String detail, List<XeroContact> candidates) {
        var problem = Problems.of(HttpStatus.CONFLICT, type, detail);
        if (!candidates.isEmpty()) {
            problem.setProperty(
                    "candidates", candidates.stream().map(CandidateResource::of).toList());
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    private static @Nullable LinkResource link(SectionView view) {
        var link = view.link();
        return link == null
                ? null
                : new LinkResource(
                        link.xeroContactId(),
                        link.xeroName(),
                        link.xeroStatus(),
                        link.origin().name(),
                        link.origin().direction(),
                        view.viewInXeroUrl(),
                        link.linkedBy(),
                        link.linkedAt());
    }

    private static ContactId contactId(String id) {
        return ContactId.parse(id).orElseThrow(ContactNotFoundException::new);
    }
}
