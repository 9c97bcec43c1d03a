package app.kontor.xerolink;

import static org.assertj.core.api.Assertions.assertThat;

import app.kontor.xero.ConnectionStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class SectionViewUnitTests {

    @Test
    void placesEachOfXerosMessagesBesideTheValueItConcerns() {
        var view = failedWith(List.of(
                "Email address must be valid.",
                "The contact name Acme is already assigned to another contact.",
                "Country can be at most 50 characters.",
                "Phone number is too long.",
                "Something else went wrong."));

        assertThat(view.messagesAbout("email")).containsExactly("Email address must be valid.");
        assertThat(view.messagesAbout("name"))
                .containsExactly("The contact name Acme is already assigned to another contact.");
        assertThat(view.messagesAbout("address")).containsExactly("Country can be at most 50 characters.");
        assertThat(view.messagesAbout("phone")).containsExactly("Phone number is too long.");
        assertThat(view.otherMessages()).containsExactly("Something else went wrong.");
    }

    private static SectionView failedWith(List<String> details) {
        return new SectionView(
                "id",
                SectionView.State.FAILED,
                ConnectionStatus.CONNECTED,
                "Org",
                false,
                false,
                new SectionView.Preview("Acme", null, null, null),
                null,
                null,
                List.of(),
                List.of(),
                "Xero did not accept this contact",
                details,
                "_csrf",
                "",
                null);
    }
}
