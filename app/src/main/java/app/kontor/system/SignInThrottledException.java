package app.kontor.system;

import java.io.Serial;
import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for the account or from the address; the password was not even checked. */
final class SignInThrottledException extends AuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long minutes;

    SignInThrottledException(long minutes) {
        super("Too many sign-in attempts. Try again in " + minutes + (minutes == 1 ? " minute." : " minutes."));
        this.minutes = minutes;
    }

    long minutes() {
        return minutes;
    }
}
