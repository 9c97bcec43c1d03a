package app.kontor.xero.internal;

import app.kontor.xero.XeroConnectionException;
import app.kontor.xero.XeroSettings;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kontor's typed HTTP client to Xero: identity calls (connections, revocation) and the Accounting
 * API. Explicit timeouts; its own JSON mapper, tolerant of fields Xero adds. Failures become {@link
 * XeroConnectionException}s whose messages an admin can read; bodies and tokens are never logged.
 */
@Component
public class XeroApiClient {

    private final XeroSettings settings;
    private final RestClient rest;

    XeroApiClient(XeroSettings settings) {
        this.settings = settings;
        var http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .build();
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(settings.readTimeout());
        var json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(tools.jackson.databind.cfg.EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .build();
        this.rest = RestClient.builder()
                .requestFactory(requests)
                .messageConverters(converters -> {
                    converters.clear();
                    // Bytes first: Jackson would otherwise claim byte[] and expect base64.
                    converters.add(new ByteArrayHttpMessageConverter());
                    converters.add(new JacksonJsonHttpMessageConverter(json));
                    converters.add(new StringHttpMessageConverter(StandardCharsets.UTF_8));
                })
                .build();
    }

    /** One tenant the app is connected to, from {@code GET /connections} (XERO-CONTRACT §4.4). */
    public record TenantConnection(
            UUID id,
            UUID tenantId,
            @Nullable String tenantType,
            @Nullable String tenantName,
            @Nullable UUID authEventId) {

        public boolean isOrganisation() {
            return tenantType == null || "ORGANISATION".equals(tenantType);
        }
    }

    public record Organisation(
            @JsonProperty("OrganisationID") @Nullable UUID organisationId,
            @JsonProperty("Name") @Nullable String name,
            @JsonProperty("ShortCode") @Nullable String shortCode) {}

    record Organisations(
            @JsonProperty("Organisations") @Nullable List<Organisation> organisations) {}

    /** The tenants a consent authorised: those whose {@code authEventId} is the access token's. */
    public List<TenantConnection> connections(String accessToken, UUID authEventId) {
        var uri = UriComponentsBuilder.fromUri(settings.connectionsUri())
                .queryParam("authEventId", authEventId)
                .build()
                .toUri();
        var connections = call(
                "read your Xero connections",
                () -> rest.get()
                        .uri(uri)
                        .headers(headers -> bearer(headers, accessToken))
                        .retrieve()
                        .body(TenantConnection[].class));
        return connections == null
                ? List.of()
                : List.of(connections).stream()
                        .filter(c -> authEventId.equals(c.authEventId()))
                        .toList();
    }

    public Organisation organisation(String accessToken, UUID tenantId) {
        var answer = call(
                "read the organisation from Xero",
                () -> rest.get()
                        .uri(settings.apiUri() + "/Organisation")
                        .headers(headers -> {
                            bearer(headers, accessToken);
                            headers.set("xero-tenant-id", tenantId.toString());
                        })
                        .retrieve()
                        .body(Organisations.class));
        if (answer == null
                || answer.organisations() == null
                || answer.organisations().isEmpty()) {
            throw new XeroConnectionException("Xero did not describe the organisation; try connecting again.");
        }
        return answer.organisations().getFirst();
    }

    /** Removes the app's connection to one tenant; a connection Xero no longer has is already gone. */
    public void deleteConnection(String accessToken, UUID connectionId) {
        call("remove Kontor's connection in Xero", () -> {
            try {
                rest.delete()
                        .uri(URI.create(settings.connectionsUri() + "/" + connectionId))
                        .headers(headers -> bearer(headers, accessToken))
                        .retrieve()
                        .toBodilessEntity();
            } catch (RestClientResponseException gone) {
                if (gone.getStatusCode().value() != 404) {
                    throw gone;
                }
            }
            return null;
        });
    }

    /** Revokes a refresh token, which ends the grant and every connection of it (XERO-CONTRACT §4.1). */
    public void revoke(String refreshToken) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("token", refreshToken);
        call(
                "revoke Kontor's access in Xero",
                () -> rest.post()
                        .uri(settings.revocationUri())
                        .header(HttpHeaders.AUTHORIZATION, basicAuthorization())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(form)
                        .retrieve()
                        .toBodilessEntity());
    }

    private String basicAuthorization() {
        var credentials = settings.clientId() + ":" + settings.clientSecret();
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    RestClient rest() {
        return rest;
    }

    XeroSettings settings() {
        return settings;
    }

    /** Headers of every Accounting API call: bearer, organisation, and JSON (Xero's default is XML). */
    static void accounting(HttpHeaders headers, String accessToken, UUID tenantId) {
        bearer(headers, accessToken);
        headers.set("xero-tenant-id", tenantId.toString());
    }

    private static void bearer(HttpHeaders headers, String accessToken) {
        headers.setBearerAuth(accessToken);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    }

    private static <T> T call(String what, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (RestClientResponseException refused) {
            throw new XeroConnectionException(
                    "Xero refused to " + what + " (HTTP "
                            + refused.getStatusCode().value() + ").",
                    refused);
        } catch (RestClientException unreachable) {
            throw new XeroConnectionException(
                    "Kontor could not reach Xero to " + what + "; try again shortly.", unreachable);
        }
    }
}
