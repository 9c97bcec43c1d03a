package app.kontor.xero;

import app.kontor.shared.PracticeId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The Accounting API of the practice's connected organisation. Calls are rate-budgeted, refresh the
 * token when Xero rejects it, and fail with {@link XeroConnectionException} subtypes: {@link
 * XeroRateLimitedException}, {@link XeroNeedsReconnectException}, {@link XeroApiException}.
 */
public interface XeroAccounting {

    /** Reads the organisation's name and ShortCode again, and keeps them on the connection. */
    XeroOrganisation organisation(PracticeId practice);

    /** Contacts, archived ones included, whose name, names or email contain {@code text} (Xero's searchTerm). */
    List<XeroContact> searchContacts(PracticeId practice, String text);

    /** One contact by its ContactID; empty when Xero has none. */
    Optional<XeroContact> findContact(PracticeId practice, UUID contactId);

    /** Contacts, archived ones included, with exactly this email address. */
    List<XeroContact> contactsWithEmail(PracticeId practice, String email);

    /** Xero's largest page, which the import and sync always ask for (XERO-CONTRACT §1.2). */
    int PAGE_SIZE = 1000;

    /**
     * One page of all contacts, archived ones included, oldest change first ({@code order=UpdatedDateUTC
     * ASC}, {@code pageSize} {@value #PAGE_SIZE}); with {@code modifiedSince}, only contacts changed since
     * that second. Waits for Xero's minute limit when the wait is short, else throws {@link
     * XeroRateLimitedException} with the time to try again.
     */
    XeroContactPage contactsPage(PracticeId practice, int page, @Nullable Instant modifiedSince);

    /** Xero's IDs filter is unreliable with more ids than this in one call (XERO-CONTRACT §1.2). */
    int IDS_PER_CALL = 50;

    /**
     * The contacts with these ContactIDs, archived ones included, at most {@value #IDS_PER_CALL} per
     * call; ids Xero does not know are left out. Waits for Xero's minute limit when the wait is short.
     */
    ContactsById contactsById(PracticeId practice, java.util.Collection<UUID> contactIds);

    /**
     * @param contacts the contacts Xero returned
     * @param calls the calls made for them
     * @param bytes the bodies' size, as downloaded
     */
    record ContactsById(List<XeroContactSnapshot> contacts, int calls, long bytes) {}

    /**
     * Creates one contact with {@code PUT /Contacts}, {@code summarizeErrors=false} and the given
     * Idempotency-Key, so a retry with the same key cannot create a second one.
     *
     * @throws XeroApiException with Xero's validation messages when it refused the contact
     */
    XeroContact createContact(PracticeId practice, NewXeroContact contact, String idempotencyKey);

    /**
     * Sends Kontor's values of the synced fields to an existing contact with {@code POST
     * /Contacts/{ContactID}} and the given Idempotency-Key. A value Kontor does not have is not sent,
     * so Xero keeps its own; Xero's other phones and addresses are sent back as they were, since Xero
     * applies the arrays it is sent (XERO-CONTRACT §1.5). Waits for Xero's minute limit when the wait
     * is short.
     *
     * @param current the contact as Kontor last read it, whose other phones and addresses are kept
     * @return the contact as Xero answered after the update
     * @throws XeroApiException with Xero's validation messages when it refused the values
     */
    XeroContactSnapshot updateContact(
            PracticeId practice, XeroContactSnapshot current, NewXeroContact values, String idempotencyKey);
}
