package app.kontor.xerosync.internal;

import static app.kontor.xerosync.internal.Timestamps.instant;
import static app.kontor.xerosync.internal.Timestamps.utc;

import app.kontor.shared.PracticeId;
import app.kontor.xerosync.ImportState;
import app.kontor.xerosync.XeroImport;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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

    public void insert(UUID id, PracticeId practice, UUID tenantId, String startedBy, Instant now) {
        jdbc.sql("""
                        insert into xero_imports (id, practice_id, tenant_id, state, cursor_page, page_stepping, pages,
                            bytes, read_count, to_apply_count, applied_count, created_count, linked_count,
                            review_count, skipped_count, failed_count, started_by, started_at, updated_at)
                        values (?, ?, ?, 'READING', 1, false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ?, ?, ?)""")
                .params(id, practice.value(), tenantId, startedBy, utc(now), utc(now))
                .update();
    }

    public Optional<XeroImport> find(UUID id) {
        return jdbc.sql("select * from xero_imports where id = ?")
                .param(id)
                .query(ImportRows::xeroImport)
                .optional();
    }

    public Optional<XeroImport> latest(PracticeId practice) {
        return jdbc.sql("select * from xero_imports where practice_id = ? order by started_at desc limit 1")
                .param(practice.value())
                .query(ImportRows::xeroImport)
                .optional();
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

    public void startMatching(UUID id, int toApply, Instant now) {
        jdbc.sql("""
                        update xero_imports set state = 'MATCHING', to_apply_count = ?, updated_at = ?
                        where id = ? and state = 'READING'""").params(toApply, utc(now), id).update();
    }

    public void applied(UUID id, Applied counts, Instant now) {
        jdbc.sql("""
                        update xero_imports set applied_count = applied_count + ?, created_count = created_count + ?,
                            linked_count = linked_count + ?, review_count = review_count + ?,
                            skipped_count = skipped_count + ?, failed_count = failed_count + ?,
                            to_apply_count = greatest(to_apply_count, applied_count + ?),
                            message = null, waiting_until = null, updated_at = ?
                        where id = ? and state = 'MATCHING'""")
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
                rs.getString("message"),
                instant(rs, "waiting_until"),
                rs.getString("started_by"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }
}
