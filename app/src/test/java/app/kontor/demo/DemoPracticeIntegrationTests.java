package app.kontor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.kontor.KontorIntegrationTest;
import app.kontor.contacts.ContactDirectory;
import app.kontor.contacts.ContactKind;
import app.kontor.contacts.ContactSearch;
import app.kontor.practice.Practices;
import app.kontor.practice.Role;
import app.kontor.practice.StaffUser;
import app.kontor.shared.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

@KontorIntegrationTest
class DemoPracticeIntegrationTests {

    @Autowired
    DemoPractice demo;

    @Autowired
    Practices practices;

    @Autowired
    ContactDirectory contacts;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void createsTheDemoPracticeOnceAndPrintsWorkingSignInsAdminFirst() {
        demo.ensureDemoPractice();
        var lines = demo.ensureDemoPractice();

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("Demo sign-in: admin@example\\.com password: \\S{14}");
        assertThat(lines.get(1)).matches("Demo sign-in: member@example\\.com password: \\S{14}");
        var adminPassword = lines.get(0).substring(lines.get(0).lastIndexOf(' ') + 1);
        var admin = practices.loadUserByUsername("admin@example.com");
        assertThat(passwords.matches(adminPassword, admin.getPassword())).isTrue();
        assertThat(admin.user().role()).isEqualTo(Role.ADMIN);

        var practice = demo.demoPracticeId();
        assertThat(practices.users(practice))
                .extracting(StaffUser::role)
                .containsExactlyInAnyOrder(Role.ADMIN, Role.MEMBER);
        var all = contacts.search(
                practice,
                new ContactSearch(
                        "", null, ContactSearch.Status.ALL, ContactSearch.Sort.NAME, new PageRequest(1, 100)));
        assertThat(all.totalItems()).isEqualTo(DemoContacts.all().size()).isBetween(18L, 25L);
        assertThat(all.items()).extracting(item -> item.kind()).contains(ContactKind.PERSON, ContactKind.ORGANISATION);
        assertThat(all.items().stream().filter(item -> item.billingEmail() != null && item.primaryPhone() != null))
                .hasSizeGreaterThan(all.items().size() / 2);
    }
}
