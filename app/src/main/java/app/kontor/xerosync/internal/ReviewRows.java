package app.kontor.xerosync.internal;

import static app.kontor.xerosync.internal.Timestamps.instant;
import static app.kontor.xerosync.internal.Timestamps.utc;

import app.kontor.shared.ContactId;
import app.kontor.shared.PracticeId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Match reviews waiting for an admin, and their Kontor candidates; every query scoped to a practice. */
@Repository
public class ReviewRows {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ReviewRows(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public record Review(UUID id, UUID tenantId, UUID xeroContactId, String reason, Instant createdAt) {}

    public record Candidate(ContactId contactId, boolean sameName, boolean sameEmail) {}

    /** Opens a review of one Xero contact, replacing an earlier one of the same contact. */
    public UUID open(
            PracticeId practice,
            UUID tenantId,
            UUID xeroContactId,
            String reason,
            List<Candidate> candidates,
            Instant now) {
        jdbc.sql("delete from xero_match_reviews where tenant_id = ? and xero_contact_id = ?")
                .params(tenantId, xeroContactId)
                .update();
        var id = UUID.randomUUID();
        jdbc.sql("""
                        insert into xero_match_reviews (id, practice_id, tenant_id, xero_contact_id, reason, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(id, practice.value(), tenantId, xeroContactId, reason, utc(now))
                .update();
        for (var candidate : candidates) {
            jdbc.sql("""
                            insert into xero_match_candidates (review_id, contact_id, same_name, same_email)
                            values (?, ?, ?, ?)""")
                    .params(id, candidate.contactId().value(), candidate.sameName(), candidate.sameEmail())
                    .update();
        }
        return id;
    }

    public Optional<Review> find(PracticeId practice, UUID id) {
        return jdbc.sql("select * from xero_match_reviews where practice_id = ? and id = ?")
                .params(practice.value(), id)
                .query((rs, row) -> review(rs))
                .optional();
    }

    public List<Review> list(PracticeId practice, int limit) {
        return jdbc.sql("select * from xero_match_reviews where practice_id = ? order by created_at, id limit ?")
                .params(practice.value(), limit)
                .query((rs, row) -> review(rs))
                .list();
    }

    public int count(PracticeId practice) {
        return jdbc.sql("select count(*) from xero_match_reviews where practice_id = ?")
                .param(practice.value())
                .query(Integer.class)
                .single();
    }

    public List<Candidate> candidates(UUID reviewId) {
        return jdbc.sql("select * from xero_match_candidates where review_id = ? order by same_name desc, contact_id")
                .param(reviewId)
                .query((rs, row) -> new Candidate(
                        new ContactId(rs.getObject("contact_id", UUID.class)),
                        rs.getBoolean("same_name"),
                        rs.getBoolean("same_email")))
                .list();
    }

    public boolean close(PracticeId practice, UUID id) {
        return jdbc.sql("delete from xero_match_reviews where practice_id = ? and id = ?")
                        .params(practice.value(), id)
                        .update()
                > 0;
    }

    public void closeFor(UUID tenantId, UUID xeroContactId) {
        closeForAll(tenantId, List.of(xeroContactId));
    }

    /** Point deletes in one JDBC batch (not "in (...)", which H2 would take by the tenant alone). */
    public void closeForAll(UUID tenantId, List<UUID> xeroContactIds) {
        batch.batchUpdate(
                "delete from xero_match_reviews where tenant_id = ? and xero_contact_id = ?",
                xeroContactIds.stream().map(id -> new Object[] {tenantId, id}).toList());
    }

    private static Review review(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Review(
                rs.getObject("id", UUID.class),
                rs.getObject("tenant_id", UUID.class),
                rs.getObject("xero_contact_id", UUID.class),
                rs.getString("reason"),
                instant(rs, "created_at"));
    }
}
