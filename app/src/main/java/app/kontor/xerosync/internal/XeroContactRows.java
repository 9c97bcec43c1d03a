package app.kontor.xerosync.internal;

import static app.kontor.xerosync.internal.Timestamps.instant;
import static app.kontor.xerosync.internal.Timestamps.utc;

import app.kontor.shared.ContactNames;
import app.kontor.shared.PracticeId;
import app.kontor.xero.XeroContactSnapshot;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What Kontor last read of each Xero contact ({@code xero_contacts}). A read older than what is
 * stored never replaces it; a newer one replaces it and marks it for applying to Kontor.
 *
 * <p>{@code applied_json} is the contact as last applied to Kontor. Once a row is applied it is
 * usually what was read, so it is then left null, meaning "as {@code raw_json}", rather than stored
 * twice: a pending row's {@code applied_json} is exact (null: never applied), an applied row's is
 * {@code coalesce(applied_json, raw_json)}.
 */
@Repository
public class XeroContactRows {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    XeroContactRows(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A stored Xero contact; {@code rawJson} is null once erased. */
    public record StoredXeroContact(
            UUID xeroContactId,
            String name,
            String matchName,
            @Nullable String matchEmail,
            String status,
            @Nullable UUID mergedTo,
            boolean customer,
            boolean supplier,
            @Nullable Instant updatedAt,
            @Nullable String rawJson,
            @Nullable String appliedJson) {}

    /** A contact as a read stored it, with what Xero sent of it (null when erased). */
    public record ReadContact(
            StoredXeroContact stored, @Nullable XeroContactSnapshot snapshot) {}

    /** What a read stored: how many contacts were new or changed, and which of those are applied already. */
    public record StoredRead(int changed, List<ReadContact> appliedAtOnce) {}

    /** The trimmed, lower-cased email matching compares; empty emails never match anything. */
    public static @Nullable String matchEmail(@Nullable String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Stores the contacts of one read, keeping the newest of each; a contact Xero asked to erase is
     * stored without its name or JSON.
     *
     * @return how many were new or changed
     */
    public int store(PracticeId practice, UUID tenantId, List<XeroContactSnapshot> contacts, Instant readAt) {
        return store(practice, tenantId, contacts, readAt, stored -> false).changed();
    }

    /**
     * Stores the contacts of one read as {@link #store(PracticeId, UUID, List, Instant)} does; a new or
     * changed contact that {@code appliedAtOnce} accepts is stored as applied already, for the caller
     * to apply in the same transaction: one write of the row instead of an insert and then an update.
     */
    public StoredRead store(
            PracticeId practice,
            UUID tenantId,
            List<XeroContactSnapshot> contacts,
            Instant readAt,
            Predicate<StoredXeroContact> appliedAtOnce) {
        var newest = new LinkedHashMap<UUID, XeroContactSnapshot>();
        for (var contact : contacts) {
            newest.merge(contact.contactId(), contact, (a, b) -> newer(b, a) ? b : a);
        }
        if (newest.isEmpty()) {
            return new StoredRead(0, List.of());
        }
        var stored = new HashMap<UUID, Stored>();
        // By id alone (the key's first column), the tenant checked here: see V20261126_0910 and _1100.
        jdbc.sql("""
                        select tenant_id, xero_contact_id, updated_at, status, raw_json, pending, applied_json
                        from xero_contacts where xero_contact_id in (:ids)""")
                .param("ids", List.copyOf(newest.keySet()))
                .query((rs, row) -> tenantId.equals(rs.getObject("tenant_id", UUID.class))
                        ? stored.put(
                                rs.getObject("xero_contact_id", UUID.class),
                                new Stored(
                                        instant(rs, "updated_at"),
                                        rs.getString("status"),
                                        rs.getString("raw_json"),
                                        lastApplied(rs)))
                        : null)
                .list();
        var inserts = new ArrayList<Object[]>();
        var updates = new ArrayList<Object[]>();
        var unchanged = new ArrayList<UUID>();
        var applied = new ArrayList<ReadContact>();
        for (var contact : newest.values()) {
            var before = stored.get(contact.contactId());
            if (before != null && !before.isOlderThan(contact)) {
                unchanged.add(contact.contactId());
                continue;
            }
            var erased = contact.isErasureRequested();
            var name = erased ? "" : contact.displayName();
            var read = new StoredXeroContact(
                    contact.contactId(),
                    name,
                    erased ? "" : ContactNames.normalise(name),
                    erased ? null : matchEmail(contact.emailAddress()),
                    contact.status(),
                    contact.mergedToContactId(),
                    contact.customer(),
                    contact.supplier(),
                    contact.updatedAt(),
                    erased ? null : contact.rawJson(),
                    before == null ? null : before.lastApplied());
            var appliedNow = appliedAtOnce.test(read);
            if (appliedNow) {
                applied.add(new ReadContact(read, erased ? null : contact));
            }
            var values = new Object[] {
                read.name(),
                read.matchName(),
                read.matchEmail(),
                read.status(),
                read.mergedTo(),
                read.customer(),
                read.supplier(),
                utc(read.updatedAt()),
                read.rawJson(),
                utc(readAt),
                !appliedNow,
                appliedNow ? null : read.appliedJson(),
                tenantId,
                read.xeroContactId()
            };
            if (before == null) {
                var insert = new Object[values.length + 1];
                System.arraycopy(values, 0, insert, 0, values.length);
                insert[values.length] = practice.value();
                inserts.add(insert);
            } else {
                updates.add(values);
            }
        }
        if (!unchanged.isEmpty()) {
            // Seen again: a reconciliation counts the copies no read returned any more.
            var at = utc(readAt);
            batch.batchUpdate(
                    "update xero_contacts set read_at = ? where tenant_id = ? and xero_contact_id = ?",
                    byKey(tenantId, unchanged).stream()
                            .map(key -> new Object[] {at, key[0], key[1]})
                            .toList());
        }
        if (!updates.isEmpty()) {
            batch.batchUpdate("""
                    update xero_contacts set name = ?, match_name = ?, match_email = ?, status = ?, merged_to = ?,
                        customer = ?, supplier = ?, updated_at = ?, raw_json = ?, read_at = ?, pending = ?,
                        applied_json = ?
                    where tenant_id = ? and xero_contact_id = ?""", updates);
        }
        if (!inserts.isEmpty()) {
            batch.batchUpdate("""
                    insert into xero_contacts (name, match_name, match_email, status, merged_to, customer, supplier,
                        updated_at, raw_json, read_at, pending, applied_json, tenant_id, xero_contact_id, practice_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
        }
        return new StoredRead(inserts.size() + updates.size(), List.copyOf(applied));
    }

    /** A contact Kontor knows as it is in Xero and as applied to Kontor already (e.g. one it created). */
    public void rememberApplied(PracticeId practice, UUID tenantId, XeroContactSnapshot contact, Instant readAt) {
        store(practice, tenantId, List.of(contact), readAt);
        applied(tenantId, List.of(contact.contactId()));
    }

    /** The first {@code limit} of {@link #notReadSince(UUID, Instant)}, by name. */
    public List<StoredXeroContact> listNotReadSince(UUID tenantId, Instant since, int limit) {
        return jdbc.sql("""
                        select * from xero_contacts where tenant_id = ? and read_at < ?
                        order by match_name, xero_contact_id fetch first %d rows only""".formatted(limit))
                .params(tenantId, utc(since))
                .query(XeroContactRows::stored)
                .list();
    }

    /** Kontor's copies of this organisation's contacts that no read since {@code since} returned. */
    public int notReadSince(UUID tenantId, Instant since) {
        return jdbc.sql("select count(*) from xero_contacts where tenant_id = ? and read_at < ?")
                .params(tenantId, utc(since))
                .query(Integer.class)
                .single();
    }

    /** Every contact of the organisation is matched again by the next import. */
    public void markAllPending(UUID tenantId) {
        jdbc.sql("""
                        update xero_contacts set pending = true, applied_json = coalesce(applied_json, raw_json)
                        where tenant_id = ? and not pending""").param(tenantId).update();
    }

    public int pendingCount(UUID tenantId) {
        return jdbc.sql("select count(*) from xero_contacts where tenant_id = ? and pending")
                .param(tenantId)
                .query(Integer.class)
                .single();
    }

    /** The next contacts to apply to Kontor, oldest change first. */
    public List<StoredXeroContact> pending(UUID tenantId, int limit) {
        return jdbc.sql("""
                        select * from xero_contacts where tenant_id = ? and pending = true
                        order by tenant_id, pending, updated_at, xero_contact_id limit ?""")
                .params(tenantId, limit)
                .query(XeroContactRows::stored)
                .list();
    }

    /** Those of the given contacts that wait to be applied. */
    public List<StoredXeroContact> pendingAmong(UUID tenantId, Collection<UUID> xeroContactIds) {
        if (xeroContactIds.isEmpty()) {
            return List.of();
        }
        // By id alone (the key's first column), the tenant checked here: see V20261126_0910 and _1100.
        return jdbc
                .sql("""
                        select * from xero_contacts where xero_contact_id in (:ids) and pending
                        order by updated_at, xero_contact_id""")
                .param("ids", List.copyOf(xeroContactIds))
                .query((rs, row) -> tenantId.equals(rs.getObject("tenant_id", UUID.class)) ? stored(rs, row) : null)
                .list()
                .stream()
                .filter(Objects::nonNull)
                .toList();
    }

    public void applied(UUID tenantId, Collection<UUID> xeroContactIds) {
        if (xeroContactIds.isEmpty()) {
            return;
        }
        batch.batchUpdate(
                "update xero_contacts set pending = false, applied_json = null"
                        + " where tenant_id = ? and xero_contact_id = ?",
                byKey(tenantId, xeroContactIds));
    }

    /**
     * One row per key, for a batch of updates by primary key. Not "xero_contact_id in (...)": H2 uses
     * only the tenant part of the key for that and compares every contact of the organisation with the
     * list, which grows with the square of the organisation's size.
     */
    private static List<Object[]> byKey(UUID tenantId, Collection<UUID> xeroContactIds) {
        return xeroContactIds.stream().map(id -> new Object[] {tenantId, id}).toList();
    }

    public Optional<StoredXeroContact> find(PracticeId practice, UUID tenantId, UUID xeroContactId) {
        return jdbc.sql("select * from xero_contacts where practice_id = ? and tenant_id = ? and xero_contact_id = ?")
                .params(practice.value(), tenantId, xeroContactId)
                .query(XeroContactRows::stored)
                .optional();
    }

    /** A Xero contact that may make an automatic match unsafe: its keys, nothing else. */
    public record Rival(
            UUID xeroContactId, String matchName, @Nullable String matchEmail) {}

    /**
     * The organisation's Xero contacts with one of these normalised names or billing emails that are
     * not linked, merged away or erased: the rivals that make an automatic match unsafe (DESIGN §1
     * rule 3), for a whole batch at once.
     */
    public List<Rival> rivalsAmong(UUID tenantId, Collection<String> matchNames, Collection<String> matchEmails) {
        var rivals = new LinkedHashMap<UUID, Rival>();
        for (var key : List.of("match_name", "match_email")) {
            var values = key.equals("match_name") ? matchNames : matchEmails;
            if (values.isEmpty()) {
                continue;
            }
            // By the key alone (a single-column index, which H2 uses for "in" lists), the tenant checked
            // here: see V20261126_1010.
            jdbc
                    .sql("""
                            select x.tenant_id, x.xero_contact_id, x.match_name, x.match_email from xero_contacts x
                            where x.%s in (:values)
                              and x.merged_to is null and x.status <> 'GDPRREQUEST'
                              and not exists (select 1 from xero_links l
                                              where l.tenant_id = x.tenant_id and l.xero_contact_id = x.xero_contact_id)""".formatted(key))
                    .param("values", List.copyOf(values))
                    .query((rs, row) -> tenantId.equals(rs.getObject("tenant_id", UUID.class))
                            ? new Rival(
                                    rs.getObject("xero_contact_id", UUID.class),
                                    rs.getString("match_name"),
                                    rs.getString("match_email"))
                            : null)
                    .list()
                    .stream()
                    .filter(Objects::nonNull)
                    .forEach(rival -> rivals.put(rival.xeroContactId(), rival));
        }
        return List.copyOf(rivals.values());
    }

    /** What is stored of a contact, enough to tell whether a read brings anything new. */
    private record Stored(
            @Nullable Instant updatedAt,
            String status,
            @Nullable String rawJson,
            @Nullable String lastApplied) {

        /**
         * A later UpdatedDateUTC is news; so is the same one with other content, as Xero does not
         * promise to move the date for every change (a merge, IsCustomer: XERO-CONTRACT §1.3).
         */
        boolean isOlderThan(XeroContactSnapshot read) {
            if (updatedAt == null
                    || read.updatedAt() == null
                    || read.updatedAt().isAfter(updatedAt)) {
                return true;
            }
            if (read.updatedAt().isBefore(updatedAt)) {
                return false;
            }
            return read.isErasureRequested()
                    ? !XeroContactSnapshot.GDPR_REQUEST.equals(status)
                    : !read.rawJson().equals(rawJson);
        }
    }

    private static boolean newer(XeroContactSnapshot candidate, XeroContactSnapshot than) {
        return candidate.updatedAt() != null
                && (than.updatedAt() == null || !candidate.updatedAt().isBefore(than.updatedAt()));
    }

    private static StoredXeroContact stored(ResultSet rs, int row) throws SQLException {
        return new StoredXeroContact(
                rs.getObject("xero_contact_id", UUID.class),
                rs.getString("name"),
                rs.getString("match_name"),
                rs.getString("match_email"),
                rs.getString("status"),
                rs.getObject("merged_to", UUID.class),
                rs.getBoolean("customer"),
                rs.getBoolean("supplier"),
                instant(rs, "updated_at"),
                rs.getString("raw_json"),
                lastApplied(rs));
    }

    /** The contact as last applied to Kontor (see the class comment); null if it never was. */
    private static @Nullable String lastApplied(ResultSet rs) throws SQLException {
        var applied = rs.getString("applied_json");
        return applied != null || rs.getBoolean("pending") ? applied : rs.getString("raw_json");
    }
}
