package app.kontor.xerolink;

import app.kontor.xero.ConnectionStatus;
import app.kontor.xero.XeroContact;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the {@code Xero Client} section shows, in one of its states: not connected, unlinked
 * (with the preview of what Create Contact sends), a decision Xero's data calls for, linked, or a
 * failure in plain words.
 */
public record SectionView(
        String contactId,
        State state,
        ConnectionStatus connectionStatus,
        String organisation,
        boolean admin,
        Preview preview,
        @Nullable XeroLink link,
        @Nullable String viewInXeroUrl,
        List<LinkEvent> history,
        List<XeroContact> candidates,
        String message,
        List<String> details,
        String csrfParameter,
        String csrfToken) {

    public enum State {
        NOT_CONNECTED,
        UNLINKED,
        CREATING,
        SAME_NAME_UNLINKED,
        SAME_NAME_LINKED_ELSEWHERE,
        CANDIDATES,
        SEARCH_RESULTS,
        LINKED,
        FAILED
    }

    /** The four values Create Contact sends; null where the contact has none. */
    public record Preview(
            String name,
            @Nullable String billingEmail,
            @Nullable String primaryPhone,
            @Nullable String billingAddress) {}

    public boolean offersCreate() {
        return state == State.UNLINKED || state == State.FAILED || state == State.SEARCH_RESULTS;
    }
}
