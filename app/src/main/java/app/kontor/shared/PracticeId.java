package app.kontor.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies a practice, the tenant every row belongs to. */
public record PracticeId(UUID value) implements Serializable {

    public PracticeId {
        Objects.requireNonNull(value, "value");
    }

    public static PracticeId random() {
        return new PracticeId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
