package app.kontor.xerosync.rest;

import app.kontor.practice.SignedInUser;
import app.kontor.shared.ContactId;
import app.kontor.shared.ProblemTypes;
import app.kontor.system.Problems;
import app.kontor.xerosync.MatchReview;
import app.kontor.xerosync.MatchReviewException;
import app.kontor.xerosync.MatchReviews;
import app.kontor.xerosync.SyncProblem;
import app.kontor.xerosync.XeroImport;
import app.kontor.xerosync.XeroImports;
import app.kontor.xerosync.XeroSyncs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the import section and the match review page. */
@RestController
@RequestMapping("/api/v1/xero")
@Tag(name = "Xero import", description = "The import of Xero's contacts, match review and Needs attention")
class XeroSyncApi {

    private final XeroImports imports;
    private final MatchReviews reviews;
    private final XeroSyncs syncs;

    XeroSyncApi(XeroImports imports, MatchReviews reviews, XeroSyncs syncs) {
        this.imports = imports;
        this.reviews = reviews;
        this.syncs = syncs;
    }

    @Schema(description = "One read of Xero's contacts: its progress and, once finished, its summary")
    record ImportResource(
            @Schema(example = "7a3d9e15-2c6b-4f80-b1d4-5e8c0a7f2b69")
            UUID id,

            @Schema(
                    example = "IMPORT",
                    allowableValues = {"IMPORT", "SYNC", "RECONCILIATION", "WEBHOOK"})
            String kind,

            @Schema(
                    example = "FINISHED",
                    allowableValues = {"READING", "MATCHING", "FINISHED", "STOPPED", "SUPERSEDED"})
            String state,

            @Schema(example = "Finished") String stateLabel,

            @Schema(
                    description = "0 to 100: reading and matching are half each; the contacts of every page"
                            + " but the last are matched while the read goes on",
                    example = "100")
            int percent,

            @Schema(description = "How many contacts Xero said it has, once the first page is read", example = "412")
            @Nullable
            Integer total,

            @Schema(description = "Xero contacts read that were new or changed", example = "412")
            int read,

            @Schema(
                    description = "How many of them the matching has to go through, known once the read ends",
                    example = "412")
            int toApply,

            @Schema(description = "How many it has gone through, while reading too", example = "412")
            int applied,

            Summary summary,

            @Schema(description = "Pages read from Xero", example = "5")
            int pages,

            @Schema(description = "Bytes read from Xero", example = "1843210")
            long bytes,

            @Schema(
                    description = "What holds the run up or stopped it, if anything",
                    example = "Xero's rate limit is reached; Kontor carries on at 14:06.")
            @Nullable
            String message,

            @Schema(
                    description = "While Xero's rate limit holds it up: when it carries on",
                    example = "2026-11-26T14:06:00Z")
            @Nullable
            Instant waitingUntil,

            @Schema(example = "Mika Hart") String startedBy,
            @Schema(example = "2026-11-26T13:58:02Z") Instant startedAt,

            @Schema(example = "2026-11-26T14:01:47Z") @Nullable
            Instant finishedAt,

            @Schema(example = "225000") @Nullable Long durationMillis,

            @Schema(
                    description = "For a reconciliation, Xero contacts in Kontor's copy that Xero no longer listed",
                    example = "0")
            int missingInXero) {

        static ImportResource of(XeroImport run) {
            return new ImportResource(
                    run.id(),
                    run.kind().name(),
                    run.state().name(),
                    run.state().label(),
                    run.percent(),
                    run.total(),
                    run.read(),
                    run.toApply(),
                    run.applied(),
                    new Summary(run.created(), run.linked(), run.needsReview(), run.skipped(), run.failed()),
                    run.pages(),
                    run.bytes(),
                    run.message(),
                    run.waitingUntil(),
                    run.startedBy(),
                    run.startedAt(),
                    run.finishedAt(),
                    run.duration().map(java.time.Duration::toMillis).orElse(null),
                    run.missing());
        }
    }

    @Schema(description = "Sync now was accepted")
    record SyncStarted(
            @Schema(
                    example = "STARTED",
                    allowableValues = {"STARTED", "ALREADY_RUNNING"})
            String result,

            @Schema(example = "Sync started.") String message) {}

    @GetMapping("/sync/runs")
    @Operation(
            summary = "The sync log: every read of Xero's contacts (import, sync, reconciliation, webhook changes),"
                    + " newest first")
    List<ImportResource> runs(
            @AuthenticationPrincipal(expression = "user") SignedInUser user,
            @RequestParam(defaultValue = "50") int limit) {
        return syncs.log(user.practiceId(), Math.clamp(limit, 1, 500)).stream()
                .map(ImportResource::of)
                .toList();
    }

