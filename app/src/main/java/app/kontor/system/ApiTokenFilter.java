package app.kontor.system;

import app.kontor.practice.ApiTokens;
import app.kontor.shared.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Authorization: Bearer kontor_…} on the API: the request acts as the token's owner, in their
 * practice and role. A token that is unknown, revoked or whose owner is deactivated is answered 401
 * at once, even if a session cookie came along, so a script never silently acts as someone else.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "bearer ";

    private final ApiTokens tokens;
    private final JsonMapper json;

    ApiTokenFilter(ApiTokens tokens, JsonMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    static boolean hasBearerToken(HttpServletRequest request) {
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.toLowerCase(Locale.ROOT).startsWith(BEARER);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearerToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        var presented = request.getHeader(HttpHeaders.AUTHORIZATION)
                .substring(BEARER.length())
                .strip();
        var owner = tokens.authenticate(presented);
        if (owner.isEmpty()) {
            SecurityContextHolder.clearContext();
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            Problems.write(
                    response,
                    json,
                    HttpStatus.UNAUTHORIZED,
                    ProblemTypes.UNAUTHENTICATED,
                    "The API token is not valid: it is unknown or revoked, or its user is deactivated.",
                    request);
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(owner.get()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
