package app.xerosim.identity;

import static app.xerosim.http.Html.esc;

import app.xerosim.http.Html;
import app.xerosim.http.Json;
import app.xerosim.http.QueryStrings;
import app.xerosim.http.Router;
import app.xerosim.http.SimRequest;
import app.xerosim.http.SimResponse;
import app.xerosim.http.XeroErrors;
import app.xerosim.state.AuthCode;
import app.xerosim.state.Connection;
import app.xerosim.state.Grant;
import app.xerosim.state.OrgBook;
import app.xerosim.state.RefreshToken;
import app.xerosim.state.RegisteredApp;
import app.xerosim.state.SimState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Xero's identity endpoints under the simulator's base URL: the authorize (consent) page, token,
 * revocation, JWKS, discovery, and the connections API.
 */
public final class IdentityEndpoints {

    public static final String AUTHORIZE = "/identity/connect/authorize";
    public static final String TOKEN = "/connect/token";
    public static final String REVOCATION = "/connect/revocation";
    public static final String JWKS = "/.well-known/openid-configuration/jwks";
    public static final String DISCOVERY = "/.well-known/openid-configuration";

    private static final DateTimeFormatter CONNECTION_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS");

    private final Simulation sim;
    private final SimState state;

    public IdentityEndpoints(Simulation sim) {
        this.sim = sim;
        this.state = sim.state();
    }

    public void register(Router router) {
        router.add("GET", AUTHORIZE, this::authorizePage)
                .add("POST", AUTHORIZE, this::consent)
                .add("POST", TOKEN, this::token)
                .add("POST", REVOCATION, this::revoke)
                .add("GET", JWKS, r -> SimResponse.json(200, sim.tokens().jwks()))
                .add("GET", DISCOVERY, r -> discovery())
                .add("GET", "/connections", this::connections)
                .add("DELETE", "/connections/{id}", this::deleteConnection);
    }

    // ---- authorize and consent -------------------------------------------------------------------

    private record AuthorizeRequest(
            String clientId,
            String redirectUri,
            String responseType,
            String scope,
            @Nullable String state,
            @Nullable String nonce,
            @Nullable String codeChallenge,
            @Nullable String codeChallengeMethod) {

        static AuthorizeRequest from(Map<String, List<String>> params) {
            return new AuthorizeRequest(
                    first(params, "client_id", ""),
                    first(params, "redirect_uri", ""),
                    first(params, "response_type", ""),
                    first(params, "scope", ""),
                    optional(params, "state"),
                    optional(params, "nonce"),
                    optional(params, "code_challenge"),
                    optional(params, "code_challenge_method"));
        }

        List<String> scopes() {
            return Arrays.stream(scope.trim().split("\\s+"))
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
    }

    private SimResponse authorizePage(SimRequest request) {
        return authorize(AuthorizeRequest.from(request.query()), null);
    }

    private SimResponse authorize(AuthorizeRequest auth, @Nullable String problem) {
        RegisteredApp app = state.read(() -> state.apps().get(auth.clientId()));
        if (app == null) {
            return errorPage("Unknown app", "No app is registered with client id " + auth.clientId() + ".");
        }
        if (!app.redirectUris().contains(auth.redirectUri())) {
            return errorPage(
                    "Invalid redirect URI",
                    "The redirect URI " + auth.redirectUri() + " is not registered for " + app.name() + ".");
        }
        if (!auth.responseType().equals("code")) {
            return redirectError(auth, "unsupported_response_type");
        }
        if (auth.scopes().isEmpty()) {
            return redirectError(auth, "invalid_scope");
        }
        if (auth.codeChallenge() != null && !"S256".equals(auth.codeChallengeMethod())) {
            return redirectError(auth, "invalid_request");
        }
        return SimResponse.html(problem == null ? 200 : 400, consentPage(app, auth, problem));
    }

    private String consentPage(RegisteredApp app, AuthorizeRequest auth, @Nullable String problem) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(esc(app.name())).append(" wants to access your Xero data</h1>");
        body.append("<p>Signed in as ")
                .append(esc(state.read(() -> state.user().email())))
                .append("</p>");
        if (problem != null) {
            body.append("<p class=\"error\" role=\"alert\">")
                    .append(esc(problem))
                    .append("</p>");
        }
        body.append("<h2>Requested permissions</h2><ul>");
        auth.scopes().forEach(s -> body.append("<li>").append(esc(s)).append("</li>"));
        body.append("</ul>");
        body.append("<form method=\"post\" action=\"").append(AUTHORIZE).append("\">");
        hidden(body, "client_id", auth.clientId());
        hidden(body, "redirect_uri", auth.redirectUri());
        hidden(body, "response_type", auth.responseType());
        hidden(body, "scope", auth.scope());
        hidden(body, "state", auth.state());
        hidden(body, "nonce", auth.nonce());
        hidden(body, "code_challenge", auth.codeChallenge());
        hidden(body, "code_challenge_method", auth.codeChallengeMethod());
        List<OrgBook> orgs = state.read(() -> List.copyOf(state.organisations().values()));
        body.append("<fieldset><legend>Select the organisations to connect</legend>");
        for (OrgBook org : orgs) {
            String id = org.info().tenantId().toString();
            body.append("<label><input type=\"checkbox\" name=\"tenant\" value=\"")
                    .append(esc(id))
                    .append('"')
                    .append(orgs.size() == 1 ? " checked" : "")
                    .append("> ")
                    .append(esc(org.info().name()))
                    .append("</label>");
        }
        if (orgs.isEmpty()) {
            body.append("<p class=\"muted\">There are no organisations in this simulator.</p>");
        }
        body.append("</fieldset>");
        body.append("<button type=\"submit\" name=\"decision\" value=\"allow\">Allow access</button>");
        body.append("<button type=\"submit\" name=\"decision\" value=\"deny\">Cancel</button>");
        body.append("</form>");
        return Html.page("Allow access", body.toString());
    }

