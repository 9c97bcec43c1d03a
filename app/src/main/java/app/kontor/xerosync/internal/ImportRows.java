package app.kontor.xerosync.internal;

import static app.kontor.xerosync.internal.Timestamps.instant;
import static app.kontor.xerosync.internal.Timestamps.utc;

import app.kontor.shared.PracticeId;
import app.kontor.xerosync.ImportState;
import app.kontor.xerosync.RunKind;
import app.kontor.xerosync.XeroImport;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Imports and their checkpoints ({@code xero_imports}); every change is one statement. */
@Repository
public class ImportRows {

    private final JdbcClient jdbc;

    ImportRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one batch of matching adds to the import's totals. */
    public record Applied(int created, int linked, int needsReview, int skipped, int failed) {

        public int total() {
            return created + linked + needsReview + skipped + failed;
        }
    }

    /**
     * A run that starts reading at {@code since} (the cursor's second; {@code null} reads every
     * contact).
     */
    public void insert(
            UUID id,
            RunKind kind,
            PracticeId practice,
            UUID tenantId,
            @Nullable Instant since,
            String startedBy,
            Instant now) {
        jdbc.sql("""
                        insert into xero_imports (id, kind, practice_id, tenant_id, state, cursor_second, cursor_page,
                            page_stepping, pages, bytes, read_count, to_apply_count, applied_count, created_count,
                            linked_count, review_count, skipped_count, failed_count, missing_count, started_by,
                            started_at, updated_at)
                        values (?, ?, ?, ?, 'READING', ?, 1, false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ?, ?, ?)""")
                .params(id, kind.name(), practice.value(), tenantId, utc(since), startedBy, utc(now), utc(now))
                .update();
    }

