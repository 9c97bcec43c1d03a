package app.kontor.xerosync;

import app.kontor.contacts.ContactMatchKey;
import app.kontor.shared.ContactId;
import app.kontor.shared.ContactNames;
import app.kontor.xerosync.internal.ReviewRows.Candidate;
import app.kontor.xerosync.internal.XeroContactRows;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Kontor's contacts that matching may still link, by normalised name and by billing email (DESIGN
 * §1 rule 3). Built once per run from one read of the practice's contacts; a contact leaves it when
 * it is linked.
 */
final class MatchIndex {

    private final Map<String, List<ContactId>> byName = new HashMap<>();
    private final Map<String, List<ContactId>> byEmail = new HashMap<>();
    private final Map<ContactId, String[]> keys = new HashMap<>();

    private MatchIndex() {}

    static MatchIndex of(Collection<ContactMatchKey> contacts, Set<ContactId> unavailable) {
        var index = new MatchIndex();
        for (var contact : contacts) {
            if (unavailable.contains(contact.id())) {
                continue;
            }
            var name = ContactNames.normalise(contact.name());
            if (!name.isEmpty()) {
                index.byName.computeIfAbsent(name, key -> new ArrayList<>(1)).add(contact.id());
            }
            var email = XeroContactRows.matchEmail(contact.billingEmail());
            if (email != null) {
                index.byEmail.computeIfAbsent(email, key -> new ArrayList<>(1)).add(contact.id());
            }
            index.keys.put(contact.id(), new String[] {name, email});
        }
        return index;
    }

    /** Every Kontor contact with the same normalised name or the same billing email, strongest first. */
    List<Candidate> candidates(String matchName, @Nullable String matchEmail) {
        var found = new LinkedHashMap<ContactId, boolean[]>();
        if (!matchName.isEmpty()) {
            for (var id : byName.getOrDefault(matchName, List.of())) {
                found.computeIfAbsent(id, key -> new boolean[2])[0] = true;
            }
        }
        if (matchEmail != null) {
            for (var id : byEmail.getOrDefault(matchEmail, List.of())) {
                found.computeIfAbsent(id, key -> new boolean[2])[1] = true;
            }
        }
        return found.entrySet().stream()
                .map(entry -> new Candidate(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
                .sorted((a, b) -> Integer.compare(strength(b), strength(a)))
                .toList();
    }

    /** The contact is linked now: no later Xero contact may match it. */
    void remove(ContactId contact) {
        var removed = keys.remove(contact);
        if (removed != null) {
            byName.getOrDefault(removed[0], new ArrayList<>()).remove(contact);
            if (removed[1] != null) {
                byEmail.getOrDefault(removed[1], new ArrayList<>()).remove(contact);
            }
        }
    }

    private static int strength(Candidate candidate) {
        return (candidate.sameName() ? 2 : 0) + (candidate.sameEmail() ? 1 : 0);
    }
}
