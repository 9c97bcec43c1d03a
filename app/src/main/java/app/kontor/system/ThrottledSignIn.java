package app.kontor.system;

import app.kontor.practice.SignInThrottle;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Form sign-in with {@link SignInThrottle} around the password check: a throttled attempt is refused
 * before the password is looked at (and is not counted again), a failure is counted for the account
 * and the address, a success clears the account's count.
 */
final class ThrottledSignIn implements AuthenticationProvider {

    private static final long SECONDS_PER_MINUTE = 60;

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottledSignIn(AuthenticationProvider passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        var email = attempt.getName();
        var address =
                attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                        ? details.getRemoteAddress()
                        : "unknown";
        var wait = throttle.blockedFor(email, address);
        if (wait.isPresent()) {
            var seconds = Math.max(1, wait.get().toSeconds());
            throw new SignInThrottledException((seconds + SECONDS_PER_MINUTE - 1) / SECONDS_PER_MINUTE);
        }
        try {
            var signedIn = passwords.authenticate(attempt);
            throttle.recordSuccess(email);
            return signedIn;
        } catch (AuthenticationException failed) {
            throttle.recordFailure(email, address);
            throw failed;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
