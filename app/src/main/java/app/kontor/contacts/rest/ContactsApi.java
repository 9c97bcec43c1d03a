package app.kontor.contacts.rest;

import app.kontor.contacts.ContactDirectory;
import app.kontor.contacts.ContactKind;
import app.kontor.contacts.ContactNotFoundException;
import app.kontor.contacts.ContactSearch;
import app.kontor.contacts.InvalidContactException;
import app.kontor.contacts.StaleContactException;
import app.kontor.contacts.rest.ContactResources.ContactPageResource;
import app.kontor.contacts.rest.ContactResources.ContactRequest;
import app.kontor.contacts.rest.ContactResources.ContactResource;
import app.kontor.contacts.rest.ContactResources.ContactSummaryResource;
import app.kontor.practice.SignedInUser;
import app.kontor.shared.ContactId;
import app.kontor.shared.PageRequest;
import app.kontor.shared.ProblemTypes;
import app.kontor.system.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/contacts}: list, read, create, update and archive the practice's contacts. Updates
 * need the contact's ETag in {@code If-Match}, so no one overwrites a change they have not seen.
 */
@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts", description = "People and organisations of your practice")
class ContactsApi {

    private final ContactDirectory contacts;

    ContactsApi(ContactDirectory contacts) {
        this.contacts = contacts;
    }

