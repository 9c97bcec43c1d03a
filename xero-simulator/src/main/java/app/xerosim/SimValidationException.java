package app.xerosim;

import java.util.List;

/** A change Xero would refuse, with Xero's validation messages. */
public final class SimValidationException extends IllegalArgumentException {

    private final List<String> messages;

    public SimValidationException(List<String> messages) {
        super(String.join(" ", messages));
        this.messages = List.copyOf(messages);
    }

    public List<String> messages() {
        return messages;
    }
}
