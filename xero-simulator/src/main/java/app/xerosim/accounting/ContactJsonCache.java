package app.xerosim.accounting;

import app.xerosim.SimContact;
import app.xerosim.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serialised contacts, kept until the contact changes: a contact is an immutable snapshot, so the cached
 * bytes are valid while the stored instance is the same object. Paging through a large organisation then
 * costs a copy per contact instead of building and writing a JSON tree.
 *
 * <p>Unfiltered lists are an organisation's cached sorted view, the same list instance until the next
 * change; for those the bytes are also kept by position in the view, so a page is assembled by index with no
 * lookup per contact. A changed view (a new instance) replaces the old one's entry.
 */
final class ContactJsonCache {

    /** Identifies one kind of unfiltered list of one organisation, as it is written. */
    record ViewKey(UUID tenantId, String orderKey, boolean includeArchived, boolean detail, Set<String> excluded) {}

    private record Key(UUID contactId, boolean detail, Set<String> excluded) {}

    private record Entry(SimContact source, byte[] json) {}

    /** The bytes of each contact of {@code source}, by position, filled as pages are asked for. */
    private record ViewJson(List<SimContact> source, AtomicReferenceArray<byte[]> json) {}

    private static final byte[] CONTACTS_OPEN = ",\"Contacts\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CONTACTS_CLOSE = "]}".getBytes(StandardCharsets.UTF_8);

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Map<ViewKey, ViewJson> views = new ConcurrentHashMap<>();

    byte[] json(SimContact contact, boolean detail, Set<String> excluded) {
        Key key = new Key(contact.contactId(), detail, excluded);
        Entry entry = entries.get(key);
        if (entry == null || entry.source() != contact) {
            entry = new Entry(contact, Json.bytes(ContactJson.write(contact, detail, excluded)));
            entries.put(key, entry);
        }
        return entry.json();
    }

    /**
     * The envelope (and pagination) followed by {@code "Contacts":[...]} with {@code contacts[from, to)},
     * built from cached bytes. {@code view} names {@code contacts} when it is an organisation's cached sorted
     * view, {@code null} for a list made for this request.
     */
    byte[] envelopeWithContacts(
            ObjectNode envelope,
            @Nullable ViewKey view,
            List<SimContact> contacts,
            int from,
            int to,
            boolean detail,
            Set<String> excluded) {
        byte[][] parts = new byte[to - from][];
        AtomicReferenceArray<byte[]> byPosition = view == null ? null : positions(view, contacts);
        long length = 0;
        for (int i = from; i < to; i++) {
            byte[] part = byPosition == null ? null : byPosition.get(i);
            if (part == null) {
                part = json(contacts.get(i), detail, excluded);
                if (byPosition != null) {
                    byPosition.set(i, part);
                }
            }
            parts[i - from] = part;
            length += part.length + 1;
        }
        byte[] head = Json.bytes(envelope);
        // The envelope is a non-empty object: drop its closing brace and append the contacts array.
        length += head.length - 1 + CONTACTS_OPEN.length + CONTACTS_CLOSE.length;
        byte[] out = new byte[Math.toIntExact(length - (parts.length > 0 ? 1 : 0))];
        int at = copy(head, 0, head.length - 1, out, 0);
        at = copy(CONTACTS_OPEN, 0, CONTACTS_OPEN.length, out, at);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out[at++] = ',';
            }
            at = copy(parts[i], 0, parts[i].length, out, at);
        }
        copy(CONTACTS_CLOSE, 0, CONTACTS_CLOSE.length, out, at);
        return out;
    }

    private AtomicReferenceArray<byte[]> positions(ViewKey view, List<SimContact> contacts) {
        ViewJson cached = views.get(view);
        if (cached == null || cached.source() != contacts) {
            cached = new ViewJson(contacts, new AtomicReferenceArray<>(contacts.size()));
            views.put(view, cached);
        }
        return cached.json();
    }

    private static int copy(byte[] from, int offset, int length, byte[] to, int at) {
        System.arraycopy(from, offset, to, at, length);
        return at + length;
    }
}
