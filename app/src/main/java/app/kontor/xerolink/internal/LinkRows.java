package app.kontor.xerolink.internal;

import app.kontor.shared.ContactId;
import app.kontor.shared.PracticeId;
import app.kontor.shared.TimeOrderedIds;
import app.kontor.xerolink.LinkEvent;
import app.kontor.xerolink.LinkOrigin;
import app.kontor.xerolink.XeroLink;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Links, pending Create Contact requests and link history; every query scoped to a practice. */
@Repository
public class LinkRows {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    LinkRows(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public Optional<XeroLink> find(PracticeId practice, ContactId contact) {
        return jdbc.sql("select * from xero_links where practice_id = ? and contact_id = ?")
                .params(practice.value(), contact.value())
                .query(LinkRows::link)
                .optional();
    }

    public Optional<XeroLink> findByXeroContact(PracticeId practice, UUID tenantId, UUID xeroContactId) {
        return jdbc.sql("select * from xero_links where practice_id = ? and tenant_id = ? and xero_contact_id = ?")
                .params(practice.value(), tenantId, xeroContactId)
                .query(LinkRows::link)
                .optional();
    }

    /** The links of these Xero contacts, by Xero ContactID; those not linked are absent. */
    public Map<UUID, XeroLink> findByXeroContacts(PracticeId practice, UUID tenantId, Collection<UUID> xeroContactIds) {
        var found = new HashMap<UUID, XeroLink>();
        if (xeroContactIds.isEmpty()) {
            return found;
        }
        // By the Xero id alone (the first column of the key, which H2 uses for "in" lists), practice
        // and tenant checked here: see V20261126_1010 and V20261126_1100.
        jdbc
                .sql("select * from xero_links where xero_contact_id in (:ids)")
                .param("ids", List.copyOf(xeroContactIds))
                .query((rs, row) -> practice.value().equals(rs.getObject("practice_id", UUID.class))
                                && tenantId.equals(rs.getObject("tenant_id", UUID.class))
                        ? link(rs, row)
                        : null)
                .list()
                .stream()
                .filter(Objects::nonNull)
                .forEach(link -> found.put(link.xeroContactId(), link));
        return found;
    }

    /** Contacts that are linked, or have a Create Contact under way: matching must leave them alone. */
    public Set<ContactId> busyContacts(PracticeId practice) {
        var busy = new HashSet<ContactId>();
        jdbc.sql("""
                        select contact_id from xero_links where practice_id = ?
                        union select contact_id from xero_create_requests where practice_id = ?""")
                .params(practice.value(), practice.value())
                .query((rs, row) -> new ContactId(rs.getObject(1, UUID.class)))
                .list()
                .forEach(busy::add);
        return busy;
    }

    /** Keeps what Xero last said about a linked contact: its name, status, and when Kontor last heard. */
    public void refresh(PracticeId practice, ContactId contact, String xeroName, String xeroStatus, Instant at) {
        jdbc.sql("""
                        update xero_links set xero_name = ?, xero_status = ?, last_synced_at = ?
                        where practice_id = ? and contact_id = ?""")
                .params(xeroName, xeroStatus, utc(at), practice.value(), contact.value())
                .update();
    }

    /** Points a link at another Xero contact of the same organisation (a merge in Xero). */
    public void moveTo(
            PracticeId practice,
            ContactId contact,
            UUID xeroContactId,
            String xeroName,
            String xeroStatus,
            Instant at) {
        jdbc.sql("""
                        update xero_links set xero_contact_id = ?, xero_name = ?, xero_status = ?, last_synced_at = ?
                        where practice_id = ? and contact_id = ?""")
                .params(xeroContactId, xeroName, xeroStatus, utc(at), practice.value(), contact.value())
                .update();
    }

    public boolean isLinked(UUID tenantId, UUID xeroContactId) {
        return jdbc.sql("select count(*) from xero_links where tenant_id = ? and xero_contact_id = ?")
                        .params(tenantId, xeroContactId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void insert(PracticeId practice, XeroLink link) {
        insertAll(practice, List.of(link));
    }

    /** Links of one practice in JDBC batches (an import links thousands). */
    public void insertAll(PracticeId practice, List<XeroLink> links) {
        batch.batchUpdate(
                """
                insert into xero_links (contact_id, practice_id, tenant_id, xero_contact_id, origin, xero_name,
                    xero_status, linked_by, linked_at, last_synced_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                links.stream()
                        .map(link -> new Object[] {
                            link.contactId().value(),
                            practice.value(),
                            link.tenantId(),
                            link.xeroContactId(),
                            link.origin().name(),
                            link.xeroName(),
                            link.xeroStatus(),
                            link.linkedBy(),
                            utc(link.linkedAt()),
                            utc(link.lastSyncedAt())
                        })
                        .toList());
    }

    public boolean delete(PracticeId practice, ContactId contact) {
        return jdbc.sql("delete from xero_links where practice_id = ? and contact_id = ?")
                        .params(practice.value(), contact.value())
                        .update()
                > 0;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when a creation is already under way */
    public void startCreate(PracticeId practice, ContactId contact, UUID tenantId, String key, String by, Instant now) {
        jdbc.sql("""
                        insert into xero_create_requests (contact_id, practice_id, tenant_id, idempotency_key,
                            requested_by, created_at) values (?, ?, ?, ?, ?, ?)""")
                .params(contact.value(), practice.value(), tenantId, key, by, utc(now))
                .update();
    }

    /** When the Create Contact under way for this contact started, if one is. */
    public Optional<Instant> creatingSince(PracticeId practice, ContactId contact) {
        return jdbc.sql("select created_at from xero_create_requests where practice_id = ? and contact_id = ?")
                .params(practice.value(), contact.value())
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .optional();
    }

    public void finishCreate(PracticeId practice, ContactId contact) {
        jdbc.sql("delete from xero_create_requests where practice_id = ? and contact_id = ?")
                .params(practice.value(), contact.value())
                .update();
    }

    public void record(PracticeId practice, ContactId contact, LinkEvent event) {
        recordAll(practice, List.of(contact), event);
    }

    /** The same event in the history of each of these contacts, in one JDBC batch. */
    public void recordAll(PracticeId practice, List<ContactId> contacts, LinkEvent event) {
        batch.batchUpdate(
                """
                insert into xero_link_history (id, contact_id, practice_id, happened_at, event, detail, actor,
                    sent, answer)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                contacts.stream()
                        .map(contact -> new Object[] {
                            TimeOrderedIds.next(),
                            contact.value(),
                            practice.value(),
                            utc(event.at()),
                            event.event(),
                            event.detail(),
                            event.actor(),
                            clip(event.sent(), 4000),
                            clip(event.answer(), 2000)
                        })
                        .toList());
    }

    /**
     * Replaces what the contact's history says of the Xero contact (values, payloads sent and Xero's
     * answers) with {@code detail}; who did what, and when, stay.
     */
    public void eraseHistory(PracticeId practice, ContactId contact, String detail) {
        jdbc.sql("""
                        update xero_link_history set detail = ?, sent = null, answer = null
                        where practice_id = ? and contact_id = ?""").params(detail, practice.value(), contact.value()).update();
    }

    public List<LinkEvent> history(PracticeId practice, ContactId contact) {
        return jdbc.sql("""
                        select * from xero_link_history where practice_id = ? and contact_id = ?
                        order by happened_at desc limit 20""")
                .params(practice.value(), contact.value())
                .query((rs, row) -> new LinkEvent(
                        rs.getObject("happened_at", OffsetDateTime.class).toInstant(),
                        rs.getString("event"),
                        rs.getString("detail"),
                        rs.getString("actor"),
                        rs.getString("sent"),
                        rs.getString("answer")))
                .list();
    }

    private static XeroLink link(ResultSet rs, int row) throws SQLException {
        return new XeroLink(
                new ContactId(rs.getObject("contact_id", UUID.class)),
                rs.getObject("tenant_id", UUID.class),
                rs.getObject("xero_contact_id", UUID.class),
                LinkOrigin.valueOf(rs.getString("origin")),
                rs.getString("xero_name"),
                rs.getString("xero_status"),
                rs.getString("linked_by"),
                rs.getObject("linked_at", OffsetDateTime.class).toInstant(),
                rs.getObject("last_synced_at", OffsetDateTime.class).toInstant());
    }

    /** Holds a creation back until {@code retryAt}, when a job retries it with the same key. */
    public void queueCreate(PracticeId practice, ContactId contact, Instant retryAt) {
        jdbc.sql("update xero_create_requests set retry_at = ? where practice_id = ? and contact_id = ?")
                .params(utc(retryAt), practice.value(), contact.value())
                .update();
    }

    /** The pending creation's Idempotency-Key and, when queued, its retry time. */
    public Optional<PendingCreate> pendingCreate(PracticeId practice, ContactId contact) {
        return jdbc.sql("select * from xero_create_requests where practice_id = ? and contact_id = ?")
                .params(practice.value(), contact.value())
                .query((rs, row) -> new PendingCreate(
                        rs.getString("idempotency_key"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("retry_at", OffsetDateTime.class) == null
                                ? null
                                : rs.getObject("retry_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    public record PendingCreate(
            String idempotencyKey,
            Instant startedAt,
            @org.jspecify.annotations.Nullable Instant retryAt) {}

    private static @org.jspecify.annotations.Nullable String clip(
            @org.jspecify.annotations.Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
