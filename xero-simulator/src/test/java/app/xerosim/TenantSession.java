package app.xerosim;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A connected app talking to one organisation: the fixture of the accounting tests. */
record TenantSession(XeroClient client, SimOrganisation org, String accessToken) {

    static TenantSession connect(XeroClient client, String organisationName) {
        SimOrganisation org = client.xero.organisations().create(organisationName);
        return new TenantSession(client, org, client.connect(org.tenantId()).accessToken());
    }

    UUID tenantId() {
        return org.tenantId();
    }

    HttpResponse<String> get(String path) {
        return client.api("GET", "/api.xro/2.0" + path, accessToken, org.tenantId(), null);
    }

    HttpResponse<String> get(String path, Map<String, String> headers) {
        return client.api("GET", "/api.xro/2.0" + path, accessToken, org.tenantId(), null, headers);
    }

    HttpResponse<String> send(String method, String path, @Nullable String body) {
        return client.api(method, "/api.xro/2.0" + path, accessToken, org.tenantId(), body);
    }

    HttpResponse<String> send(String method, String path, @Nullable String body, Map<String, String> headers) {
        return client.api(method, "/api.xro/2.0" + path, accessToken, org.tenantId(), body, headers);
    }

    /** Creates one contact through PUT and returns it as Xero answered. */
    JsonNode create(String contactJson) {
        HttpResponse<String> response = send("PUT", "/Contacts", "{\"Contacts\":[" + contactJson + "]}");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("PUT /Contacts answered " + response.statusCode() + ": " + response.body());
        }
        return XeroClient.json(response).get("Contacts").get(0);
    }

    static String named(String name) {
        return "{\"Name\":\"" + name + "\"}";
    }
}
