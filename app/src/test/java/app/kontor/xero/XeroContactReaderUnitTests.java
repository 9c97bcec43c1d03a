package app.kontor.xero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Xero's contact JSON read tolerantly: what Kontor cannot read is named, never failing the page. */
class XeroContactReaderUnitTests {

    @Test
    void readsTheFieldsKontorImportsAndKeepsTheRawJson() {
        var page = XeroContactReader.page(bytes("""
                {"pagination":{"page":1,"pageSize":1000,"pageCount":1,"itemCount":1},
                 "Contacts":[{"ContactID":"6d42f03b-181f-43e3-93fb-2025c012de92","ContactStatus":"ACTIVE",
                   "Name":"Cedar Hart","FirstName":"Cedar","LastName":"Hart","EmailAddress":"cedar@hart.example",
                   "IsCustomer":true,"UpdatedDateUTC":"\\/Date(1551399321043+0000)\\/","Unknown":{"x":1},
                   "Phones":[{"PhoneType":"MOBILE","PhoneNumber":"1"},
                             {"PhoneType":"DEFAULT","PhoneNumber":"5550123","PhoneAreaCode":"9","PhoneCountryCode":"64"}],
                   "Addresses":[{"AddressType":"STREET","AddressLine1":"","City":""},
                                {"AddressType":"POBOX","AddressLine1":"PO Box 1","City":"Nelson"}]}]}"""));

        assertThat(page).singleElement().satisfies(contact -> {
            assertThat(contact.displayName()).isEqualTo("Cedar Hart");
            assertThat(contact.customer()).isTrue();
            assertThat(contact.supplier()).isFalse();
            assertThat(contact.defaultPhone()).isEqualTo(new NewXeroContact.Phone("64", "9", "5550123"));
            assertThat(contact.postalAddress().line1()).isEqualTo("PO Box 1");
            assertThat(contact.streetAddress()).isNull();
            assertThat(contact.updatedAt()).isEqualTo(Instant.ofEpochMilli(1551399321043L));
            assertThat(contact.rawJson()).contains("\"Unknown\"");
            assertThat(contact.problems()).isEmpty();
        });
        assertThat(XeroContactReader.listing(bytes("{\"pagination\":{\"itemCount\":7},\"Contacts\":[]}"))
                        .itemCount())
                .isEqualTo(7);
    }

    @Test
    void namesWhatItCannotReadAndKeepsTheOtherContactsOfThePage() {
        var page = XeroContactReader.page(bytes("""
                {"Contacts":[
                  {"ContactID":"not-a-uuid","Name":"Lost"},
                  {"ContactID":"11111111-1111-1111-1111-111111111111","ContactStatus":"SUSPENDED",
                   "UpdatedDateUTC":"yesterday","Name":{"nested":true},"MergedToContactID":"x"},
                  {"ContactID":"22222222-2222-2222-2222-222222222222","Name":"Fine Ltd","EmailAddress":""}]}"""));

        assertThat(page).hasSize(2);
        var odd = page.getFirst();
        assertThat(odd.displayName()).isEmpty();
        assertThat(odd.knownStatus()).isFalse();
        assertThat(odd.updatedAt()).isNull();
        assertThat(odd.problems())
                .anySatisfy(p -> assertThat(p).contains("without a name"))
                .anySatisfy(p -> assertThat(p).contains("SUSPENDED"))
                .anySatisfy(p -> assertThat(p).contains("yesterday"))
                .anySatisfy(p -> assertThat(p).contains("MergedToContactID"));
        assertThat(page.getLast().emailAddress()).isNull();
        assertThat(page.getLast().problems()).isEmpty();
    }

    @Test
    void aBodyThatIsNoContactListFailsTheReadInPlainWords() {
        assertThatThrownBy(() -> XeroContactReader.page(bytes("<html>busy</html>")))
                .isInstanceOf(XeroApiException.class)
                .hasMessageContaining("could not read");
        assertThatThrownBy(() -> XeroContactReader.page(bytes("{\"Status\":\"OK\"}")))
                .isInstanceOf(XeroApiException.class)
                .hasMessageContaining("without a contact list");
        assertThat(XeroContactReader.one(null)).isEmpty();
        assertThat(XeroContactReader.one("{broken")).isEmpty();
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
