package app.xerosim;

import static app.xerosim.TenantSession.named;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactsIntegrationTests {

    private static final String DUPLICATE_NAME = "The contact name %s is already assigned to another contact. The"
            + " contact name must be unique across all active contacts.";

    private XeroClient client;
    private TenantSession xero;

    @BeforeAll
    void start() {
        client = XeroClient.startWithApp();
    }

    @AfterAll
    void stop() {
        client.xero.close();
    }

    @BeforeEach
    void connect() {
        client.xero.clock().reset();
        xero = TenantSession.connect(client, "Org " + UUID.randomUUID());
    }

    // ---- access ----------------------------------------------------------------------------------

    @Test
    void organisationCarriesTheShortCode() {
        JsonNode body = XeroClient.json(xero.get("/Organisation"));

        JsonNode org = body.get("Organisations").get(0);
        assertThat(org.get("ShortCode").stringValue())
                .isEqualTo(xero.org().shortCode())
                .matches("![A-Za-z0-9]{5}");
        assertThat(org.get("OrganisationID").stringValue())
                .isEqualTo(xero.tenantId().toString());
        assertThat(org.get("Name").stringValue()).isEqualTo(xero.org().name());
    }

    @Test
    void everyResponseHasXerosEnvelope() {
        JsonNode body = XeroClient.json(xero.get("/Contacts"));

        assertThat(UUID.fromString(body.get("Id").stringValue())).isNotNull();
        assertThat(body.get("Status").stringValue()).isEqualTo("OK");
        assertThat(body.get("ProviderName").stringValue()).isEqualTo("Kontor Tests");
        assertThat(body.get("DateTimeUTC").stringValue()).matches("/Date\\(\\d+\\)/");
    }

    @Test
    void missingOrUnconnectedTenantIsForbiddenWithXerosProblemBody() {
        HttpResponse<String> missing = client.api("GET", "/api.xro/2.0/Contacts", xero.accessToken(), null, null);
        HttpResponse<String> unconnected =
                client.api("GET", "/api.xro/2.0/Contacts", xero.accessToken(), UUID.randomUUID(), null);

        assertThat(missing.statusCode()).isEqualTo(403);
        JsonNode body = XeroClient.json(missing);
        assertThat(body.get("Type").isNull()).isTrue();
        assertThat(body.get("Title").stringValue()).isEqualTo("Forbidden");
        assertThat(body.get("Status").intValue()).isEqualTo(403);
        assertThat(body.get("Detail").stringValue()).isEqualTo("AuthenticationUnsuccessful");
        assertThat(UUID.fromString(body.get("Instance").stringValue())).isNotNull();
        assertThat(body.get("Extensions").isObject()).isTrue();
        assertThat(unconnected.statusCode()).isEqualTo(403);
    }

    @Test
    void expiredTokenIsRefusedWithTokenExpired() {
        client.xero.clock().advance(Duration.ofSeconds(1800));

        HttpResponse<String> response = xero.get("/Contacts");

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode body = XeroClient.json(response);
        assertThat(body.get("Title").stringValue()).isEqualTo("Unauthorized");
        assertThat(body.get("Detail").stringValue())
                .matches("TokenExpired: token expired at \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d:\\d\\d");
    }

    @Test
    void garbageTokenIsRefusedWithAuthorizationUnsuccessful() {
        HttpResponse<String> response = client.api("GET", "/api.xro/2.0/Contacts", "not-a-jwt", xero.tenantId(), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(XeroClient.json(response).get("Detail").stringValue()).isEqualTo("AuthorizationUnsuccessful");
    }

    @Test
    void tokenWithoutTheContactsScopeIsForbidden() {
        String code = XeroClient.query(client.consent(
                        client.authorizeUrl("s", null, null, "openid offline_access accounting.settings.read"),
                        "allow",
                        xero.tenantId()))
                .get("code");
        String token = client.exchange(code).accessToken();

        assertThat(client.api("GET", "/api.xro/2.0/Contacts", token, xero.tenantId(), null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(client.api("GET", "/api.xro/2.0/Organisation", token, xero.tenantId(), null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void readOnlyScopeCanReadButNotWrite() {
        String code = XeroClient.query(client.consent(
                        client.authorizeUrl("s", null, null, "openid accounting.contacts.read"),
                        "allow",
                        xero.tenantId()))
                .get("code");
        String token = client.exchange(code).accessToken();

        assertThat(client.api("GET", "/api.xro/2.0/Contacts", token, xero.tenantId(), null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(client.api(
                                "PUT",
                                "/api.xro/2.0/Contacts",
                                token,
                                xero.tenantId(),
                                "{\"Contacts\":[{\"Name\":\"X\"}]}")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void rateLimitHeadersAreIntegersThatCountDown() {
        HttpResponse<String> first = xero.get("/Contacts");
        HttpResponse<String> second = xero.get("/Contacts");

        int minuteFirst = Integer.parseInt(
                first.headers().firstValue("X-MinLimit-Remaining").orElseThrow());
        int minuteSecond = Integer.parseInt(
                second.headers().firstValue("X-MinLimit-Remaining").orElseThrow());
        assertThat(minuteSecond).isEqualTo(minuteFirst - 1);
        assertThat(Integer.parseInt(
                        second.headers().firstValue("X-DayLimit-Remaining").orElseThrow()))
                .isLessThan(5000);
        assertThat(Integer.parseInt(
                        second.headers().firstValue("X-AppMinLimit-Remaining").orElseThrow()))
                .isLessThan(10_000);
    }

    @Test
    void requestsWithoutJsonAcceptAreRefusedRatherThanAnsweredInXml() {
        HttpResponse<String> response = xero.get("/Contacts", Map.of("Accept", "application/xml"));

        assertThat(response.statusCode()).isEqualTo(406);
    }

    // ---- create ----------------------------------------------------------------------------------

    @Test
    void putCreatesAContactWithAllPhoneAndAddressTypesAndDropsDelivery() {
        HttpResponse<String> response = xero.send(
                "PUT",
                "/Contacts",
                "{\"Contacts\":[" + """
                {"Name":"Zoë Ångström","FirstName":"Zoë","LastName":"Ångström","EmailAddress":"zoe@example.se",
                 "Phones":[{"PhoneType":"DEFAULT","PhoneNumber":"7231100","PhoneAreaCode":"8","PhoneCountryCode":"46"}],
                 "Addresses":[{"AddressType":"POBOX","AddressLine1":"Box 12","City":"Stockholm","Country":"Sweden"},
                              {"AddressType":"DELIVERY","AddressLine1":"Dock 3","City":"Malmö"}]}""" + "]}",
                // DELIVERY is not a contact address type in Xero's OpenAPI file; Xero drops it.
                Map.of(XeroClient.OFF_SPEC_HEADER, "DELIVERY address"));
        JsonNode contact = XeroClient.json(response).get("Contacts").get(0);

        assertThat(UUID.fromString(contact.get("ContactID").stringValue())).isNotNull();
        assertThat(contact.get("Name").stringValue()).isEqualTo("Zoë Ångström");
        assertThat(contact.get("ContactStatus").stringValue()).isEqualTo("ACTIVE");
        assertThat(contact.get("UpdatedDateUTC").stringValue()).matches("/Date\\(\\d+\\+0000\\)/");
        assertThat(contact.get("HasValidationErrors").booleanValue()).isFalse();
        assertThat(types(contact.get("Phones"), "PhoneType")).containsExactly("DEFAULT", "DDI", "FAX", "MOBILE");
        assertThat(contact.get("Phones").get(1).get("PhoneNumber").stringValue())
                .isEmpty();
        assertThat(contact.get("Phones").get(0).get("PhoneCountryCode").stringValue())
                .isEqualTo("46");
        assertThat(types(contact.get("Addresses"), "AddressType")).containsExactly("STREET", "POBOX");
        assertThat(contact.get("Addresses").get(0).get("City").stringValue()).isEmpty();
        assertThat(contact.get("Addresses").get(1).get("AddressLine1").stringValue())
                .isEqualTo("Box 12");
        assertThat(contact.toString()).doesNotContain("Dock 3");
    }

    @Test
    void createdContactIsReadableByIdAndByContactNumber() {
        JsonNode created = xero.create("{\"Name\":\"Numbered Ltd\",\"ContactNumber\":\"C-0042\"}");
        String id = created.get("ContactID").stringValue();

        JsonNode byId =
                XeroClient.json(xero.get("/Contacts/" + id)).get("Contacts").get(0);
        JsonNode byNumber =
                XeroClient.json(xero.get("/Contacts/C-0042")).get("Contacts").get(0);

        assertThat(byId.get("Name").stringValue()).isEqualTo("Numbered Ltd");
        assertThat(byNumber.get("ContactID").stringValue()).isEqualTo(id);
    }

    @Test
    void unknownContactIsAPlainTextNotFound() {
        HttpResponse<String> response = xero.get("/Contacts/" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("The resource you're looking for cannot be found");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    }

    @Test
    void activeNameIsUniqueIgnoringCaseWithXerosMessage() {
        xero.create(named("Buzz Lightyear"));

        HttpResponse<String> response =
                xero.send("PUT", "/Contacts", "{\"Contacts\":[" + named("buzz lightyear") + "]}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = XeroClient.json(response);
        assertThat(body.get("ErrorNumber").intValue()).isEqualTo(10);
        assertThat(body.get("Type").stringValue()).isEqualTo("ValidationException");
        assertThat(body.get("Message").stringValue()).isEqualTo("A validation exception occurred");
        JsonNode element = body.get("Elements").get(0);
        assertThat(element.get("HasValidationErrors").booleanValue()).isTrue();
        assertThat(element.get("ContactID").stringValue()).isEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(element.get("ValidationErrors").get(0).get("Message").stringValue())
                .isEqualTo(DUPLICATE_NAME.formatted("buzz lightyear"));
    }

    @Test
    void archivedContactDoesNotBlockItsNameButBlocksItsRestoreWhileTheNameIsTaken() {
        String old = xero.create(named("Woody Pride")).get("ContactID").stringValue();
        xero.send("POST", "/Contacts/" + old, "{\"Contacts\":[{\"ContactStatus\":\"ARCHIVED\"}]}");

        JsonNode second = xero.create(named("Woody Pride"));
        HttpResponse<String> restore =
                xero.send("POST", "/Contacts/" + old, "{\"Contacts\":[{\"ContactStatus\":\"ACTIVE\"}]}");

        assertThat(second.get("ContactID").stringValue()).isNotEqualTo(old);
        assertThat(restore.statusCode()).isEqualTo(400);
        assertThat(restore.body()).contains(DUPLICATE_NAME.formatted("Woody Pride"));
    }

    @Test
    void contactNumberIsUniqueAcrossAllContacts() {
        xero.create("{\"Name\":\"First\",\"ContactNumber\":\"N1\"}");

        HttpResponse<String> response =
                xero.send("PUT", "/Contacts", "{\"Contacts\":[{\"Name\":\"Second\",\"ContactNumber\":\"N1\"}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("The contact number N1 is already assigned to another contact. The contact number must be"
                        + " unique across all contacts.");
    }

    @Test
    void overLongFieldsAreValidationErrors() {
        String longName = "N".repeat(256);
        HttpResponse<String> response = xero.send(
                "PUT",
                "/Contacts",
                "{\"Contacts\":[{\"Name\":\"" + longName + "\",\"ContactNumber\":\"" + "9".repeat(51)
                        + "\",\"Addresses\":[{\"AddressType\":\"POBOX\",\"Country\":\"" + "C".repeat(51) + "\"}]}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = XeroClient.json(response).get("Elements").get(0).get("ValidationErrors");
        assertThat(errors.size()).isEqualTo(3);
        assertThat(errors.toString()).contains("Name").contains("ContactNumber").contains("Country");
        assertThat(xero.org().contacts().count()).isZero();
    }

    @Test
    void summarisedBatchAnswers400YetKeepsTheValidElements() {
        xero.create(named("Taken"));

        HttpResponse<String> response =
                xero.send("PUT", "/Contacts", "{\"Contacts\":[" + named("Fresh One") + "," + named("Taken") + "]}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode elements = XeroClient.json(response).get("Elements");
        assertThat(elements.size()).isEqualTo(1);
        assertThat(elements.get(0).get("Name").stringValue()).isEqualTo("Taken");
        assertThat(xero.org().contacts().findActiveByName("Fresh One")).isPresent();
    }

    @Test
    void unsummarisedBatchAnswers200WithEveryElementAndMarksTheFailures() {
        xero.create(named("Taken"));

        HttpResponse<String> response = xero.send(
                "PUT",
                "/Contacts?summarizeErrors=false",
                "{\"Contacts\":[" + named("Fresh Two") + "," + named("Taken") + "]}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode contacts = XeroClient.json(response).get("Contacts");
        assertThat(contacts.size()).isEqualTo(2);
        assertThat(contacts.get(0).get("HasValidationErrors").booleanValue()).isFalse();
        assertThat(contacts.get(1).get("HasValidationErrors").booleanValue()).isTrue();
        assertThat(contacts.get(1).get("ValidationErrors").get(0).get("Message").stringValue())
                .isEqualTo(DUPLICATE_NAME.formatted("Taken"));
        assertThat(xero.org().contacts().findActiveByName("Fresh Two")).isPresent();
    }

    // ---- bad input -------------------------------------------------------------------------------

    @Test
    void bareContactBodyIsNoDataProcessed() {
        HttpResponse<String> response = xero.send("PUT", "/Contacts", named("Bare"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = XeroClient.json(response);
        assertThat(body.get("ErrorNumber").intValue()).isEqualTo(17);
        assertThat(body.get("Type").stringValue()).isEqualTo("NoDataProcessedException");
        assertThat(body.get("Message").stringValue())
                .isEqualTo("No data has been processed for this endpoint. This endpoint is expecting Contact data to"
                        + " be specifed in the request body.");
    }

    @Test
    void malformedJsonWrongTypesAndUnknownEnumsAreXeroShaped400s() {
        List<String> bodies = List.of(
                "{\"Contacts\":[{\"Name\":",
                "{\"Contacts\":[{\"Name\":{\"a\":1}}]}",
                "{\"Contacts\":[{\"Name\":\"X\",\"IsCustomer\":\"yes\"}]}",
                "{\"Contacts\":[{\"Name\":\"X\",\"ContactID\":\"not-a-guid\"}]}",
                "{\"Contacts\":[{\"Name\":\"X\",\"Phones\":[{\"PhoneType\":\"PAGER\"}]}]}",
                "{\"Contacts\":{\"Name\":\"X\"}}",
                "not json at all");

        for (String body : bodies) {
            HttpResponse<String> response = xero.send("PUT", "/Contacts", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            JsonNode json = XeroClient.json(response);
            assertThat(json.get("ErrorNumber").intValue()).as(body).isEqualTo(14);
            assertThat(json.get("Type").stringValue()).isEqualTo("PostDataInvalidException");
            assertThat(json.get("Message").stringValue()).startsWith("JSON for post data was invalid,");
            assertThat(response.body()).doesNotContain("at app.xerosim").doesNotContain("Exception:");
        }
        assertThat(xero.org().contacts().count()).isZero();
    }

    @Test
    void unknownFieldsAreIgnored() {
        JsonNode contact = xero.create("{\"Name\":\"Unknowns Ltd\",\"FavouriteColour\":\"teal\"}");

        assertThat(contact.get("Name").stringValue()).isEqualTo("Unknowns Ltd");
        assertThat(contact.has("FavouriteColour")).isFalse();
    }

    @Test
    void bodyOverThreeAndAHalfMegabytesIsRefusedAsBadPostData() {
        String huge = "{\"Contacts\":[{\"Name\":\"" + "x".repeat(XeroSimulatorSettings.XERO_MAX_BODY_BYTES) + "\"}]}";

        HttpResponse<String> response = xero.send("PUT", "/Contacts", huge);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(XeroClient.json(response).get("Type").stringValue()).isEqualTo("PostDataInvalidException");
    }

    // ---- update ----------------------------------------------------------------------------------

    @Test
    void postWithoutIdUpdatesTheActiveContactOfTheSameName() {
        String id = xero.create("{\"Name\":\"David Smith\",\"EmailAddress\":\"old@example.com\"}")
                .get("ContactID")
                .stringValue();

        HttpResponse<String> response = xero.send(
                "POST",
                "/Contacts",
                "{\"Contacts\":[{\"Name\":\"David Smith\",\"EmailAddress\":\"new@example.com\"}]}");

        JsonNode contact = XeroClient.json(response).get("Contacts").get(0);
        assertThat(contact.get("ContactID").stringValue()).isEqualTo(id);
        assertThat(contact.get("EmailAddress").stringValue()).isEqualTo("new@example.com");
        assertThat(xero.org().contacts().count()).isEqualTo(1);
    }

    @Test
    void postWithoutIdAndANewNameCreates() {
        HttpResponse<String> response = xero.send("POST", "/Contacts", "{\"Contacts\":[" + named("Brand New") + "]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(xero.org().contacts().findActiveByName("Brand New")).isPresent();
    }

    @Test
    void postByIdKeepsOmittedFieldsAndBumpsUpdatedDate() {
        JsonNode created = xero.create("""
                {"Name":"Keep Me","EmailAddress":"keep@example.com",
                 "Phones":[{"PhoneType":"MOBILE","PhoneNumber":"555"}]}""");
        String id = created.get("ContactID").stringValue();
        client.xero.clock().advance(Duration.ofSeconds(5));

        JsonNode updated = XeroClient.json(xero.send(
                        "POST",
                        "/Contacts/" + id,
                        "{\"Contacts\":[{\"ContactID\":\"" + id + "\",\"FirstName\":\"Kim\"}]}"))
                .get("Contacts")
                .get(0);

        assertThat(updated.get("EmailAddress").stringValue()).isEqualTo("keep@example.com");
        assertThat(updated.get("FirstName").stringValue()).isEqualTo("Kim");
        assertThat(updated.get("Phones").get(3).get("PhoneNumber").stringValue())
                .isEqualTo("555");
        assertThat(millis(updated)).isGreaterThanOrEqualTo(millis(created) + 5000);
    }

    @Test
    void postToUnknownIdIsPlainNotFound() {
        HttpResponse<String> response =
                xero.send("POST", "/Contacts/" + UUID.randomUUID(), "{\"Contacts\":[" + named("X") + "]}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("The resource you're looking for cannot be found");
    }

    @Test
    void archivingViaContactStatusHidesTheContactUnlessArchivedAreIncluded() {
        String id = xero.create(named("Archive Me")).get("ContactID").stringValue();

        JsonNode archived = XeroClient.json(
                        xero.send("POST", "/Contacts/" + id, "{\"Contacts\":[{\"ContactStatus\":\"ARCHIVED\"}]}"))
                .get("Contacts")
                .get(0);

        assertThat(archived.get("ContactStatus").stringValue()).isEqualTo("ARCHIVED");
        assertThat(names(xero.get("/Contacts"))).doesNotContain("Archive Me");
        assertThat(names(xero.get("/Contacts?includeArchived=true"))).contains("Archive Me");
    }

    @Test
    void customerAndSupplierCannotBeSetThroughTheApi() {
        JsonNode contact = xero.create("{\"Name\":\"Wannabe\",\"IsCustomer\":true,\"IsSupplier\":true}");

        assertThat(contact.get("IsCustomer").booleanValue()).isFalse();
        assertThat(contact.get("IsSupplier").booleanValue()).isFalse();
    }

    @Test
    void markingAsCustomerLeavesUpdatedDateAloneByDefault() {
        JsonNode created = xero.create(named("Quiet Customer"));
        UUID id = UUID.fromString(created.get("ContactID").stringValue());
        client.xero.clock().advance(Duration.ofMinutes(1));

        xero.org().contacts().markAsCustomer(id);

        JsonNode after =
                XeroClient.json(xero.get("/Contacts/" + id)).get("Contacts").get(0);
        assertThat(after.get("IsCustomer").booleanValue()).isTrue();
        assertThat(after.get("UpdatedDateUTC").stringValue())
                .isEqualTo(created.get("UpdatedDateUTC").stringValue());
    }

    // ---- list ------------------------------------------------------------------------------------

    @Test
    void pagesDefaultToOneHundredAndCapAtOneThousand() {
        StringBuilder batch = new StringBuilder("{\"Contacts\":[");
        for (int i = 0; i < 1005; i++) {
            batch.append(i == 0 ? "" : ",").append(named("Bulk %04d".formatted(i)));
        }
        xero.send("PUT", "/Contacts", batch.append("]}").toString());

        JsonNode first = XeroClient.json(xero.get("/Contacts?page=1"));
        JsonNode big = XeroClient.json(xero.get("/Contacts?page=1&pageSize=5000"));
        JsonNode last = XeroClient.json(xero.get("/Contacts?page=2&pageSize=1000"));

        assertThat(first.get("Contacts").size()).isEqualTo(100);
        assertThat(first.get("pagination").get("page").intValue()).isEqualTo(1);
        assertThat(first.get("pagination").get("pageSize").intValue()).isEqualTo(100);
        assertThat(first.get("pagination").get("pageCount").intValue()).isEqualTo(11);
        assertThat(first.get("pagination").get("itemCount").intValue()).isEqualTo(1005);
        assertThat(big.get("Contacts").size()).isEqualTo(1000);
        assertThat(big.get("pagination").get("pageSize").intValue()).isEqualTo(1000);
        assertThat(last.get("Contacts").size()).isEqualTo(5);
        assertThat(last.get("Contacts").get(4).get("Name").stringValue()).isEqualTo("Bulk 1004");
    }

    @Test
    void repeatedPagesFollowEveryChangeWhateverWasServedBefore() {
        List<UUID> ids = xero.org().contacts().generate(30, 5L);
        String page = "/Contacts?page=1&pageSize=10&order=" + XeroClient.enc("Name DESC");
        JsonNode before = XeroClient.json(xero.get(page)).get("Contacts");
        XeroClient.json(xero.get(page + "&summaryOnly=true"));
        UUID first = UUID.fromString(before.get(0).get("ContactID").stringValue());

        xero.send(
                "POST",
                "/Contacts/" + first,
                "{\"Contacts\":[{\"Name\":\"ZZZ Renamed\",\"EmailAddress\":\"renamed@example.com\"}]}");
        JsonNode renamed = XeroClient.json(xero.get(page)).get("Contacts").get(0);
        assertThat(renamed.get("ContactID").stringValue()).isEqualTo(first.toString());
        assertThat(renamed.get("Name").stringValue()).isEqualTo("ZZZ Renamed");
        assertThat(renamed.get("EmailAddress").stringValue()).isEqualTo("renamed@example.com");
        assertThat(XeroClient.json(xero.get(page + "&summaryOnly=true"))
                        .get("Contacts")
                        .get(0)
                        .get("Name")
                        .stringValue())
                .isEqualTo("ZZZ Renamed");

        xero.org().contacts().archive(first);
        JsonNode afterArchive = XeroClient.json(xero.get(page));
        assertThat(afterArchive.get("pagination").get("itemCount").intValue()).isEqualTo(ids.size() - 1);
        assertThat(afterArchive.get("Contacts").get(0).get("ContactID").stringValue())
                .isEqualTo(before.get(1).get("ContactID").stringValue());
        JsonNode withArchived = XeroClient.json(xero.get(page + "&includeArchived=true"));
        assertThat(withArchived.get("Contacts").get(0).get("ContactStatus").stringValue())
                .isEqualTo("ARCHIVED");
        assertThat(XeroClient.json(xero.get("/Contacts?page=9&pageSize=10")).get("Contacts"))
                .isEmpty();
    }

    @Test
    void whereFiltersByNameEmailStatusAndFlagsWithAndOr() {
        xero.create("{\"Name\":\"Alpha \\\"Quoted\\\" Ltd\",\"EmailAddress\":\"alpha@example.com\"}");
        UUID beta = UUID.fromString(xero.create("{\"Name\":\"Beta\",\"EmailAddress\":\"beta@example.com\"}")
                .get("ContactID")
                .stringValue());
        UUID gamma =
                UUID.fromString(xero.create(named("Gamma")).get("ContactID").stringValue());
        xero.org().contacts().markAsCustomer(beta);
        xero.org().contacts().markAsSupplier(gamma);
        xero.org().contacts().archive(gamma);

        assertThat(names(where("Name==\"Alpha \\\"Quoted\\\" Ltd\""))).containsExactly("Alpha \"Quoted\" Ltd");
        assertThat(names(where("EmailAddress==\"BETA@example.com\""))).containsExactly("Beta");
        assertThat(names(where("IsCustomer==true"))).containsExactly("Beta");
        assertThat(names(where("Name==\"Beta\" || Name==\"Alpha \\\"Quoted\\\" Ltd\"")))
                .containsExactly("Alpha \"Quoted\" Ltd", "Beta");
        assertThat(names(where("Name==\"Beta\" && IsCustomer==false"))).isEmpty();
        assertThat(names(xero.get("/Contacts?includeArchived=true&where="
                        + XeroClient.enc("ContactStatus==\"ARCHIVED\" && IsSupplier==true"))))
                .containsExactly("Gamma");
        assertThat(names(where("Name.StartsWith(\"Al\")"))).containsExactly("Alpha \"Quoted\" Ltd");
    }

    @Test
    void unparseableWhereIsAQueryParseError() {
        HttpResponse<String> response = where("Colour==\"blue\"");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(XeroClient.json(response).get("Type").stringValue()).isEqualTo("QueryParseException");
    }

    @Test
    void ordersByNameOrUpdatedDateEitherWay() {
        xero.create(named("Bravo"));
        client.xero.clock().advance(Duration.ofSeconds(2));
        xero.create(named("Alpha"));
        client.xero.clock().advance(Duration.ofSeconds(2));
        xero.create(named("Charlie"));

        assertThat(names(xero.get("/Contacts"))).containsExactly("Alpha", "Bravo", "Charlie");
        assertThat(names(xero.get("/Contacts?order=" + XeroClient.enc("Name DESC"))))
                .containsExactly("Charlie", "Bravo", "Alpha");
        assertThat(names(xero.get("/Contacts?order=" + XeroClient.enc("UpdatedDateUTC ASC"))))
                .containsExactly("Bravo", "Alpha", "Charlie");
        assertThat(names(xero.get("/Contacts?order=" + XeroClient.enc("UpdatedDateUTC DESC"))))
                .containsExactly("Charlie", "Alpha", "Bravo");
    }

    @Test
    void idsSelectContacts() {
        String a = xero.create(named("Id One")).get("ContactID").stringValue();
        xero.create(named("Id Two"));
        String c = xero.create(named("Id Three")).get("ContactID").stringValue();

        assertThat(names(xero.get("/Contacts?IDs=" + a + "," + c))).containsExactly("Id One", "Id Three");
    }

    /** The IDs filter answers as filtering the whole list would: its order, archived left out unless asked for. */
    @Test
    void idsKeepTheListsOrderAndItsArchivedRule() {
        String zulu = xero.create(named("Ids Zulu")).get("ContactID").stringValue();
        String alpha = xero.create(named("Ids Alpha")).get("ContactID").stringValue();
        String gone = xero.create(named("Ids Archived")).get("ContactID").stringValue();
        xero.send("POST", "/Contacts/" + gone, "{\"Contacts\":[{\"ContactStatus\":\"ARCHIVED\"}]}");
        String ids = String.join(",", zulu, gone, alpha, UUID.randomUUID().toString());

        assertThat(names(xero.get("/Contacts?IDs=" + ids))).containsExactly("Ids Alpha", "Ids Zulu");
        assertThat(names(xero.get("/Contacts?includeArchived=true&IDs=" + ids)))
                .containsExactly("Ids Alpha", "Ids Archived", "Ids Zulu");
        assertThat(names(xero.get("/Contacts?order=" + XeroClient.enc("Name DESC") + "&IDs=" + ids)))
                .containsExactly("Ids Zulu", "Ids Alpha");
        assertThat(names(xero.get("/Contacts?where=" + XeroClient.enc("Name==\"Ids Zulu\"") + "&IDs=" + ids)))
                .containsExactly("Ids Zulu");
    }

    @Test
    void searchTermMatchesNameFirstLastNumberAndEmailIgnoringCase() {
        xero.create("{\"Name\":\"Harbour Dental\"}");
        xero.create("{\"Name\":\"P1\",\"FirstName\":\"Harriet\"}");
        xero.create("{\"Name\":\"P2\",\"ContactNumber\":\"HAR-9\"}");
        xero.create("{\"Name\":\"P3\",\"EmailAddress\":\"mail@harvest.example\"}");
        xero.create("{\"Name\":\"Nobody\"}");

        assertThat(names(xero.get("/Contacts?searchTerm=har")))
                .containsExactlyInAnyOrder("Harbour Dental", "P1", "P2", "P3");
    }

    @Test
    void ifModifiedSinceAcceptsEveryIsoFormAndComparesWholeSeconds() {
        client.xero.clock().freeze();
        client.xero.clock().set(java.time.Instant.parse("2026-01-01T00:00:00.400Z"));
        xero.create(named("At Midnight"));
        client.xero.clock().set(java.time.Instant.parse("2026-01-01T00:00:01.100Z"));
        xero.create(named("One Second Later"));
        client.xero.clock().set(java.time.Instant.parse("2026-01-01T10:00:00Z"));

        assertThat(since("2026-01-01T00:00Z")).containsExactly("One Second Later");
        assertThat(since("2026-01-01T00:00:00")).containsExactly("One Second Later");
        assertThat(since("2026-01-01T00:00:00.999")).containsExactly("One Second Later");
        assertThat(since("2026-01-01T13:00:00+13:00")).containsExactly("One Second Later");
        assertThat(since("2025-12-31T23:59:59Z")).containsExactly("At Midnight", "One Second Later");
        assertThat(since("2025-12-31T23:59:59.5-00:00")).containsExactly("At Midnight", "One Second Later");
        assertThat(since("2026-01-01T00:00:01")).isEmpty();
        HttpResponse<String> none = xero.get("/Contacts", Map.of("If-Modified-Since", "2030-01-01T00:00:00"));
        assertThat(none.statusCode()).isEqualTo(200);
    }

    @Test
    void summaryOnlyLeavesOutHeavyFields() {
        xero.create(named("Summary Ltd"));

        JsonNode full = XeroClient.json(xero.get("/Contacts")).get("Contacts").get(0);
        JsonNode summary = XeroClient.json(xero.get("/Contacts?summaryOnly=true"))
                .get("Contacts")
                .get(0);

        assertThat(full.has("ContactPersons")).isTrue();
        assertThat(summary.has("ContactPersons")).isFalse();
        assertThat(summary.get("Name").stringValue()).isEqualTo("Summary Ltd");
    }

    @Test
    void mergedToContactIdAppearsWithPagingOrSingleGetOnly() {
        UUID from = UUID.fromString(
                xero.create(named("Merge From")).get("ContactID").stringValue());
        UUID into = UUID.fromString(
                xero.create(named("Merge Into")).get("ContactID").stringValue());
        xero.org().contacts().merge(from, into);

        JsonNode single =
                XeroClient.json(xero.get("/Contacts/" + from)).get("Contacts").get(0);
        JsonNode paged = XeroClient.json(xero.get(
                        "/Contacts?page=1&includeArchived=true&where=" + XeroClient.enc("Name==\"Merge From\"")))
                .get("Contacts")
                .get(0);
        JsonNode unpaged = XeroClient.json(
                        xero.get("/Contacts?includeArchived=true&where=" + XeroClient.enc("Name==\"Merge From\"")))
                .get("Contacts")
                .get(0);

        assertThat(single.get("MergedToContactID").stringValue()).isEqualTo(into.toString());
        assertThat(single.get("ContactStatus").stringValue()).isEqualTo("ARCHIVED");
        assertThat(paged.get("MergedToContactID").stringValue()).isEqualTo(into.toString());
        assertThat(unpaged.has("MergedToContactID")).isFalse();
    }

    private HttpResponse<String> where(String expression) {
        return xero.get("/Contacts?where=" + XeroClient.enc(expression));
    }

    private List<String> since(String timestamp) {
        return names(xero.get(
                "/Contacts?order=" + XeroClient.enc("UpdatedDateUTC ASC"), Map.of("If-Modified-Since", timestamp)));
    }

    private static List<String> names(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        XeroClient.json(response)
                .get("Contacts")
                .forEach(c -> names.add(c.get("Name").stringValue()));
        return names;
    }

    private static List<String> types(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(n -> n.get(field).stringValue())
                .toList();
    }

    private static long millis(JsonNode contact) {
        String value = contact.get("UpdatedDateUTC").stringValue();
        return Long.parseLong(value.substring("/Date(".length(), value.indexOf('+')));
    }
}
