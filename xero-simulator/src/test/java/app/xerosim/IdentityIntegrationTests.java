package app.xerosim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class IdentityIntegrationTests {

    private XeroClient client;
    private XeroSimulator xero;
    private SimOrganisation org;

    @BeforeEach
    void start() {
        client = XeroClient.startWithApp();
        xero = client.xero;
        org = xero.organisations().create("Acme Ltd");
    }

    @AfterEach
    void stop() {
        xero.close();
    }

    @Test
    void consentPageShowsAppScopesAndOrganisationsWithoutAPassword() {
        HttpResponse<String> page = client.get(
                client.authorizeUrl("s", null, null).substring(xero.baseUrl().length()));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Kontor Tests")
                .contains("accounting.contacts")
                .contains("type=\"checkbox\" name=\"tenant\" value=\"" + org.tenantId())
                .contains("Acme Ltd")
                .doesNotContain("password");
        assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void allowRedirectsWithCodeAndState() {
        URI redirect = client.consent(client.authorizeUrl("xyz-state", null, null), "allow", org.tenantId());

        assertThat(redirect.toString()).startsWith(XeroClient.REDIRECT_URI + "?");
        Map<String, String> params = XeroClient.query(redirect);
        assertThat(params.get("state")).isEqualTo("xyz-state");
        assertThat(params.get("code")).isNotBlank();
    }

    @Test
    void denyRedirectsWithAccessDenied() {
        URI redirect = client.consent(client.authorizeUrl("st", null, null), "deny");

        assertThat(XeroClient.query(redirect))
                .containsEntry("error", "access_denied")
                .containsEntry("state", "st");
    }

    @Test
    void allowWithoutAnOrganisationShowsTheConsentPageAgain() {
        HttpResponse<String> response =
                client.send(HttpRequest.newBuilder(URI.create(xero.baseUrl() + "/identity/connect/authorize"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("client_id=" + XeroClient.CLIENT_ID + "&redirect_uri="
                                + XeroClient.enc(XeroClient.REDIRECT_URI) + "&response_type=code&scope="
                                + XeroClient.enc(XeroClient.SCOPES) + "&decision=allow")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Select at least one organisation");
    }

    @Test
    void javaApiConsentsWithoutABrowser() {
        URI authorize = URI.create(client.authorizeUrl("java-state", "n", null));

        URI approved = xero.approve(authorize, org.tenantId());
        URI denied = xero.deny(authorize);

        assertThat(XeroClient.query(approved))
                .containsEntry("state", "java-state")
                .containsKey("code");
        assertThat(client.exchange(XeroClient.query(approved).get("code")).status())
                .isEqualTo(200);
        assertThat(XeroClient.query(denied)).containsEntry("error", "access_denied");
        assertThatThrownBy(() -> xero.approve(authorize)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownClientOrRedirectUriGetsAnErrorPageNeverARedirect() {
        HttpResponse<String> unknownClient = client.get("/identity/connect/authorize?response_type=code&client_id=nope"
                + "&redirect_uri=" + XeroClient.enc(XeroClient.REDIRECT_URI) + "&scope=openid&state=s");
        HttpResponse<String> wrongRedirect = client.get("/identity/connect/authorize?response_type=code&client_id="
                + XeroClient.CLIENT_ID + "&redirect_uri=" + XeroClient.enc("http://evil.example/cb")
                + "&scope=openid&state=s");
        HttpResponse<String> prefixOfRedirect = client.get("/identity/connect/authorize?response_type=code&client_id="
                + XeroClient.CLIENT_ID + "&redirect_uri=" + XeroClient.enc(XeroClient.REDIRECT_URI + "/more")
                + "&scope=openid&state=s");

        assertThat(unknownClient.statusCode()).isEqualTo(400);
        assertThat(unknownClient.headers().firstValue("Location")).isEmpty();
        assertThat(wrongRedirect.statusCode()).isEqualTo(400);
        assertThat(wrongRedirect.headers().firstValue("Location")).isEmpty();
        assertThat(wrongRedirect.body()).contains("http://evil.example/cb");
        assertThat(prefixOfRedirect.statusCode()).isEqualTo(400);
    }

    @Test
    void codeExchangesOnceForAccessRefreshAndIdTokens() {
        String code = client.code(org.tenantId());

        XeroClient.TokenSet first = client.exchange(code);
        XeroClient.TokenSet second = client.exchange(code);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("token_type").stringValue()).isEqualTo("Bearer");
        assertThat(first.body().get("expires_in").intValue()).isEqualTo(1800);
        assertThat(first.body().get("scope").stringValue()).isEqualTo(XeroClient.SCOPES);
        assertThat(first.refreshToken()).isNotBlank();
        assertThat(first.idToken()).isNotBlank();
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.body().get("error").stringValue()).isEqualTo("invalid_grant");
    }

    @Test
    void codeExpiresAfterItsConfiguredLifetime() {
        String code = client.code(org.tenantId());
        xero.clock().advance(Duration.ofMinutes(5).plusSeconds(1));

        assertThat(client.exchange(code).body().get("error").stringValue()).isEqualTo("invalid_grant");
    }

    @Test
    void wrongClientSecretIsInvalidClient() {
        String code = client.code(org.tenantId());

        XeroClient.TokenSet result = client.token(
                "grant_type=authorization_code&code=" + code + "&redirect_uri="
                        + XeroClient.enc(XeroClient.REDIRECT_URI),
                XeroClient.CLIENT_ID,
                "wrong");

        assertThat(result.status()).isEqualTo(401);
        assertThat(result.body().get("error").stringValue()).isEqualTo("invalid_client");
    }

    @Test
    void redirectUriMustMatchTheOneUsedToAuthorize() {
        String code = client.code(org.tenantId());

        XeroClient.TokenSet result = client.token("grant_type=authorization_code&code=" + code + "&redirect_uri="
                + XeroClient.enc("http://localhost:9999/other"));

        assertThat(result.body().get("error").stringValue()).isEqualTo("invalid_grant");
    }

    @Test
    void accessTokenIsAnRs256JwtWithXeroClaimsVerifiableWithTheJwks() throws Exception {
        XeroClient.TokenSet tokens = client.connect(org.tenantId());
        JWKSet jwks = JWKSet.parse(
                client.get("/.well-known/openid-configuration/jwks").body());

        SignedJWT access = SignedJWT.parse(tokens.accessToken());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(access.getHeader().getKeyID());

        assertThat(access.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(access.verify(new RSASSAVerifier(key))).isTrue();
        var claims = access.getJWTClaimsSet();
        assertThat(claims.getStringClaim("authentication_event_id")).isNotBlank();
        assertThat(claims.getStringClaim("xero_userid")).isNotBlank();
        assertThat(claims.getSubject()).isNotBlank();
        assertThat(claims.getStringListClaim("scope")).contains("accounting.contacts", "offline_access");
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofSeconds(1800));
    }

    @Test
    void idTokenEchoesTheNonceAndNamesTheClient() throws Exception {
        String code = XeroClient.query(
                        client.consent(client.authorizeUrl("s", "nonce-123", null), "allow", org.tenantId()))
                .get("code");
        SignedJWT id = SignedJWT.parse(client.exchange(code).idToken());
        var claims = id.getJWTClaimsSet();

        assertThat(id.getHeader().getKeyID()).isNotBlank();
        assertThat(claims.getStringClaim("nonce")).isEqualTo("nonce-123");
        assertThat(claims.getAudience()).containsExactly(XeroClient.CLIENT_ID);
        assertThat(claims.getIssuer()).isEqualTo(xero.baseUrl());
        assertThat(claims.getIssueTime()).isNotNull();
        assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
        assertThat(claims.getStringClaim("email")).isEqualTo("demo.user@example.com");
    }

    @Test
    void refreshRotatesAndThePreviousTokenWorksDuringTheGracePeriodOnly() {
        XeroClient.TokenSet first = client.connect(org.tenantId());

        XeroClient.TokenSet second = client.refresh(first.refreshToken());
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());

        xero.clock().advance(Duration.ofMinutes(29));
        assertThat(client.refresh(first.refreshToken()).status()).isEqualTo(200);

        xero.clock().advance(Duration.ofMinutes(2));
        XeroClient.TokenSet late = client.refresh(first.refreshToken());
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.body().get("error").stringValue()).isEqualTo("invalid_grant");
        assertThat(client.refresh(second.refreshToken()).status()).isEqualTo(200);
    }

    @Test
    void unusedRefreshTokenExpiresAfterSixtyDays() {
        XeroClient.TokenSet tokens = client.connect(org.tenantId());
        xero.clock().advance(Duration.ofDays(60));

        assertThat(client.refresh(tokens.refreshToken()).body().get("error").stringValue())
                .isEqualTo("invalid_grant");
    }

    @Test
    void refreshTokenOfAnotherClientIsRefused() {
        xero.registerApp("other", "other-secret", java.util.List.of(XeroClient.REDIRECT_URI));
        XeroClient.TokenSet tokens = client.connect(org.tenantId());

        XeroClient.TokenSet result = client.token(
                "grant_type=refresh_token&refresh_token=" + tokens.refreshToken(), "other", "other-secret");

        assertThat(result.body().get("error").stringValue()).isEqualTo("invalid_grant");
    }

    @Test
    void pkceVerifierIsCheckedWhenAChallengeWasSent() throws Exception {
        String verifier = "a-very-long-code-verifier-with-enough-entropy-0123456789";
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String goodCode = XeroClient.query(
                        client.consent(client.authorizeUrl("s", null, challenge), "allow", org.tenantId()))
                .get("code");
        String badCode = XeroClient.query(
                        client.consent(client.authorizeUrl("s", null, challenge), "allow", org.tenantId()))
                .get("code");
        String redirect = "&redirect_uri=" + XeroClient.enc(XeroClient.REDIRECT_URI);

        XeroClient.TokenSet wrong =
                client.token("grant_type=authorization_code&code=" + badCode + redirect + "&code_verifier=nope");
        XeroClient.TokenSet right = client.token(
                "grant_type=authorization_code&code=" + goodCode + redirect + "&code_verifier=" + verifier);

        assertThat(wrong.body().get("error").stringValue()).isEqualTo("invalid_grant");
        assertThat(right.status()).isEqualTo(200);
        // Exchanged with the secret, the consent stays confidential: refreshing needs the secret too.
        assertThat(client.publicToken("grant_type=refresh_token&refresh_token=" + right.refreshToken())
                        .status())
                .isEqualTo(401);
    }

    @Test
    void publicPkceClientNeedsNoSecretButAConfidentialOneDoes() throws Exception {
        String verifier = "another-long-code-verifier-with-enough-entropy-9876543210";
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String pkceCode = XeroClient.query(
                        client.consent(client.authorizeUrl("s", null, challenge), "allow", org.tenantId()))
                .get("code");
        String redirect = "&redirect_uri=" + XeroClient.enc(XeroClient.REDIRECT_URI);

        XeroClient.TokenSet pkce = client.publicToken(
                "grant_type=authorization_code&code=" + pkceCode + redirect + "&code_verifier=" + verifier);
        XeroClient.TokenSet pkceRefresh =
                client.publicToken("grant_type=refresh_token&refresh_token=" + pkce.refreshToken());
        XeroClient.TokenSet confidential = client.connect(org.tenantId());
        XeroClient.TokenSet withoutSecret =
                client.publicToken("grant_type=refresh_token&refresh_token=" + confidential.refreshToken());
        XeroClient.TokenSet codeWithoutSecret =
                client.publicToken("grant_type=authorization_code&code=" + client.code(org.tenantId()) + redirect);

        assertThat(pkce.status()).isEqualTo(200);
        assertThat(pkceRefresh.status()).isEqualTo(200);
        assertThat(withoutSecret.status()).isEqualTo(401);
        assertThat(withoutSecret.body().get("error").stringValue()).isEqualTo("invalid_client");
        assertThat(codeWithoutSecret.body().get("error").stringValue()).isEqualTo("invalid_client");
    }

    @Test
    void connectionsListTheConsentedOrganisationsAndFilterByAuthEventId() throws Exception {
        SimOrganisation second = xero.organisations().create("Second Org");
        XeroClient.TokenSet tokens = client.connect(org.tenantId(), second.tenantId());
        String eventId =
                SignedJWT.parse(tokens.accessToken()).getJWTClaimsSet().getStringClaim("authentication_event_id");

        HttpResponse<String> all = client.api("GET", "/connections", tokens.accessToken(), null, null);
        HttpResponse<String> upper =
                client.api("GET", "/Connections?authEventId=" + eventId, tokens.accessToken(), null, null);
        HttpResponse<String> none =
                client.api("GET", "/connections?authEventId=" + UUID.randomUUID(), tokens.accessToken(), null, null);

        assertThat(all.statusCode()).isEqualTo(200);
        JsonNode list = XeroClient.json(all);
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.get(0).get("tenantType").stringValue()).isEqualTo("ORGANISATION");
        assertThat(list.get(0).get("authEventId").stringValue()).isEqualTo(eventId);
        assertThat(list.get(0).get("createdDateUtc").stringValue())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}");
        assertThat(XeroClient.json(upper).size()).isEqualTo(2);
        assertThat(XeroClient.json(none).size()).isZero();
        assertThat(all.headers().firstValue("X-AppMinLimit-Remaining"))
                .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
        assertThat(all.headers().firstValue("X-DayLimit-Remaining")).isEmpty();
    }

    @Test
    void deletingAConnectionAnswers204ThenRemovesTenantAccess() {
        XeroClient.TokenSet tokens = client.connect(org.tenantId());
        assertThat(xero.connections())
                .singleElement()
                .satisfies(c -> assertThat(c.tenantId()).isEqualTo(org.tenantId()));
        String id = XeroClient.json(client.api("GET", "/connections", tokens.accessToken(), null, null))
                .get(0)
                .get("id")
                .stringValue();

        HttpResponse<String> deleted = client.api("DELETE", "/connections/" + id, tokens.accessToken(), null, null);
        HttpResponse<String> again = client.api("DELETE", "/connections/" + id, tokens.accessToken(), null, null);
        HttpResponse<String> contacts =
                client.api("GET", "/api.xro/2.0/Contacts", tokens.accessToken(), org.tenantId(), null);

        assertThat(xero.connections()).isEmpty();
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(contacts.statusCode()).isEqualTo(403);
    }

    @Test
    void revocationAnswersEmpty200AndRemovesTheConnectionsAndRefreshTokens() {
        XeroClient.TokenSet tokens = client.connect(org.tenantId());

        HttpResponse<String> revoked =
                client.send(HttpRequest.newBuilder(URI.create(xero.baseUrl() + "/connect/revocation"))
                        .header("Authorization", XeroClient.basic(XeroClient.CLIENT_ID, XeroClient.CLIENT_SECRET))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("token=" + tokens.refreshToken())));

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(revoked.body()).isEmpty();
        assertThat(XeroClient.json(client.api("GET", "/connections", tokens.accessToken(), null, null))
                        .size())
                .isZero();
        assertThat(client.refresh(tokens.refreshToken()).body().get("error").stringValue())
                .isEqualTo("invalid_grant");
    }

    @Test
    void reconnectingKeepsTheConnectionIdAndTakesTheNewEventId() throws Exception {
        XeroClient.TokenSet first = client.connect(org.tenantId());
        JsonNode before = XeroClient.json(client.api("GET", "/connections", first.accessToken(), null, null))
                .get(0);
        xero.clock().advance(Duration.ofMinutes(1));
        XeroClient.TokenSet second = client.connect(org.tenantId());
        JsonNode after = XeroClient.json(client.api("GET", "/connections", second.accessToken(), null, null))
                .get(0);

        assertThat(after.get("id").stringValue()).isEqualTo(before.get("id").stringValue());
        assertThat(after.get("authEventId").stringValue())
                .isEqualTo(SignedJWT.parse(second.accessToken())
                        .getJWTClaimsSet()
                        .getStringClaim("authentication_event_id"));
        assertThat(after.get("updatedDateUtc").stringValue())
                .isGreaterThan(before.get("updatedDateUtc").stringValue());
    }

    @Test
    void tokenAndRevocationBodiesAndAuthorizationHeadersAreRedactedInTheRequestLog() {
        XeroClient.TokenSet tokens = client.connect(org.tenantId());
        client.api("GET", "/connections", tokens.accessToken(), null, null);

        LoggedRequest token =
                xero.requestLog().entries("POST", "/connect/token").getFirst();
        LoggedRequest connections =
                xero.requestLog().entries("GET", "/connections").getFirst();

        assertThat(token.body()).isEqualTo(LoggedRequest.REDACTED);
        assertThat(token.header("Authorization")).isEqualTo(LoggedRequest.REDACTED);
        assertThat(token.status()).isEqualTo(200);
        assertThat(connections.header("authorization")).isEqualTo(LoggedRequest.REDACTED);
        assertThat(xero.requestLog().entries().toString()).doesNotContain(tokens.accessToken());
    }
}
