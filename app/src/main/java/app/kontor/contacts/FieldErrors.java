package app.kontor.contacts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Plain-words messages keyed by field path, in the order the fields appear. */
public final class FieldErrors {

    private final Map<String, String> messages = new LinkedHashMap<>();

    void add(String field, String message) {
        messages.putIfAbsent(field, message);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public Optional<String> of(String field) {
        return Optional.ofNullable(messages.get(field));
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(messages);
    }

    public static FieldErrors none() {
        return new FieldErrors();
    }
}