    @GetMapping
    @Operation(summary = "List and search contacts", description = "Search matches name, emails and phone numbers.")
    ContactPageResource list(
            @AuthenticationPrincipal(expression = "user") SignedInUser user,
            @RequestParam(defaultValue = "") String q,
            @Parameter(description = "person or organisation") @RequestParam(defaultValue = "") String type,
            @Parameter(description = "active, archived or all") @RequestParam(defaultValue = "active") String status,
            @Parameter(description = "name, name_desc or recently_updated") @RequestParam(defaultValue = "name")
                    String sort,
            @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "at most 200") @RequestParam(defaultValue = "50") int size) {
        var search = new ContactSearch(
                q,
                type.isBlank() ? null : ContactKind.parse(type).orElseThrow(() -> badParameter("type", type)),
                parse(ContactSearch.Status.class, "status", status),
                parse(ContactSearch.Sort.class, "sort", sort),
                new PageRequest(page, size));
        var results = contacts.search(user.practiceId(), search).map(ContactSummaryResource::of);
        return new ContactPageResource(
                results.items(),
                results.request().page(),
                results.request().size(),
                results.totalItems(),
                results.totalPages());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a contact", description = "The ETag header holds the version for If-Match.")
    ResponseEntity<ContactResource> get(
            @AuthenticationPrincipal(expression = "user") SignedInUser user, @PathVariable String id) {
        var contact = contacts.get(user.practiceId(), contactId(id));
        return withETag(ResponseEntity.ok(), ContactResource.of(contact));
    }

    @PostMapping
    @Operation(summary = "Create a contact")
    @ApiResponse(
            responseCode = "201",
            description = "The new contact; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = ContactResource.class)))
    ResponseEntity<ContactResource> create(
            @AuthenticationPrincipal(expression = "user") SignedInUser user, @RequestBody ContactRequest request) {
        var contact = contacts.create(user.practiceId(), request.toInput());
        return withETag(
                ResponseEntity.created(URI.create("/api/v1/contacts/" + contact.id())), ContactResource.of(contact));
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Replace a contact's fields",
            description = "Needs If-Match with the ETag last read: 428 without it, 412 when the contact changed since.",
            parameters = @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, required = true))
    ResponseEntity<ContactResource> update(
            @AuthenticationPrincipal(expression = "user") SignedInUser user,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody ContactRequest request) {
        var contactId = contactId(id);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequired();
        }
        var version = expectedVersion(
                ifMatch, () -> contacts.get(user.practiceId(), contactId).version());
        var contact = contacts.update(user.practiceId(), contactId, version, request.toInput());
        return withETag(ResponseEntity.ok(), ContactResource.of(contact));
    }

    @PostMapping("/{id}/archive")
    @Operation(summary = "Archive a contact", description = "If-Match is optional here; when sent it must match.")
    ResponseEntity<ContactResource> archive(
            @AuthenticationPrincipal(expression = "user") SignedInUser user,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        var contactId = contactId(id);
        var version = expectedVersion(
                ifMatch, () -> contacts.get(user.practiceId(), contactId).version());
        return withETag(
                ResponseEntity.ok(), ContactResource.of(contacts.archive(user.practiceId(), contactId, version)));
    }

    @PostMapping("/{id}/restore")
    @Operation(
            summary = "Restore an archived contact",
            description = "If-Match is optional here; when sent it must match.")
    ResponseEntity<ContactResource> restore(
            @AuthenticationPrincipal(expression = "user") SignedInUser user,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        var contactId = contactId(id);
        var version = expectedVersion(
                ifMatch, () -> contacts.get(user.practiceId(), contactId).version());
        return withETag(
                ResponseEntity.ok(), ContactResource.of(contacts.restore(user.practiceId(), contactId, version)));
    }

    @ExceptionHandler(ContactNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound() {
        return problem(
                HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "No contact with this id exists in your practice.");
    }

    @ExceptionHandler(InvalidContactException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidContactException invalid) {
        var problem = Problems.of(
                HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.VALIDATION_FAILED, "The contact has invalid values.");
        problem.setProperty(
                "errors",
                invalid.errors().asMap().entrySet().stream()
                        .map(e -> Map.of("field", e.getKey(), "message", e.getValue()))
                        .toList());
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler(StaleContactException.class)
    ResponseEntity<ProblemDetail> stale(StaleContactException stale) {
        var response = problem(
                HttpStatus.PRECONDITION_FAILED,
                ProblemTypes.STALE_VERSION,
                "The contact changed since you read it (it is now at version " + stale.currentVersion()
                        + "). Read it again and re-apply your change.");
        return ResponseEntity.status(response.getStatusCode())
                .eTag(Long.toString(stale.currentVersion()))
                .body(response.getBody());
    }

    @ExceptionHandler(PreconditionRequired.class)
    ResponseEntity<ProblemDetail> preconditionRequired() {
        return problem(
                HttpStatus.PRECONDITION_REQUIRED,
                ProblemTypes.PRECONDITION_REQUIRED,
                "Send the contact's ETag in an If-Match header; read the contact first to get it.");
    }

    @ExceptionHandler(BadParameter.class)
    ResponseEntity<ProblemDetail> badParameter(BadParameter bad) {
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, bad.getMessage());
    }

    private static ResponseEntity<ContactResource> withETag(
            ResponseEntity.BodyBuilder builder, ContactResource resource) {
        return builder.eTag(Long.toString(resource.version())).body(resource);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, ProblemTypes type, String detail) {
        return ResponseEntity.status(status).body(Problems.of(status, type, detail));
    }

    private static ContactId contactId(String id) {
        return ContactId.parse(id).orElseThrow(ContactNotFoundException::new);
    }

    /** {@code "3"}, {@code W/"3"} or {@code *} (whatever the current version is). */
    private static long expectedVersion(@Nullable String ifMatch, java.util.function.LongSupplier current) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return current.getAsLong();
        }
        var tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException notOurs) {
            // An ETag we never issued cannot match the current version.
            throw new StaleContactException(current.getAsLong());
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String parameter, String text) {
        for (var constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.strip())) {
                return constant;
            }
        }
        throw badParameter(
                parameter,
                text,
                List.of(type.getEnumConstants()).stream()
                        .map(c -> c.name().toLowerCase(Locale.ROOT))
                        .toList());
    }

    private static BadParameter badParameter(String parameter, String value) {
        return badParameter(parameter, value, List.of("person", "organisation"));
    }

    private static BadParameter badParameter(String parameter, String value, List<String> allowed) {
        return new BadParameter("'" + value + "' is not a valid " + parameter + "; use one of " + allowed + ".");
    }

    private static final class PreconditionRequired extends RuntimeException {}

    private static final class BadParameter extends RuntimeException {
        BadParameter(String message) {
            super(message);
        }
    }
}
