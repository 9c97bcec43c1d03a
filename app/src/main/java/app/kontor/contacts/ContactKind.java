package app.kontor.contacts;

import java.util.Locale;
import java.util.Optional;

/** A contact is a person or an organisation; the label is what the UI shows. */
public enum ContactKind {
    PERSON("Person"),
    ORGANISATION("Organisation");

    private final String label;

    ContactKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<ContactKind> parse(String text) {
        for (var kind : values()) {
            if (kind.name().equalsIgnoreCase(text.strip()) || kind.label.equalsIgnoreCase(text.strip())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
