package app.kontor.practice;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** Keeps the current session signed in after its user's own password change (other sessions end). */
public final class SignedInSessions {

    private static final HttpSessionSecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

    private SignedInSessions() {}

    /** Stores the user's new identity (with the new credentials version) in this request's session. */
    public static void keepSignedIn(KontorUserDetails now, HttpServletRequest request, HttpServletResponse response) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities());
        if (previous != null) {
            authentication.setDetails(previous.getDetails());
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            SESSIONS.saveContext(context, request, response);
        }
    }
}
