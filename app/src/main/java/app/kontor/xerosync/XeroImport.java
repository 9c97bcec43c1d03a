package app.kontor.xerosync;

import app.kontor.shared.PracticeId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One run that read a practice's Xero contacts (an import, a sync, a reconciliation, a batch of
 * webhook changes): its checkpoint, its progress and, once finished, its summary.
 *
 * @param cursorSecond the (second, page) cursor of DESIGN §5: the next read asks for contacts changed
 *     since one second before this one; null until the first full page
 * @param pageStepping the pages came back out of order, so the rest of the read steps page by page
 * @param total how many contacts Xero said it has, once the first page is read
 * @param read Xero contacts read that were new or changed
 * @param toApply how many of them the matching has to go through, known once the read ends
 * @param applied how many it has gone through (while reading too)
 * @param missing for a reconciliation, Xero contacts in Kontor's copy that Xero no longer listed
 */
public record XeroImport(
        UUID id,
        RunKind kind,
        PracticeId practiceId,
        UUID tenantId,
        ImportState state,
        @Nullable Instant cursorSecond,
        int cursorPage,
        boolean pageStepping,
        @Nullable Integer total,
        int pages,
        long bytes,
        int read,
        int toApply,
        int applied,
        int created,
        int linked,
        int needsReview,
        int skipped,
        int failed,
        int missing,
        @Nullable String message,
        @Nullable Instant waitingUntil,
        String startedBy,
        Instant startedAt,
        @Nullable Instant finishedAt) {

    /** How long it ran, once it has ended. */
    public Optional<Duration> duration() {
        return Optional.ofNullable(finishedAt).map(end -> Duration.between(startedAt, end));
    }

    /**
     * Progress from 0 to 100: reading and matching are half each. Contacts of every page but the last
     * are matched while the read goes on, so both halves fill together while reading.
     */
    public int percent() {
        return switch (state) {
            case READING ->
                total == null || total == 0
                        ? 0
                        : Math.min(99, (int) (50L * (Math.min(read, total) + Math.min(applied, total)) / total));
            case MATCHING -> toApply == 0 ? 50 : 50 + Math.min(50, (int) (50L * applied / toApply));
            case FINISHED -> 100;
            case STOPPED, SUPERSEDED -> 0;
        };
    }
}
