package app.kontor;

import app.kontor.contacts.Contact;
import app.kontor.contacts.ContactDirectory;
import app.kontor.contacts.ContactInput;
import app.kontor.practice.ApiTokens;
import app.kontor.practice.KontorUserDetails;
import app.kontor.practice.NewUser;
import app.kontor.practice.Practice;
import app.kontor.practice.Practices;
import app.kontor.practice.Role;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Intention-revealing test data: a fresh practice per test, with an admin, a member and contacts. */
@TestComponent
public class Fixtures {

    public static final String PASSWORD = "correct horse battery staple";

    private final Practices practices;
    private final ContactDirectory contacts;
    private final ApiTokens apiTokens;

    Fixtures(Practices practices, ContactDirectory contacts, ApiTokens apiTokens) {
        this.practices = practices;
        this.contacts = contacts;
        this.apiTokens = apiTokens;
    }

    /** A new practice in New Zealand with one admin and one member, both with {@link #PASSWORD}. */
    public TestPractice newPractice() {
        var unique = UUID.randomUUID().toString().substring(0, 8);
        var practice = practices.create("Practice " + unique, "NZ");
        var admin = practices.addUser(
                practice.id(),
                new NewUser("admin-" + unique + "@example.com", "Admin " + unique, PASSWORD, Role.ADMIN));
        var member = practices.addUser(
                practice.id(),
                new NewUser("member-" + unique + "@example.com", "Member " + unique, PASSWORD, Role.MEMBER));
        return new TestPractice(practice, admin.email(), member.email());
    }

    public Contact organisation(TestPractice practice, String name) {
        return contacts.create(practice.id(), organisationInput(name, null, null));
    }

    public Contact organisation(TestPractice practice, String name, String billingEmail, String primaryPhone) {
        return contacts.create(practice.id(), organisationInput(name, billingEmail, primaryPhone));
    }

    public static ContactInput organisationInput(String name, String billingEmail, String primaryPhone) {
        return new ContactInput(
                "ORGANISATION",
                name,
                null,
                null,
                "",
                billingEmail == null ? List.of() : List.of(new ContactInput.EmailInput("Billing", billingEmail, true)),
                primaryPhone == null ? List.of() : List.of(new ContactInput.PhoneInput("Office", primaryPhone, true)),
                List.of());
    }

    /** A new personal API token of the given user; the returned text is what goes after {@code Bearer }. */
    public String apiToken(String email) {
        return apiTokens
                .create(practices.loadUserByUsername(email).user(), "Test token")
                .secret();
    }

    /** Signs a MockMvc request in as the given user, as the session would after form sign-in. */
    public RequestPostProcessor as(String email) {
        KontorUserDetails details = practices.loadUserByUsername(email);
        return SecurityMockMvcRequestPostProcessors.user(details);
    }

    public record TestPractice(Practice practice, String adminEmail, String memberEmail) {
        public app.kontor.shared.PracticeId id() {
            return practice.id();
        }
    }
}
