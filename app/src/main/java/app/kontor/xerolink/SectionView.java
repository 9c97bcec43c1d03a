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
        boolean syncPaused,
        boolean admin,
        Preview preview,
        @Nullable XeroLink link,
        @Nullable String viewInXeroUrl,
        List<LinkEvent> history,
        List<XeroContact> candidates,
        String message,
        List<String> details,
        String csrfParameter,
        String csrfToken,
        @Nullable Long retryAfterSeconds) {

    public enum State {
        NOT_CONNECTED,
        UNLINKED,
        CREATING,
        QUEUED,
        BUSY,
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

    /** While Xero is still to answer, the section polls for its new state. */
    public boolean isWaiting() {
        return state == State.CREATING || state == State.QUEUED;
    }

    /** Xero's messages about one of the four values: {@code name}, {@code email}, {@code phone}, {@code address}. */
    public List<String> messagesAbout(String value) {
        return details.stream().filter(message -> concerns(message, value)).toList();
    }

    /** Xero's messages that concern none of the four values. */
    public List<String> otherMessages() {
        return details.stream()
                .filter(message -> List.of("name", "email", "phone", "address").stream()
                        .noneMatch(value -> concerns(message, value)))
                .toList();
    }

    private static boolean concerns(String message, String value) {
        var text = message.toLowerCase(java.util.Locale.ROOT);
        return switch (value) {
            case "email" -> text.contains("email");
            case "phone" -> text.contains("phone");
            case "address" ->
                !text.contains("email") && text.contains("address")
                        || text.contains("city")
                        || text.contains("postal")
                        || text.contains("country")
                        || text.contains("region")
                        || text.contains("attention");
            default -> text.contains("name") && !text.contains("email");
        };
    }

    public boolean offersCreate() {
        return state == State.UNLINKED || state == State.FAILED || state == State.BUSY || state == State.SEARCH_RESULTS;
    }
}
