package app.kontor.xerolink;

import app.kontor.shared.ContactId;
import app.kontor.shared.PracticeId;
import app.kontor.xero.NewXeroContact;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user linked a Kontor contact to a Xero contact from the Xero Client section (Create Contact,
 * {@code Link to…}, {@code Link existing…}); published in the linking transaction.
 *
 * @param created what Create Contact sent, which is what the new Xero contact holds; null for a link
 *     to a contact Xero had already
 */
public record XeroContactLinked(
        PracticeId practiceId,
        ContactId contactId,
        UUID tenantId,
        UUID xeroContactId,
        @Nullable NewXeroContact created) {}
