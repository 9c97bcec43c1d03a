package app.kontor.xerosync;

import static org.assertj.core.api.Assertions.assertThat;

import app.kontor.shared.PracticeId;
import app.kontor.xero.NewXeroContact;
import app.kontor.xero.XeroContactPage;
import app.kontor.xero.XeroContactSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The (second, page) cursor of DESIGN §5, and the phone text built from Xero's pieces. */
class ImportCursorUnitTests {

    static final Instant T = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void aFullPageMovesTheCursorToItsLastSecond() {
        var next =
                ImportRunner.next(run(null, 1, false), page(T, T.plusSeconds(5).plusMillis(300)));
        assertThat(next).isEqualTo(new ImportRunner.Cursor(T.plusSeconds(5), 1, false));
    }

    @Test
    void aFullPageWithinTheCursorsSecondStepsToTheNextPage() {
        var next = ImportRunner.next(run(T, 3, false), page(T.plusMillis(10), T.plusMillis(900)));
        assertThat(next).isEqualTo(new ImportRunner.Cursor(T, 4, false));
    }

    @Test
    void aPageOutOfOrderSwitchesToPageSteppingForTheRest() {
        var next = ImportRunner.next(run(T, 1, false), page(T.plusSeconds(9), T.plusSeconds(2)));
        assertThat(next).isEqualTo(new ImportRunner.Cursor(T, 2, true));
        var after = ImportRunner.next(run(T, 2, true), page(T.plusSeconds(20), T.plusSeconds(30)));
        assertThat(after).isEqualTo(new ImportRunner.Cursor(T, 3, true));
    }

    @Test
    void phoneTextJoinsXerosPiecesWithoutEmptyOnes() {
        assertThat(XeroValues.phoneText(new NewXeroContact.Phone("64", "9", "4391200")))
                .isEqualTo("+64 9 4391200");
        assertThat(XeroValues.phoneText(new NewXeroContact.Phone("+44", "", "2079460000")))
                .isEqualTo("+44 2079460000");
        assertThat(XeroValues.phoneText(new NewXeroContact.Phone("", "09", "5550123")))
                .isEqualTo("09 5550123");
        assertThat(XeroValues.phoneText(new NewXeroContact.Phone("64", "9", " ")))
                .isNull();
        assertThat(XeroValues.phoneText(null)).isNull();
    }

    private static XeroImport run(@Nullable Instant second, int page, boolean stepping) {
        return new XeroImport(
                UUID.randomUUID(),
                RunKind.SYNC,
                PracticeId.random(),
                UUID.randomUUID(),
                ImportState.READING,
                second,
                page,
                stepping,
                null,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                null,
                null,
                "test",
                T,
                null);
    }

    /** A full page (1,000 contacts) whose first and last contacts changed at these times. */
    private static XeroContactPage page(Instant first, Instant last) {
        var contacts = new ArrayList<XeroContactSnapshot>();
        for (var i = 0; i < 1000; i++) {
            contacts.add(contact(i == 999 ? last : first));
        }
        return new XeroContactPage(contacts, 1, 1000, null, 0);
    }

    private static XeroContactSnapshot contact(Instant updated) {
        return new XeroContactSnapshot(
                UUID.randomUUID(),
                "Name",
                null,
                null,
                null,
                "ACTIVE",
                true,
                false,
                null,
                null,
                null,
                updated,
                null,
                "{}",
                List.of());
    }
}
