package app.xerosim.accounting;

import app.xerosim.SimContact;
import app.xerosim.http.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serialised contacts, kept until the contact changes: a contact is an immutable snapshot, so the cached
 * bytes are valid while the stored instance is the same object. Paging through a large organisation then
 * costs a copy per contact instead of building and writing a JSON tree.
 */
final class ContactJsonCache {

    private record Entry(SimContact source, byte[] json) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    byte[] json(SimContact contact, boolean detail, Set<String> excluded) {
        String key = contact.contactId() + (detail ? "|d|" : "|p|") + (excluded.isEmpty() ? "" : excluded.hashCode());
        Entry entry = entries.get(key);
        if (entry == null || entry.source() != contact) {
            entry = new Entry(contact, Json.bytes(ContactJson.write(contact, detail, excluded)));
            entries.put(key, entry);
        }
        return entry.json();
    }

    /** The envelope (and pagination) followed by {@code "Contacts":[...]} built from cached bytes. */
    byte[] envelopeWithContacts(ObjectNode envelope, List<SimContact> contacts, boolean detail, Set<String> excluded) {
        byte[] head = Json.bytes(envelope);
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + contacts.size() * 800);
        // The envelope is a non-empty object: drop its closing brace and append the contacts array.
        out.write(head, 0, head.length - 1);
        out.writeBytes(",\"Contacts\":[".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < contacts.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(json(contacts.get(i), detail, excluded));
        }
        out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
