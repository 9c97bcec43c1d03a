package app.kontor.xerosync;

import app.kontor.shared.ContactId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A Xero contact that matched Kontor contacts only in part, or several of them, waiting for an
 * admin: {@code Confirm link} with one candidate, or {@code Create new}. Both sides' values of the
 * four synced fields are shown side by side.
 */
public record MatchReview(
        UUID id, UUID xeroContactId, String reason, Values xero, List<Candidate> candidates, Instant createdAt) {

    public MatchReview {
        candidates = List.copyOf(candidates);
    }

    /** Name, billing email, primary phone and billing address as one side shows them ("" when empty). */
    public record Values(String name, String billingEmail, String primaryPhone, String billingAddress) {}

    public record Candidate(ContactId contactId, Values kontor, boolean sameName, boolean sameEmail) {}
}