    /**
     * A run that is over as soon as it is written: the webhook changes applied in one go.
     *
     * @param calls the calls to Xero it took, counted as pages
     */
    public void insertFinished(
            RunKind kind,
            PracticeId practice,
            UUID tenantId,
            String startedBy,
            int calls,
            long bytes,
            int read,
            Applied counts,
            Instant startedAt,
            Instant now) {
        jdbc.sql("""
                        insert into xero_imports (id, kind, practice_id, tenant_id, state, cursor_page, page_stepping,
                            pages, bytes, read_count, to_apply_count, applied_count, created_count, linked_count,
                            review_count, skipped_count, failed_count, missing_count, started_by, started_at,
                            finished_at, updated_at)
                        values (?, ?, ?, ?, 'FINISHED', 1, false, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        kind.name(),
                        practice.value(),
                        tenantId,
                        calls,
                        bytes,
                        read,
                        counts.total(),
                        counts.total(),
                        counts.created(),
                        counts.linked(),
                        counts.needsReview(),
                        counts.skipped(),
                        counts.failed(),
                        startedBy,
                        utc(startedAt),
                        utc(now),
                        utc(now))
                .update();
    }

    public Optional<XeroImport> find(UUID id) {
        return jdbc.sql("select * from xero_imports where id = ?")
                .param(id)
                .query(ImportRows::xeroImport)
                .optional();
    }

    /** The practice's latest run of this kind. */
    public Optional<XeroImport> latest(PracticeId practice, RunKind kind) {
        return jdbc.sql("""
                        select * from xero_imports where practice_id = ? and kind = ?
                        order by started_at desc limit 1""")
                .params(practice.value(), kind.name())
                .query(ImportRows::xeroImport)
                .optional();
    }

    /** The practice's run that is reading or matching now, if any. */
    public Optional<XeroImport> running(PracticeId practice) {
        return jdbc.sql("""
                        select * from xero_imports where practice_id = ? and state in ('READING', 'MATCHING')
                        order by started_at desc limit 1""")
                .param(practice.value())
                .query(ImportRows::xeroImport)
                .optional();
    }

    /** The latest finished run that read pages of this organisation's contacts (not webhook batches). */
    public Optional<XeroImport> lastFinishedRead(UUID tenantId) {
        return jdbc.sql("""
                        select * from xero_imports where tenant_id = ? and state = 'FINISHED' and kind <> 'WEBHOOK'
                        order by started_at desc limit 1""").param(tenantId).query(ImportRows::xeroImport).optional();
    }

    /** When the latest finished full read (an import or a reconciliation) of this organisation started. */
    public Optional<Instant> lastFullRead(UUID tenantId) {
        return jdbc.sql("""
                        select started_at from xero_imports
                        where tenant_id = ? and state = 'FINISHED' and kind in ('IMPORT', 'RECONCILIATION')
                        order by started_at desc limit 1""")
                .param(tenantId)
                .query((rs, row) -> instant(rs, "started_at"))
                .optional();
    }

    /** The practice's runs, newest first: the sync log. */
    public List<XeroImport> recent(PracticeId practice, int limit) {
        return jdbc.sql("select * from xero_imports where practice_id = ? order by started_at desc limit ?")
                .params(practice.value(), limit)
                .query(ImportRows::xeroImport)
                .list();
    }

    public void missing(UUID id, int missing) {
        jdbc.sql("update xero_imports set missing_count = ? where id = ?")
                .params(missing, id)
                .update();
    }

    /** Marks the practice's running imports as replaced; their jobs notice and stop. */
    public void supersedeRunning(PracticeId practice, Instant now) {
        jdbc.sql("""
                        update xero_imports set state = 'SUPERSEDED', finished_at = ?, updated_at = ?
                        where practice_id = ? and state in ('READING', 'MATCHING')""").params(utc(now), utc(now), practice.value()).update();
    }

    /** The checkpoint after one page: the next cursor, and what the page added. */
    public void pageRead(
            UUID id,
            @Nullable Instant cursorSecond,
            int cursorPage,
            boolean pageStepping,
            @Nullable Integer total,
            int read,
            long bytes,
            Instant now) {
        jdbc.sql("""
                        update xero_imports set cursor_second = ?, cursor_page = ?, page_stepping = ?,
                            total_count = coalesce(total_count, ?), pages = pages + 1, read_count = read_count + ?,
                            bytes = bytes + ?, message = null, waiting_until = null, updated_at = ?
                        where id = ? and state = 'READING'""")
                .params(utc(cursorSecond), cursorPage, pageStepping, total, read, bytes, utc(now), id)
                .update();
    }

    /** @param toApply the contacts still pending: to apply after those applied while reading */
    public void startMatching(UUID id, int toApply, Instant now) {
        jdbc.sql("""
                        update xero_imports set state = 'MATCHING', to_apply_count = applied_count + ?, updated_at = ?
                        where id = ? and state = 'READING'""").params(toApply, utc(now), id).update();
    }

    public void applied(UUID id, Applied counts, Instant now) {
        jdbc.sql("""
                        update xero_imports set applied_count = applied_count + ?, created_count = created_count + ?,
                            linked_count = linked_count + ?, review_count = review_count + ?,
                            skipped_count = skipped_count + ?, failed_count = failed_count + ?,
                            to_apply_count = greatest(to_apply_count, applied_count + ?),
                            message = null, waiting_until = null, updated_at = ?
                        where id = ? and state in ('READING', 'MATCHING')""")
                .params(
                        counts.total(),
                        counts.created(),
                        counts.linked(),
                        counts.needsReview(),
                        counts.skipped(),
                        counts.failed(),
                        counts.total(),
                        utc(now),
                        id)
                .update();
    }

    public void finish(UUID id, Instant now) {
        end(id, ImportState.FINISHED, null, now);
    }

    public void stop(UUID id, String why, Instant now) {
        end(id, ImportState.STOPPED, why, now);
    }

    /** The import waits, e.g. for Xero's rate limit, and says why. */
    public void waiting(UUID id, String why, Instant until, Instant now) {
        jdbc.sql("update xero_imports set message = ?, waiting_until = ?, updated_at = ? where id = ?")
                .params(why, utc(until), utc(now), id)
                .update();
    }

    private void end(UUID id, ImportState state, @Nullable String why, Instant now) {
        jdbc.sql("""
                        update xero_imports set state = ?, message = ?, waiting_until = null, finished_at = ?,
                            updated_at = ?
                        where id = ? and state in ('READING', 'MATCHING')""").params(state.name(), why, utc(now), utc(now), id).update();
    }

    private static XeroImport xeroImport(ResultSet rs, int row) throws SQLException {
        var total = rs.getObject("total_count", Integer.class);
        return new XeroImport(
                rs.getObject("id", UUID.class),
                RunKind.valueOf(rs.getString("kind")),
                new PracticeId(rs.getObject("practice_id", UUID.class)),
                rs.getObject("tenant_id", UUID.class),
                ImportState.valueOf(rs.getString("state")),
                instant(rs, "cursor_second"),
                rs.getInt("cursor_page"),
                rs.getBoolean("page_stepping"),
                total,
                rs.getInt("pages"),
                rs.getLong("bytes"),
                rs.getInt("read_count"),
                rs.getInt("to_apply_count"),
                rs.getInt("applied_count"),
                rs.getInt("created_count"),
                rs.getInt("linked_count"),
                rs.getInt("review_count"),
                rs.getInt("skipped_count"),
                rs.getInt("failed_count"),
                rs.getInt("missing_count"),
                rs.getString("message"),
                instant(rs, "waiting_until"),
                rs.getString("started_by"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }
}
