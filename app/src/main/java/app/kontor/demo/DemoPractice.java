package app.kontor.demo;

import app.kontor.contacts.ContactDirectory;
import app.kontor.contacts.ContactInput;
import app.kontor.contacts.ContactInput.AddressInput;
import app.kontor.contacts.ContactInput.EmailInput;
import app.kontor.contacts.ContactInput.PhoneInput;
import app.kontor.practice.NewUser;
import app.kontor.practice.Practices;
import app.kontor.practice.Role;
import app.kontor.shared.PracticeId;
import app.kontor.system.KontorSettings;
import app.kontor.system.RunMode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates the demo practice on the first demo start and prints how to sign in on every start. Fresh
 * passwords are set at each start, so none is ever stored in plain text.
 */
@Component
class DemoPractice {

    static final String PRACTICE_NAME = "Lindqvist & Hart Accounting";
    static final String ADMIN_EMAIL = "admin@example.com";
    static final String MEMBER_EMAIL = "member@example.com";

    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int PASSWORD_LENGTH = 14;

    private final Practices practices;
    private final ContactDirectory contacts;
    private final KontorSettings kontor;
    private final DemoSettings demo;
    private final Environment environment;
    private final SecureRandom random = new SecureRandom();

    DemoPractice(
            Practices practices,
            ContactDirectory contacts,
            KontorSettings kontor,
            DemoSettings demo,
            Environment environment) {
        this.practices = practices;
        this.contacts = contacts;
        this.kontor = kontor;
        this.demo = demo;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (kontor.runMode() != RunMode.DEMO || !demo.seed()) {
            return;
        }
        var credentials = ensureDemoPractice();
        var port = environment.getProperty("local.server.port", "8080");
        System.out.println();
        System.out.println("Kontor is running at http://localhost:" + port + "/ (demo mode)");
        credentials.forEach(line -> System.out.println(line));
        System.out.println();
    }

    /** @return the sign-in lines to print, admin first */
    List<String> ensureDemoPractice() {
        if (practices.findByName(PRACTICE_NAME).isEmpty()) {
            var practice = practices.create(PRACTICE_NAME, "NZ");
            practices.addUser(practice.id(), new NewUser(ADMIN_EMAIL, "Ada Lindqvist", password(), Role.ADMIN));
            practices.addUser(practice.id(), new NewUser(MEMBER_EMAIL, "Mika Hart", password(), Role.MEMBER));
            DemoContacts.all().forEach(contact -> contacts.create(practice.id(), contact));
        }
        var lines = new ArrayList<String>();
        for (var email : List.of(ADMIN_EMAIL, MEMBER_EMAIL)) {
            var user = practices.findUserByEmail(email).orElseThrow();
            var password = password();
            practices.setPassword(user.id(), password);
            lines.add("Demo sign-in: " + email + " password: " + password);
        }
        return lines;
    }

    @Nullable
    PracticeId demoPracticeId() {
        return practices.findByName(PRACTICE_NAME).map(p -> p.id()).orElse(null);
    }

    private String password() {
        var password = new StringBuilder();
        for (var i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    static ContactInput organisation(
            String name, @Nullable String email, @Nullable String phone, @Nullable AddressInput address) {
        return contact("ORGANISATION", name, null, null, email, phone, address);
    }

    static ContactInput person(
            String first, String last, @Nullable String email, @Nullable String phone, @Nullable AddressInput address) {
        return contact("PERSON", first + " " + last, first, last, email, phone, address);
    }

    private static ContactInput contact(
            String kind,
            String name,
            @Nullable String first,
            @Nullable String last,
            @Nullable String email,
            @Nullable String phone,
            @Nullable AddressInput address) {
        return new ContactInput(
                kind,
                name,
                first,
                last,
                "",
                email == null ? List.of() : List.of(new EmailInput("Billing", email, true)),
                phone == null ? List.of() : List.of(new PhoneInput("Office", phone, true)),
                address == null ? List.of() : List.of(address));
    }
}