    private static void hidden(StringBuilder body, String name, @Nullable String value) {
        if (value != null) {
            body.append("<input type=\"hidden\" name=\"")
                    .append(name)
                    .append("\" value=\"")
                    .append(esc(value))
                    .append("\">");
        }
    }

    /**
     * Answers an authorize URL as the user would on the consent page, without HTTP: the query's parameters
     * plus the chosen organisations and decision. Returns the redirect the page would send (the app's
     * callback with {@code code} and {@code state}, or {@code error=access_denied}), or the page itself
     * when it would not redirect (unknown client or redirect URI, no organisation chosen).
     */
    public SimResponse decide(String authorizeQuery, List<UUID> tenants, boolean allow) {
        Map<String, List<String>> form = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        form.putAll(QueryStrings.parse(authorizeQuery));
        form.put("tenant", tenants.stream().map(UUID::toString).toList());
        form.put("decision", List.of(allow ? "allow" : "deny"));
        return consent(form);
    }

    private SimResponse consent(SimRequest request) {
        return consent(request.form());
    }

    private SimResponse consent(Map<String, List<String>> form) {
        AuthorizeRequest auth = AuthorizeRequest.from(form);
        SimResponse invalid = authorize(auth, null);
        if (invalid.status() != 200) {
            return invalid;
        }
        if (!"allow".equals(first(form, "decision", ""))) {
            return redirectError(auth, "access_denied");
        }
        List<UUID> tenants = new ArrayList<>();
        for (String tenant : form.getOrDefault("tenant", List.of())) {
            try {
                tenants.add(UUID.fromString(tenant));
            } catch (IllegalArgumentException e) {
                return authorize(auth, "Unknown organisation " + tenant + ".");
            }
        }
        boolean needsOrganisation = auth.scopes().stream()
                .anyMatch(s -> s.startsWith("accounting.")
                        || s.startsWith("payroll.")
                        || s.startsWith("assets")
                        || s.startsWith("projects")
                        || s.startsWith("files"));
        if (needsOrganisation && tenants.isEmpty()) {
            return authorize(auth, "Select at least one organisation.");
        }
        Instant now = sim.clock().instant();
        String code = state.write(() -> {
            for (UUID tenant : tenants) {
                if (state.organisation(tenant) == null) {
                    return null;
                }
            }
            Grant grant = new Grant(
                    SimState.randomToken(16),
                    auth.clientId(),
                    auth.scopes(),
                    UUID.randomUUID(),
                    now,
                    SimState.randomToken(16),
                    false,
                    false);
            state.grants().put(grant.grantId(), grant);
            for (UUID tenant : tenants) {
                connect(grant, tenant, now);
            }
            AuthCode authCode = new AuthCode(
                    SimState.randomToken(24),
                    grant.grantId(),
                    auth.redirectUri(),
                    auth.nonce(),
                    auth.codeChallenge(),
                    auth.codeChallengeMethod(),
                    now.plus(sim.settings().authorizationCodeLifetime()),
                    false);
            state.codes().put(authCode.code(), authCode);
            return authCode.code();
        });
        if (code == null) {
            return authorize(auth, "Unknown organisation.");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        params.put("scope", auth.scope());
        if (auth.state() != null) {
            params.put("state", auth.state());
        }
        return SimResponse.redirect(withQuery(auth.redirectUri(), params));
    }

    /** Reconnecting keeps the connection's id and creation date; the newest consent's event id wins. */
    private void connect(Grant grant, UUID tenant, Instant now) {
        Connection existing = state.connections().values().stream()
                .filter(c ->
                        c.clientId().equals(grant.clientId()) && c.tenantId().equals(tenant))
                .findFirst()
                .orElse(null);
        Connection connection = existing == null
                ? new Connection(UUID.randomUUID(), grant.clientId(), tenant, grant.authEventId(), now, now)
                : new Connection(
                        existing.id(),
                        existing.clientId(),
                        tenant,
                        grant.authEventId(),
                        existing.createdDateUtc(),
                        now);
        state.connections().put(connection.id(), connection);
    }

    private static SimResponse redirectError(AuthorizeRequest auth, String error) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        if (auth.state() != null) {
            params.put("state", auth.state());
        }
        return SimResponse.redirect(withQuery(auth.redirectUri(), params));
    }

