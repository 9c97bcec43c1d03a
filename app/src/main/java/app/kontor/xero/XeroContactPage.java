package app.kontor.xero;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of {@code GET /Contacts} in ascending {@code UpdatedDateUTC} order.
 *
 * @param itemCount how many contacts the whole listing holds, when Xero said so
 * @param bytes the size of the body Xero sent, for the sync log (Xero bills apps by data downloaded)
 */
public record XeroContactPage(
        List<XeroContactSnapshot> contacts,
        int page,
        int pageSize,
        @Nullable Integer itemCount,
        long bytes) {

    public XeroContactPage {
        contacts = List.copyOf(contacts);
    }

    /** A page with fewer contacts than asked for is the last one. */
    public boolean isLast() {
        return contacts.size() < pageSize;
    }
}
