package app.kontor.contacts;

import app.kontor.shared.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * What a contact list asks for.
 *
 * @param text matched against name, emails and phone numbers; blank matches everything
 * @param kind only people or only organisations; null for both
 */
public record ContactSearch(String text, @Nullable ContactKind kind, Status status, Sort sort, PageRequest page) {

    public static final int PAGE_SIZE = 50;

    public enum Status {
        ACTIVE,
        ARCHIVED,
        ALL
    }

    public enum Sort {
        NAME("Name A–Z"),
        NAME_DESC("Name Z–A"),
        RECENTLY_UPDATED("Recently updated");

        private final String label;

        Sort(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static ContactSearch firstPage() {
        return new ContactSearch("", null, Status.ACTIVE, Sort.NAME, new PageRequest(1, PAGE_SIZE));
    }
}
