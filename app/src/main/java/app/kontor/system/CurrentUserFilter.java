package app.kontor.system;

import app.kontor.practice.KontorUserDetails;
import app.kontor.practice.Practices;
import app.kontor.shared.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a session's user against the database on every request, so an admin's change applies at
 * once on every server: a deactivated user, or one whose password changed since this sign-in, is
 * signed out; a changed role or name is used from this request on. A user who signed in with a
 * one-time password can only choose their own until they have.
 */
final class CurrentUserFilter extends OncePerRequestFilter {

    static final String ACCOUNT_PAGE = "/settings/account";
    static final String ENDED_URL = "/login?ended";

    /** What a user with a one-time password may still reach (beside static files). */
    private static final List<String> WHILE_CHANGING_PASSWORD =
            List.of(ACCOUNT_PAGE, ACCOUNT_PAGE + "/password", "/logout", "/api/v1/account", "/api/v1/account/password");

    private static final List<String> STATIC_PREFIXES =
            List.of("/css/", "/js/", "/webjars/", "/favicon", "/error", "/problems");

    private final Practices practices;
    private final JsonMapper json;
    private final boolean api;

    CurrentUserFilter(Practices practices, JsonMapper json, boolean api) {
        this.practices = practices;
        this.json = json;
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (authentication instanceof ApiTokenAuthentication
                || authentication == null
                || !(authentication.getPrincipal() instanceof KontorUserDetails signedIn)
                || STATIC_PREFIXES.stream().anyMatch(path::startsWith)) {
            chain.doFilter(request, response);
            return;
        }
        var current = practices.refresh(signedIn);
        if (current.isEmpty()) {
            SecurityContextHolder.clearContext();
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            if (api) {
                Problems.write(
                        response,
                        json,
                        HttpStatus.UNAUTHORIZED,
                        ProblemTypes.UNAUTHENTICATED,
                        "Your session has ended: your account was deactivated or its password changed. Sign in again.",
                        request);
            } else {
                response.sendRedirect(request.getContextPath() + ENDED_URL);
            }
            return;
        }
        var now = current.get();
        if (!Objects.equals(now.user(), signedIn.user())) {
            var refreshed = UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities());
            refreshed.setDetails(authentication.getDetails());
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(refreshed);
            SecurityContextHolder.setContext(context);
        }
        if (now.mustChangePassword() && !WHILE_CHANGING_PASSWORD.contains(path)) {
            if (api) {
                Problems.write(
                        response,
                        json,
                        HttpStatus.FORBIDDEN,
                        ProblemTypes.FORBIDDEN,
                        "You signed in with a one-time password: choose your own first (PUT /api/v1/account/password).",
                        request);
            } else {
                response.sendRedirect(request.getContextPath() + ACCOUNT_PAGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
