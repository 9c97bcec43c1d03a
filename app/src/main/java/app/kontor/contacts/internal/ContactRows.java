package app.kontor.contacts.internal;

import app.kontor.contacts.Contact;
import app.kontor.contacts.ContactKind;
import app.kontor.contacts.ContactListItem;
import app.kontor.contacts.ContactSearch;
import app.kontor.contacts.EmailAddress;
import app.kontor.contacts.PhoneNumber;
import app.kontor.contacts.PostalAddress;
import app.kontor.shared.ContactId;
import app.kontor.shared.Page;
import app.kontor.shared.PracticeId;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores contacts and their details. Every statement is scoped to a practice: a contact of another
 * practice is indistinguishable from one that does not exist.
 *
 * <p>Every write here also keeps {@code contact_counts} exact (contacts per practice, kind and
 * archived), in the same transaction: the unfiltered list reads its total from there instead of
 * counting every contact (docs/decisions/0004-contact-list-at-scale.md). Any new statement that
 * inserts, deletes or changes the kind or archived flag of a contact must adjust it too.
 */
@Repository
public class ContactRows {

    private static final Pattern PHONE_LIKE = Pattern.compile("^[+()\\d\\s.-]+$");
    private static final Pattern NON_DIGITS = Pattern.compile("\\D");
    /** Up to this many matches, a search page sorts the matches rather than walking a sort index. */
    private static final int FEW_MATCHES = 5_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ContactRows(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public void insert(Contact contact) {
        insertAll(List.of(contact));
    }

    /** New contacts of one practice, written in JDBC batches (an import creates thousands). */
    public void insertAll(List<Contact> contacts) {
        if (contacts.isEmpty()) {
            return;
        }
        batch.batchUpdate(
                """
                insert into contacts (id, practice_id, kind, name, first_name, last_name, notes, archived,
                    search_text, sort_name, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                contacts.stream()
                        .map(contact -> new Object[] {
                            contact.id().value(),
                            contact.practiceId().value(),
                            contact.kind().name(),
                            contact.name(),
                            contact.firstName(),
                            contact.lastName(),
                            contact.notes(),
                            contact.archived(),
                            searchText(contact),
                            sortName(contact.name()),
                            utc(contact.createdAt()),
                            utc(contact.updatedAt()),
                            contact.version()
                        })
                        .toList());
        insertDetails(contacts);
        var counts = new TreeMap<CountKey, Integer>(CountKey.ORDER);
        contacts.forEach(
                contact -> counts.merge(new CountKey(contact.kind().name(), contact.archived()), 1, Integer::sum));
        var practice = contacts.getFirst().practiceId();
        counts.forEach((key, added) -> addToCount(practice, key.kind(), key.archived(), added));
    }

    /**
     * Writes {@code contact} (whose version is already the new one) if the stored row is still at
     * {@code expectedVersion}.
     *
     * @return false when the row changed meanwhile, or is gone; nothing is written then
     */
    public boolean update(Contact contact, long expectedVersion) {
        // The row as it is, locked until commit, so the counts move from what it really was.
        var before = jdbc.sql(
                        "select kind, archived from contacts where id = ? and practice_id = ? and version = ? for update")
                .params(contact.id().value(), contact.practiceId().value(), expectedVersion)
                .query((rs, row) -> new CountKey(rs.getString("kind"), rs.getBoolean("archived")))
                .optional();
        if (before.isEmpty()) {
            return false;
        }
        var updated = jdbc.sql("""
                        update contacts set kind = ?, name = ?, first_name = ?, last_name = ?, notes = ?, archived = ?,
                            search_text = ?, sort_name = ?, updated_at = ?, version = ?
                        where id = ? and practice_id = ? and version = ?""")
                .params(
                        contact.kind().name(),
                        contact.name(),
                        contact.firstName(),
                        contact.lastName(),
                        contact.notes(),
                        contact.archived(),
                        searchText(contact),
                        sortName(contact.name()),
                        utc(contact.updatedAt()),
                        contact.version(),
                        contact.id().value(),
                        contact.practiceId().value(),
                        expectedVersion)
                .update();
        if (updated == 0) {
            return false;
        }
        var after = new CountKey(contact.kind().name(), contact.archived());
        if (!after.equals(before.get())) {
            // Always the same order of the two counter rows, so two such changes cannot deadlock.
            var keys = new ArrayList<>(List.of(before.get(), after));
            keys.sort(CountKey.ORDER);
            for (var key : keys) {
                addToCount(contact.practiceId(), key.kind(), key.archived(), key.equals(after) ? 1 : -1);
            }
        }
        for (var table : List.of("contact_emails", "contact_phones", "contact_addresses")) {
            jdbc.sql("delete from " + table + " where contact_id = ?")
                    .param(contact.id().value())
                    .update();
        }
        insertDetails(List.of(contact));
        return true;
    }

    /** Locks the contact's row until the transaction ends, waiting for an edit under way; false: no such contact. */
    public boolean lock(PracticeId practice, ContactId id) {
        return jdbc.sql("select version from contacts where id = ? and practice_id = ? for update")
                .params(id.value(), practice.value())
                .query(Long.class)
                .optional()
                .isPresent();
    }

    public Optional<Contact> find(PracticeId practice, ContactId id) {
        return jdbc.sql("select * from contacts where id = ? and practice_id = ?")
                .params(id.value(), practice.value())
                .query((rs, row) -> new Contact(
                        new ContactId(rs.getObject("id", UUID.class)),
                        new PracticeId(rs.getObject("practice_id", UUID.class)),
                        ContactKind.valueOf(rs.getString("kind")),
                        rs.getString("name"),
                        rs.getString("first_name"),
                        rs.getString("last_name"),
                        List.of(),
                        List.of(),
                        List.of(),
                        rs.getString("notes"),
                        rs.getBoolean("archived"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                        rs.getLong("version")))
                .optional()
                .map(this::withDetails);
    }

    public Page<ContactListItem> search(PracticeId practice, ContactSearch search) {
        var where = new StringBuilder("c.practice_id = ?");
        var params = new ArrayList<Object>();
        params.add(practice.value());
        switch (search.status()) {
            case ACTIVE -> where.append(" and c.archived = false");
            case ARCHIVED -> where.append(" and c.archived = true");
            case ALL -> {}
        }
        if (search.kind() != null) {
            where.append(" and c.kind = ?");
            params.add(search.kind().name());
        }
        var text = search.text().strip().toLowerCase(Locale.ROOT);
        if (!text.isEmpty()) {
            var digits = NON_DIGITS.matcher(text).replaceAll("");
            var term = PHONE_LIKE.matcher(text).matches() && digits.length() >= 3 ? digits : text;
            where.append(" and c.search_text like ? escape '\\'");
            params.add("%" + likeEscaped(term) + "%");
        }
        // Without a search text the total is kept in contact_counts; with one, the trigram index
        // (PostgreSQL) finds the matching rows, and counting them is cheap unless the text is short.
        var total = text.isEmpty()
                ? countWithoutText(practice, search)
                : jdbc.sql("select count(*) from contacts c where " + where)
                        .params(params)
                        .query(Long.class)
                        .single();
        var order = switch (search.sort()) {
            case NAME -> "c.sort_name asc, c.id asc";
            case NAME_DESC -> "c.sort_name desc, c.id desc";
            case RECENTLY_UPDATED -> "c.updated_at desc, c.id desc";
        };
        if (total == 0 || search.page().offset() >= total) {
            return new Page<>(List.of(), search.page(), total);
        }
        // A search that matches few contacts: the matches first (through the trigram index on
        // PostgreSQL), then sorted. Otherwise PostgreSQL, which guesses that a substring matches far
        // more rows than it does, walks the sort index filtering row by row, and reads thousands of
        // rows to find 50. OFFSET 0 keeps it from merging the subquery into the outer one.
        var few = !text.isEmpty() && total <= FEW_MATCHES;
        var rows = few
                ? "(select c.id, c.sort_name, c.updated_at from contacts c where " + where + " offset 0) c"
                : "contacts c where " + where;
        // The same order, led by the columns the where clause fixes: H2 walks an index in order only
        // when the order by starts with the index's first columns (PostgreSQL drops them as constants).
        var descending = search.sort() != ContactSearch.Sort.NAME;
        var fixed = search.status() == ContactSearch.Status.ALL
                ? List.of("c.practice_id")
                : List.of("c.practice_id", "c.archived");
        var pageOrder = few
                ? order
                : fixed.stream()
                                .map(column -> column + (descending ? " desc, " : " asc, "))
                                .collect(Collectors.joining())
                        + order;
        var pageParams = new ArrayList<>(params);
        pageParams.add(search.page().size());
        pageParams.add(search.page().offset());
        // The page's ids first (a walk along an index, however deep the page), then the columns, the
        // billing email and the primary phone for those rows only, not for every row OFFSET skips.
        var items = jdbc.sql("""
                        select c.id, c.kind, c.name, c.archived, c.updated_at,
                            (select e.address from contact_emails e where e.contact_id = c.id and e.billing) as billing_email,
                            (select p.number from contact_phones p where p.contact_id = c.id and p.is_primary) as primary_phone
                        from (select c.id from %s
                            order by %s
                            limit ? offset ?) page
                        join contacts c on c.id = page.id
                        order by %s""".formatted(rows, pageOrder, order))
                .params(pageParams)
                .query((rs, row) -> {
                    var phone = rs.getString("primary_phone");
                    return new ContactListItem(
                            new ContactId(rs.getObject("id", UUID.class)),
                            ContactKind.valueOf(rs.getString("kind")),
                            rs.getString("name"),
                            rs.getString("billing_email"),
                            phone == null ? null : new PhoneNumber("", phone, true).display(),
                            rs.getBoolean("archived"),
                            rs.getObject("updated_at", OffsetDateTime.class).toInstant());
                })
                .list();
        return new Page<>(items, search.page(), total);
    }

    private long countWithoutText(PracticeId practice, ContactSearch search) {
        var sql = new StringBuilder("select coalesce(sum(contacts), 0) from contact_counts where practice_id = ?");
        var params = new ArrayList<Object>();
        params.add(practice.value());
        switch (search.status()) {
            case ACTIVE -> sql.append(" and archived = false");
            case ARCHIVED -> sql.append(" and archived = true");
            case ALL -> {}
        }
        if (search.kind() != null) {
            sql.append(" and kind = ?");
            params.add(search.kind().name());
        }
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    /** Adds {@code delta} to the practice's count of contacts of that kind and archived flag. */
    private void addToCount(PracticeId practice, String kind, boolean archived, int delta) {
        var update =
                "update contact_counts set contacts = contacts + ? where practice_id = ? and kind = ? and archived = ?";
        if (jdbc.sql(update).params(delta, practice.value(), kind, archived).update() > 0) {
            return;
        }
        // The practice's first contact of this kind: a row to count in. DO NOTHING, unlike a caught
        // duplicate key, leaves a PostgreSQL transaction usable when another one inserted it first.
        jdbc.sql("""
                        insert into contact_counts (practice_id, kind, archived, contacts) values (?, ?, ?, 0)
                        on conflict do nothing""").params(practice.value(), kind, archived).update();
        jdbc.sql(update).params(delta, practice.value(), kind, archived).update();
    }

    private record CountKey(String kind, boolean archived) {
        static final Comparator<CountKey> ORDER =
                Comparator.comparing(CountKey::kind).thenComparing(CountKey::archived);
    }

    private Contact withDetails(Contact contact) {
        var id = contact.id().value();
        var emails = jdbc.sql("select * from contact_emails where contact_id = ? order by position")
                .param(id)
                .query((rs, row) ->
                        new EmailAddress(rs.getString("label"), rs.getString("address"), rs.getBoolean("billing")))
                .list();
        var phones = jdbc.sql("select * from contact_phones where contact_id = ? order by position")
                .param(id)
                .query((rs, row) ->
                        new PhoneNumber(rs.getString("label"), rs.getString("number"), rs.getBoolean("is_primary")))
                .list();
        var addresses = jdbc.sql("select * from contact_addresses where contact_id = ? order by position")
                .param(id)
                .query((rs, row) -> new PostalAddress(
                        rs.getString("label"),
                        rs.getString("line1"),
                        rs.getString("line2"),
                        rs.getString("line3"),
                        rs.getString("line4"),
                        rs.getString("city"),
                        rs.getString("region"),
                        rs.getString("postal_code"),
                        rs.getString("country"),
                        rs.getString("attention_to"),
                        rs.getBoolean("billing")))
                .list();
        return contact.withDetails(emails, phones, addresses);
    }

    private void insertDetails(List<Contact> contacts) {
        var emails = new ArrayList<Object[]>();
        var phones = new ArrayList<Object[]>();
        var addresses = new ArrayList<Object[]>();
        for (var contact : contacts) {
            var id = contact.id().value();
            for (var i = 0; i < contact.emails().size(); i++) {
                var email = contact.emails().get(i);
                emails.add(new Object[] {id, i, email.label(), email.address(), email.billing()});
            }
            for (var i = 0; i < contact.phones().size(); i++) {
                var phone = contact.phones().get(i);
                phones.add(new Object[] {id, i, phone.label(), phone.e164(), phone.primary()});
            }
            for (var i = 0; i < contact.addresses().size(); i++) {
                var a = contact.addresses().get(i);
                addresses.add(new Object[] {
                    id,
                    i,
                    a.label(),
                    a.line1(),
                    a.line2(),
                    a.line3(),
                    a.line4(),
                    a.city(),
                    a.region(),
                    a.postalCode(),
                    a.country(),
                    a.attentionTo(),
                    a.billing()
                });
            }
        }
        if (!emails.isEmpty()) {
            batch.batchUpdate(
                    "insert into contact_emails (contact_id, position, label, address, billing) values (?, ?, ?, ?, ?)",
                    emails);
        }
        if (!phones.isEmpty()) {
            batch.batchUpdate(
                    "insert into contact_phones (contact_id, position, label, number, is_primary) values (?, ?, ?, ?, ?)",
                    phones);
        }
        if (!addresses.isEmpty()) {
            batch.batchUpdate("""
                    insert into contact_addresses (contact_id, position, label, line1, line2, line3, line4, city,
                        region, postal_code, country, attention_to, billing)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", addresses);
        }
    }

    /** Name, emails and every phone as digits (international and national), lower-cased. */
    static String searchText(Contact contact) {
        var parts = new ArrayList<String>();
        parts.add(contact.name());
        if (contact.firstName() != null) {
            parts.add(contact.firstName());
        }
        if (contact.lastName() != null) {
            parts.add(contact.lastName());
        }
        contact.emails().forEach(email -> parts.add(email.address()));
        var util = PhoneNumberUtil.getInstance();
        for (var phone : contact.phones()) {
            parts.add(NON_DIGITS.matcher(phone.e164()).replaceAll(""));
            try {
                var national = util.format(util.parse(phone.e164(), null), PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
                parts.add(NON_DIGITS.matcher(national).replaceAll(""));
            } catch (NumberParseException storedBeforeStricterRules) {
                // The international digits above still make it findable.
            }
        }
        var text = String.join(" ", parts).toLowerCase(Locale.ROOT);
        return text.length() > 8000 ? text.substring(0, 8000) : text;
    }

    private static String sortName(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String likeEscaped(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
