package app.kontor.system;

import app.kontor.practice.KontorUserDetails;
import java.io.Serial;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request authenticated by a personal API token: it acts as the token's owner. Never stored in a session. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final KontorUserDetails owner;

    ApiTokenAuthentication(KontorUserDetails owner) {
        super(owner.getAuthorities());
        this.owner = owner;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public KontorUserDetails getPrincipal() {
        return owner;
    }
}
