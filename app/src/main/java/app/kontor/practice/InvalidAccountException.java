package app.kontor.practice;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Input for a user or a password that cannot be accepted; nothing was changed. */
public final class InvalidAccountException extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidAccountException(Map<String, String> errors) {
        super("Invalid values: " + errors.keySet());
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public static InvalidAccountException of(String field, String message) {
        return new InvalidAccountException(Map.of(field, message));
    }

    /** Field name to a message in plain words, in the order of the form. */
    public Map<String, String> errors() {
        return errors;
    }
}
