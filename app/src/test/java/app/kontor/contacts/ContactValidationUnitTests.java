package app.kontor.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.kontor.contacts.ContactInput.AddressInput;
import app.kontor.contacts.ContactInput.EmailInput;
import app.kontor.contacts.ContactInput.PhoneInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactValidationUnitTests {

    @Test
    void acceptsAnOrganisationWithBillingDetailsAndNormalisesThePhone() {
        var draft = ContactValidation.validate(
                organisation(
                        "  Harbourside Dental ",
                        List.of(new EmailInput("", "billing@harbourside.example", true)),
                        List.of(new PhoneInput("Office", "09 302 4455", true))),
                "NZ");

        assertThat(draft.name()).isEqualTo("Harbourside Dental");
        assertThat(draft.emails()).containsExactly(new EmailAddress("Email", "billing@harbourside.example", true));
        assertThat(draft.phones()).containsExactly(new PhoneNumber("Office", "+6493024455", true));
    }

    @Test
    void readsPhonesWithACountryCodeWhateverThePracticeRegion() {
        var draft = ContactValidation.validate(
                organisation("Müller GmbH", List.of(), List.of(new PhoneInput("", "+49 30 2345 6789", true))), "NZ");

        assertThat(draft.phones().getFirst().e164()).isEqualTo("+493023456789");
        assertThat(draft.phones().getFirst().display()).isEqualTo("+49 30 23456789");
    }

    @Test
    void refusesAnEmptyNameAndAMissingKind() {
        var errors = errorsOf(new ContactInput(null, "  ", null, null, null, List.of(), List.of(), List.of()));

        assertThat(errors)
                .containsEntry("name", "Enter a name.")
                .containsEntry("kind", "Choose Person or Organisation.");
    }

    @Test
    void namesAPersonFromFirstAndLastNameWhenNameIsLeftEmpty() {
        var draft = ContactValidation.validate(
                new ContactInput("PERSON", "", "Aroha", "Ngata", null, List.of(), List.of(), List.of()), "NZ");

        assertThat(draft.name()).isEqualTo("Aroha Ngata");
        assertThat(draft.kind()).isEqualTo(ContactKind.PERSON);
    }

    @Test
    void explainsInvalidEmailsAndPhonesAtTheirPositions() {
        var errors = errorsOf(organisation(
                "Acme",
                List.of(new EmailInput("", "ok@example.com", false), new EmailInput("", "not an email", true)),
                List.of(new PhoneInput("", "n/a", true), new PhoneInput("", "12", false))));

        assertThat(errors)
                .containsEntry("emails[1].address", "Enter an email address like name@example.com.")
                .containsKey("phones[0].number")
                .containsKey("phones[1].number")
                .doesNotContainKey("emails[0].address");
    }

    @Test
    void refusesEmailsWithUmlautsAsXeroDoes() {
        var errors = errorsOf(organisation("Acme", List.of(new EmailInput("", "zoë@example.com", true)), List.of()));

        assertThat(errors).containsKey("emails[0].address");
    }

    @Test
    void allowsAtMostOneBillingEmailOnePrimaryPhoneAndOneBillingAddress() {
        var errors = errorsOf(new ContactInput(
                "ORGANISATION",
                "Acme",
                null,
                null,
                null,
                List.of(new EmailInput("", "a@example.com", true), new EmailInput("", "b@example.com", true)),
                List.of(new PhoneInput("", "09 302 4455", true), new PhoneInput("", "09 302 4456", true)),
                List.of(address("1 Main St", true), address("2 Side St", true))));

        assertThat(errors)
                .containsEntry("emails[1].billing", "Only one email can be the billing email.")
                .containsEntry("phones[1].primary", "Only one phone can be the primary phone.")
                .containsEntry("addresses[1].billing", "Only one address can be the billing address.");
    }

    @Test
    void enforcesXerosMaximumLengths() {
        var errors = errorsOf(new ContactInput(
                "ORGANISATION",
                "n".repeat(256),
                null,
                null,
                null,
                List.of(new EmailInput("", "a".repeat(250) + "@example.com", true)),
                List.of(),
                List.of(new AddressInput(
                        "", "x", "", "", "", "c".repeat(256), "", "p".repeat(51), "C".repeat(51), "", true))));

        assertThat(errors)
                .containsEntry("name", "Name can be at most 255 characters.")
                .containsEntry("emails[0].address", "An email can be at most 255 characters.")
                .containsEntry("addresses[0].city", "City can be at most 255 characters.")
                .containsEntry("addresses[0].postalCode", "Postal code can be at most 50 characters.")
                .containsEntry("addresses[0].country", "Country can be at most 50 characters.");
    }

    @Test
    void acceptsExactlyTheMaximumLength() {
        var draft = ContactValidation.validate(organisation("n".repeat(255), List.of(), List.of()), "NZ");

        assertThat(draft.name()).hasSize(255);
    }

    @Test
    void keepsMarkupAsPlainText() {
        var draft = ContactValidation.validate(
                organisation("<script>alert('x')</script> & Sons", List.of(), List.of()), "NZ");

        assertThat(draft.name()).isEqualTo("<script>alert('x')</script> & Sons");
    }

    @Test
    void refusesLineBreaksInSingleLineFields() {
        var errors = errorsOf(organisation("Acme\nLtd", List.of(), List.of()));

        assertThat(errors).containsEntry("name", "Name must be a single line of text.");
    }

    @Test
    void dropsBlankRowsInsteadOfComplaining() {
        var draft = ContactValidation.validate(
                new ContactInput(
                        "ORGANISATION",
                        "Acme",
                        null,
                        null,
                        null,
                        List.of(new EmailInput("Work", " ", false)),
                        List.of(new PhoneInput("Mobile", "", false)),
                        List.of(address("", true))),
                "NZ");

        assertThat(draft.emails()).isEmpty();
        assertThat(draft.phones()).isEmpty();
        assertThat(draft.addresses()).isEmpty();
    }

    private static java.util.Map<String, String> errorsOf(ContactInput input) {
        var invalid =
                catchThrowableOfType(InvalidContactException.class, () -> ContactValidation.validate(input, "NZ"));
        assertThat(invalid).as("validation should fail").isNotNull();
        return invalid.errors().asMap();
    }

    private static ContactInput organisation(String name, List<EmailInput> emails, List<PhoneInput> phones) {
        return new ContactInput("ORGANISATION", name, null, null, null, emails, phones, List.of());
    }

    private static AddressInput address(String line1, boolean billing) {
        return new AddressInput("", line1, "", "", "", "", "", "", "", "", billing);
    }
}
