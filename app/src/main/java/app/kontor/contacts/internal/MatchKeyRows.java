package app.kontor.contacts.internal;

import app.kontor.contacts.ContactMatchKey;
import app.kontor.shared.ContactId;
import app.kontor.shared.PracticeId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The name and billing email of every contact of a practice, read in one pass for matching. */
@Repository
public class MatchKeyRows {

    private final JdbcClient jdbc;

    MatchKeyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ContactMatchKey> all(PracticeId practice) {
        return jdbc.sql("""
                        select c.id, c.name, c.archived, e.address
                        from contacts c
                        left join contact_emails e on e.contact_id = c.id and e.billing
                        where c.practice_id = ?""")
                .param(practice.value())
                .query((rs, row) -> new ContactMatchKey(
                        new ContactId(rs.getObject("id", UUID.class)),
                        rs.getString("name"),
                        rs.getString("address"),
                        rs.getBoolean("archived")))
                .list();
    }
}