    @PostMapping("/sync")
    @Operation(
            summary = "Sync now: read what changed in Xero since the last sync, now rather than on schedule (admins)")
    @ApiResponse(
            responseCode = "202",
            description = "Started, or a read of Xero's contacts is running already",
            content = @Content(schema = @Schema(implementation = SyncStarted.class)))
    ResponseEntity<?> syncNow(@AuthenticationPrincipal(expression = "user") SignedInUser user) {
        if (!user.isAdmin()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .body(Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Only an admin can start a sync."));
        }
        var outcome = syncs.syncNow(user.practiceId(), user.displayName());
        return switch (outcome) {
            case STARTED, ALREADY_RUNNING ->
                ResponseEntity.accepted().body(new SyncStarted(outcome.name(), outcome.message()));
            case PAUSED ->
                ResponseEntity.status(HttpStatus.CONFLICT)
                        .body(Problems.of(HttpStatus.CONFLICT, ProblemTypes.SYNC_PAUSED, outcome.message()));
            case NOT_CONNECTED ->
                ResponseEntity.status(HttpStatus.CONFLICT)
                        .body(Problems.of(HttpStatus.CONFLICT, ProblemTypes.NOT_CONNECTED, outcome.message()));
        };
    }

    @Schema(description = "What the matching did with the contacts read")
    record Summary(
            @Schema(description = "New Kontor contacts", example = "371")
            int created,

            @Schema(description = "Linked to an existing Kontor contact", example = "29")
            int linked,

            @Schema(description = "Waiting in match review", example = "8")
            int needsReview,

            @Schema(description = "Not taken: left out by the import filter, archived, merged or erased", example = "4")
            int skipped,

            @Schema(example = "0") int failed) {}

    @Schema(description = "The Kontor contact to link the Xero contact to: one of the review's candidates")
    record ConfirmRequest(
            @Schema(example = "3f2b8c1e-5d4a-4e7b-9c61-2a8f0e1d7b34") @Nullable
            UUID contactId) {}

    @Schema(description = "The Kontor contact now linked to the Xero contact")
    record Resolved(
            @Schema(example = "3f2b8c1e-5d4a-4e7b-9c61-2a8f0e1d7b34")
            UUID contactId) {}

    @GetMapping("/import")
    @Operation(summary = "The latest import of Xero's contacts: progress while it runs, then its summary")
    @ApiResponse(
            responseCode = "200",
            description = "The latest import",
            content = @Content(schema = @Schema(implementation = ImportResource.class)))
    ResponseEntity<?> latestImport(@AuthenticationPrincipal(expression = "user") SignedInUser user) {
        return imports.latest(user.practiceId())
                .<ResponseEntity<?>>map(run -> ResponseEntity.ok(ImportResource.of(run)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(Problems.of(
                                HttpStatus.NOT_FOUND,
                                ProblemTypes.NOT_FOUND,
                                "No import yet: Kontor imports Xero's contacts when the practice connects.")));
    }

    @GetMapping("/import/attention")
    @Operation(summary = "Needs attention: values from Xero Kontor could not take as sent, newest first")
    List<SyncProblem> attention(@AuthenticationPrincipal(expression = "user") SignedInUser user) {
        return imports.needsAttention(user.practiceId(), 500);
    }

    @GetMapping("/matches")
    @Operation(summary = "Match review: Xero contacts waiting for an admin to confirm a link or create a new contact")
    List<MatchReview> matches(@AuthenticationPrincipal(expression = "user") SignedInUser user) {
        return reviews.list(user.practiceId());
    }

    @PostMapping("/matches/{reviewId}/confirm")
    @Operation(summary = "Confirm link: link the Xero contact to one of the candidates (admins)")
    @ApiResponse(
            responseCode = "200",
            description = "Linked",
            content = @Content(schema = @Schema(implementation = Resolved.class)))
    ResponseEntity<?> confirm(
            @AuthenticationPrincipal(expression = "user") SignedInUser user,
            @PathVariable UUID reviewId,
            @RequestBody(required = false) @Nullable ConfirmRequest request) {
        if (!user.isAdmin()) {
            return forbidden();
        }
        if (request == null || request.contactId() == null) {
            return ResponseEntity.badRequest()
                    .body(Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Send contactId."));
        }
        try {
            var linked = reviews.confirm(user, reviewId, new ContactId(request.contactId()));
            return ResponseEntity.ok(new Resolved(linked.value()));
        } catch (MatchReviewException refused) {
            return refused(refused);
        }
    }

    @PostMapping("/matches/{reviewId}/create-new")
    @Operation(summary = "Create new: a new Kontor contact from the Xero contact, linked to it (admins)")
    @ApiResponse(
            responseCode = "201",
            description = "The new contact, linked",
            content = @Content(schema = @Schema(implementation = Resolved.class)))
    ResponseEntity<?> createNew(
            @AuthenticationPrincipal(expression = "user") SignedInUser user, @PathVariable UUID reviewId) {
        if (!user.isAdmin()) {
            return forbidden();
        }
        try {
            var created = reviews.createNew(user, reviewId);
            return ResponseEntity.created(URI.create("/api/v1/contacts/" + created.value()))
                    .body(new Resolved(created.value()));
        } catch (MatchReviewException refused) {
            return refused(refused);
        }
    }

    private static ResponseEntity<?> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Problems.of(
                        HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Only an admin can resolve match reviews."));
    }

    private static ResponseEntity<?> refused(MatchReviewException refused) {
        var status = switch (refused.reason()) {
            case GONE -> HttpStatus.NOT_FOUND;
            case NOT_A_CANDIDATE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case TAKEN, NOT_CONNECTED -> HttpStatus.CONFLICT;
        };
        var type = switch (refused.reason()) {
            case GONE -> ProblemTypes.NOT_FOUND;
            case NOT_A_CANDIDATE -> ProblemTypes.VALIDATION_FAILED;
            case TAKEN -> ProblemTypes.ALREADY_LINKED;
            case NOT_CONNECTED -> ProblemTypes.NOT_CONNECTED;
        };
        return ResponseEntity.status(status).body(Problems.of(status, type, refused.getMessage()));
    }
}
