package app.kontor.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactNamesUnitTests {

    @ParameterizedTest(name = "\"{0}\" normalises to \"{1}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "Kauri Coast Joinery Ltd|kauri coast joinery",
                "KAURI   coast joinery LIMITED|kauri coast joinery",
                "Tui & Fern Florists|tui and fern florists",
                "Tui and Fern Florists.|tui and fern florists",
                "Acme Pty Ltd|acme",
                "Acme Pty|acme",
                "Smith & Co|smith and",
                "Straße Holdings GmbH|strasse holdings",
                "ＦＵＬＬ Width Inc.|full width",
                "O'Connell, James|o connell james",
                "Limited Editions|limited editions",
                "Ltd|ltd"
            })
    void normalisesCaseWhitespacePunctuationAndOneLegalSuffix(String name, String expected) {
        assertThat(ContactNames.normalise(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"Acme Ltd Ltd|acme ltd", "Acme Co Ltd|acme co"})
    void dropsOnlyOneTrailingSuffix(String name, String expected) {
        assertThat(ContactNames.normalise(name)).isEqualTo(expected);
    }
}
