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

    record ImportResource(
            UUID id,
            String kind,
            String state,
            String stateLabel,
            int percent,
            @Nullable Integer total,
            int read,
            int toApply,
            int applied,
            Summary summary,
            int pages,
            long bytes,
            @Nullable String message,
            @Nullable Instant waitingUntil,
            String startedBy,
            Instant startedAt,
            @Nullable Instant finishedAt,
            @Nullable Long durationMillis,
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

    record SyncStarted(String result, String message) {}

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

    record Summary(int created, int linked, int needsReview, int skipped, int failed) {}

    record ConfirmRequest(@Nullable UUID contactId) {}

    record Resolved(UUID contactId) {}

    @GetMapping("/import")
    @Operation(summary = "The latest import of Xero's contacts: progress while it runs, then its summary")
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
