package app.kontor.practice;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Spring Security's view of a staff user. Controllers take the {@link SignedInUser} through {@code
 * @AuthenticationPrincipal(expression = "user")}. Serializable because sessions live in the database.
 */
public final class KontorUserDetails implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final SignedInUser user;
    private final boolean active;
    private final int credentialsVersion;
    private final boolean mustChangePassword;
    private @Nullable String passwordHash;

    KontorUserDetails(
            SignedInUser user,
            @Nullable String passwordHash,
            boolean active,
            int credentialsVersion,
            boolean mustChangePassword) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.active = active;
        this.credentialsVersion = credentialsVersion;
        this.mustChangePassword = mustChangePassword;
    }

    public SignedInUser user() {
        return user;
    }

    /**
     * Which password this sign-in was made with; a session whose version is older than the user's
     * current one ended when the password changed (see {@link Practices#refresh}).
     */
    public int credentialsVersion() {
        return credentialsVersion;
    }

    /** Signed in with a one-time password: the user must choose their own before anything else. */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(user.role().authority()));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.email();
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
