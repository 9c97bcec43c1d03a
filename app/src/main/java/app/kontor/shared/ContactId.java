package app.kontor.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies a Kontor contact. */
public record ContactId(UUID value) implements Serializable {

    public ContactId {
        Objects.requireNonNull(value, "value");
    }

    public static ContactId random() {
        return new ContactId(TimeOrderedIds.next());
    }

    /** Parses an id from a URL segment; anything that is not a UUID is simply not an id. */
    public static Optional<ContactId> parse(String text) {
        try {
            return Optional.of(new ContactId(UUID.fromString(text)));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