    private static SimResponse errorPage(String title, String message) {
        return SimResponse.html(400, Html.page(title, "<h1>" + esc(title) + "</h1><p>" + esc(message) + "</p>"));
    }

    private static String withQuery(String uri, Map<String, String> params) {
        StringBuilder out = new StringBuilder(uri);
        char separator = uri.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            out.append(separator)
                    .append(QueryStrings.encode(e.getKey()))
                    .append('=')
                    .append(QueryStrings.encode(e.getValue()));
            separator = '&';
        }
        return out.toString();
    }

    // ---- token ------------------------------------------------------------------------------------

    private record ClientAuth(RegisteredApp app, boolean secretVerified) {}

    private @Nullable ClientAuth authenticateClient(SimRequest request, Map<String, List<String>> form) {
        String clientId;
        String secret;
        String header = request.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(
                        Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            // RFC 6749 §2.3.1: id and secret are form-encoded before Base64 (Spring Security does so).
            clientId = first(QueryStrings.parse("x=" + decoded.substring(0, colon)), "x", "");
            secret = first(QueryStrings.parse("x=" + decoded.substring(colon + 1)), "x", "");
        } else {
            clientId = first(form, "client_id", "");
            secret = optional(form, "client_secret");
        }
        RegisteredApp app = state.read(() -> state.apps().get(clientId));
        if (app == null) {
            return null;
        }
        if (secret == null) {
            return new ClientAuth(app, false);
        }
        boolean matches = MessageDigest.isEqual(
                secret.getBytes(StandardCharsets.UTF_8), app.clientSecret().getBytes(StandardCharsets.UTF_8));
        return matches ? new ClientAuth(app, true) : null;
    }

    private SimResponse token(SimRequest request) {
        Map<String, List<String>> form = request.form();
        ClientAuth client = authenticateClient(request, form);
        if (client == null) {
            return oauthError(401, "invalid_client");
        }
        return switch (first(form, "grant_type", "")) {
            case "authorization_code" -> exchangeCode(client, form);
            case "refresh_token" -> refresh(client, form);
            default -> oauthError(400, "unsupported_grant_type");
        };
    }

    private SimResponse exchangeCode(ClientAuth client, Map<String, List<String>> form) {
        String code = first(form, "code", "");
        String redirectUri = first(form, "redirect_uri", "");
        String verifier = optional(form, "code_verifier");
        Instant now = sim.clock().instant();
        return state.write(() -> {
            AuthCode authCode = state.codes().get(code);
            if (authCode == null || authCode.used() || !now.isBefore(authCode.expiresAt())) {
                return oauthError(400, "invalid_grant");
            }
            Grant grant = state.grants().get(authCode.grantId());
            if (grant == null
                    || grant.revoked()
                    || !grant.clientId().equals(client.app().clientId())) {
                return oauthError(400, "invalid_grant");
            }
            if (!authCode.redirectUri().equals(redirectUri)) {
                return oauthError(400, "invalid_grant");
            }
            if (authCode.codeChallenge() != null) {
                if (verifier == null || !s256(verifier).equals(authCode.codeChallenge())) {
                    return oauthError(400, "invalid_grant");
                }
            } else if (!client.secretVerified()) {
                return oauthError(401, "invalid_client");
            }
            state.codes().put(code, authCode.markUsed());
            if (!client.secretVerified()) {
                // Exchanged by PKCE alone: a public client, whose refreshes need no secret either.
                grant = grant.asPublicClient();
                state.grants().put(grant.grantId(), grant);
            }
            return tokenResponse(grant, authCode.nonce(), now);
        });
    }

    private SimResponse refresh(ClientAuth client, Map<String, List<String>> form) {
        String presented = first(form, "refresh_token", "");
        Instant now = sim.clock().instant();
        return state.write(() -> {
            RefreshToken token = state.refreshTokens().get(presented);
            if (token == null) {
                return oauthError(400, "invalid_grant");
            }
            Grant grant = state.grants().get(token.grantId());
            if (grant == null
                    || grant.revoked()
                    || !grant.clientId().equals(client.app().clientId())) {
                return oauthError(400, "invalid_grant");
            }
            if (!client.secretVerified() && !grant.publicClient()) {
                return oauthError(401, "invalid_client");
            }
            boolean idleExpired =
                    !now.isBefore(token.issuedAt().plus(sim.settings().refreshTokenIdleExpiry()));
            boolean graceOver = token.rotatedAt() != null
                    && !now.isBefore(token.rotatedAt().plus(sim.settings().refreshTokenGrace()));
            if (idleExpired || graceOver) {
                return oauthError(400, "invalid_grant");
            }
            state.refreshTokens().put(presented, token.rotated(now));
            return tokenResponse(grant, null, now);
        });
    }

    /** Called with the lock held. */
    private SimResponse tokenResponse(Grant grant, @Nullable String nonce, Instant now) {
        ObjectNode body = Json.object();
        if (grant.scopes().contains("openid")) {
            body.put("id_token", sim.tokens().idToken(grant, state.user(), nonce, now));
        }
        body.put(
                "access_token",
                sim.tokens()
                        .accessToken(grant, state.user(), now, sim.settings().accessTokenLifetime()));
        body.put("expires_in", sim.settings().accessTokenLifetime().toSeconds());
        body.put("token_type", "Bearer");
        if (grant.scopes().contains("offline_access")) {
            RefreshToken refresh = new RefreshToken(SimState.randomToken(32), grant.grantId(), now, null);
            state.refreshTokens().put(refresh.token(), refresh);
            body.put("refresh_token", refresh.token());
        }
        body.put("scope", String.join(" ", grant.scopes()));
        return SimResponse.json(200, body)
                .withHeader("Cache-Control", "no-store")
                .withHeader("Pragma", "no-cache");
    }

    private static SimResponse oauthError(int status, String error) {
        ObjectNode body = Json.object();
        body.put("error", error);
        return SimResponse.json(status, body);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- revocation ------------------------------------------------------------------------------

    /** Revoking a refresh token ends its consent and removes all the user's connections to that app. */
    private SimResponse revoke(SimRequest request) {
        Map<String, List<String>> form = request.form();
        ClientAuth client = authenticateClient(request, form);
        if (client == null) {
            return oauthError(401, "invalid_client");
        }
        String presented = first(form, "token", "");
        String clientId = client.app().clientId();
        state.writeRun(() -> {
            RefreshToken token = state.refreshTokens().get(presented);
            if (token == null) {
                return;
            }
            Grant grant = state.grants().get(token.grantId());
            if (grant == null || !grant.clientId().equals(clientId)) {
                return;
            }
            if (!client.secretVerified() && !grant.publicClient()) {
                return;
            }
            List<String> revokedGrants = state.grants().values().stream()
                    .filter(g -> g.clientId().equals(clientId))
                    .map(Grant::grantId)
                    .toList();
            revokedGrants.forEach(id -> state.grants().computeIfPresent(id, (k, g) -> g.revoke()));
            state.refreshTokens().values().removeIf(t -> revokedGrants.contains(t.grantId()));
            state.connections().values().removeIf(c -> c.clientId().equals(clientId));
        });
        return SimResponse.empty(200);
    }

    // ---- discovery -------------------------------------------------------------------------------

    private SimResponse discovery() {
        ObjectNode body = Json.object();
        String base = sim.baseUrl();
        body.put("issuer", sim.tokens().issuer());
        body.put("authorization_endpoint", base + AUTHORIZE);
        body.put("token_endpoint", base + TOKEN);
        body.put("revocation_endpoint", base + REVOCATION);
        body.put("jwks_uri", base + JWKS);
        body.putArray("response_types_supported").add("code");
        body.putArray("subject_types_supported").add("public");
        body.putArray("id_token_signing_alg_values_supported").add("RS256");
        body.putArray("code_challenge_methods_supported").add("S256");
        ArrayNode auth = body.putArray("token_endpoint_auth_methods_supported");
        auth.add("client_secret_basic");
        auth.add("client_secret_post");
        return SimResponse.json(200, body);
    }

    // ---- connections -----------------------------------------------------------------------------

    private SimResponse connections(SimRequest request) {
        Tokens.Check check = bearer(request);
        if (!(check instanceof Tokens.Valid valid)) {
            return rejected(check);
        }
        String authEventId = request.param("authEventId");
        ArrayNode body = Json.MAPPER.createArrayNode();
        state.read(() -> {
            for (Connection c : state.connections().values()) {
                if (!c.clientId().equals(valid.clientId())) {
                    continue;
                }
                if (authEventId != null
                        && !authEventId.equalsIgnoreCase(c.authEventId().toString())) {
                    continue;
                }
                OrgBook org = state.organisation(c.tenantId());
                ObjectNode node = body.addObject();
                node.put("id", c.id().toString());
                node.put("authEventId", c.authEventId().toString());
                node.put("tenantId", c.tenantId().toString());
                node.put("tenantType", "ORGANISATION");
                node.put("tenantName", org == null ? "" : org.info().name());
                node.put("createdDateUtc", connectionDate(c.createdDateUtc()));
                node.put("updatedDateUtc", connectionDate(c.updatedDateUtc()));
            }
            return null;
        });
        return withAppLimit(SimResponse.json(200, body), valid);
    }

    private SimResponse deleteConnection(SimRequest request) {
        Tokens.Check check = bearer(request);
        if (!(check instanceof Tokens.Valid valid)) {
            return rejected(check);
        }
        UUID id;
        try {
            id = UUID.fromString(request.pathVariable("id"));
        } catch (IllegalArgumentException e) {
            return withAppLimit(SimResponse.notFound(), valid);
        }
        boolean removed = state.write(() -> {
            Connection c = state.connections().get(id);
            if (c == null || !c.clientId().equals(valid.clientId())) {
                return false;
            }
            state.connections().remove(id);
            return true;
        });
        return withAppLimit(removed ? SimResponse.empty(204) : SimResponse.notFound(), valid);
    }

    private SimResponse withAppLimit(SimResponse response, Tokens.Valid valid) {
        int remaining = sim.rates().recordAppCall(valid.clientId(), sim.clock().instant());
        return response.withHeader("X-AppMinLimit-Remaining", Integer.toString(remaining));
    }

    /** Checks the request's bearer token against the simulator clock. */
    public Tokens.Check bearer(SimRequest request) {
        String header = request.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Tokens.Invalid();
        }
        return sim.tokens().check(header.substring(7).trim(), sim.clock().instant());
    }

    public static SimResponse rejected(Tokens.Check check) {
        return check instanceof Tokens.Expired expired
                ? XeroErrors.tokenExpired(expired.expiredAt())
                : XeroErrors.unauthorized();
    }

    private static String connectionDate(Instant instant) {
        return CONNECTION_DATE.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static String first(Map<String, List<String>> params, String name, String fallback) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? fallback : values.getFirst();
    }

    private static @Nullable String optional(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() || values.getFirst().isEmpty() ? null : values.getFirst();
    }
}
