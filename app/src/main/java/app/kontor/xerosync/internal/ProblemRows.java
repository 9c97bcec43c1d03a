package app.kontor.xerosync.internal;

import static app.kontor.xerosync.internal.Timestamps.instant;
import static app.kontor.xerosync.internal.Timestamps.utc;

import app.kontor.shared.ContactId;
import app.kontor.shared.PracticeId;
import app.kontor.xerosync.SyncProblem;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The Needs attention list ({@code xero_sync_problems}); every query scoped to a practice. */
@Repository
public class ProblemRows {

    private static final int RAW_MAX = 2000;

    private final JdbcClient jdbc;

    ProblemRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(
            PracticeId practice,
            UUID tenantId,
            @Nullable UUID xeroContactId,
            @Nullable ContactId contact,
            String xeroName,
            String field,
            @Nullable String rawValue,
            String reason,
            Instant now) {
        jdbc.sql("""
                        insert into xero_sync_problems (id, practice_id, tenant_id, xero_contact_id, contact_id,
                            xero_name, field, raw_value, reason, noticed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        practice.value(),
                        tenantId,
                        xeroContactId,
                        contact == null ? null : contact.value(),
                        clip(xeroName, 500),
                        clip(field, 100),
                        rawValue == null ? null : clip(rawValue, RAW_MAX),
                        clip(reason, 1000),
                        utc(now))
                .update();
    }

    /**
     * Forgets what was noticed about these Xero contacts before, when Kontor reads them again. One
     * statement: few rows are in this table, so the tenant's part of the index serves it on H2 too.
     */
    public void clearAll(UUID tenantId, Collection<UUID> xeroContactIds) {
        if (xeroContactIds.isEmpty()) {
            return;
        }
        jdbc.sql("delete from xero_sync_problems where tenant_id = :tenant and xero_contact_id in (:ids)")
                .param("tenant", tenantId)
                .param("ids", List.copyOf(xeroContactIds))
                .update();
    }

    public List<SyncProblem> list(PracticeId practice, int limit) {
        return jdbc.sql("select * from xero_sync_problems where practice_id = ? order by noticed_at desc, id limit ?")
                .params(practice.value(), limit)
                .query((rs, row) -> new SyncProblem(
                        rs.getObject("id", UUID.class),
                        rs.getObject("xero_contact_id", UUID.class),
                        rs.getObject("contact_id", UUID.class) == null
                                ? null
                                : new ContactId(rs.getObject("contact_id", UUID.class)),
                        rs.getString("xero_name"),
                        rs.getString("field"),
                        rs.getString("raw_value"),
                        rs.getString("reason"),
                        instant(rs, "noticed_at")))
                .list();
    }

    public int count(PracticeId practice) {
        return jdbc.sql("select count(*) from xero_sync_problems where practice_id = ?")
                .param(practice.value())
                .query(Integer.class)
                .single();
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
