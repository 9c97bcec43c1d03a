package app.xerosim.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class XeroDatesUnitTests {

    @Test
    void formatsMsJsonDates() {
        Instant instant = Instant.ofEpochMilli(1551399321043L);

        assertThat(XeroDates.msDateWithOffset(instant)).isEqualTo("/Date(1551399321043+0000)/");
        assertThat(XeroDates.msDate(instant)).isEqualTo("/Date(1551399321043)/");
        assertThat(XeroDates.msDateWithOffset(Instant.ofEpochMilli(-1642464000000L)))
                .isEqualTo("/Date(-1642464000000+0000)/");
    }

    @Test
    void parsesTheIsoFormsXerosSdksSend() {
        Instant midnight = Instant.parse("2026-01-01T00:00:00Z");

        assertThat(XeroDates.parseIso("2026-01-01T00:00Z")).hasValue(midnight);
        assertThat(XeroDates.parseIso("2026-01-01T00:00:00")).hasValue(midnight);
        assertThat(XeroDates.parseIso("2026-01-01T13:00:00+13:00")).hasValue(midnight);
        assertThat(XeroDates.parseIso("2026-01-01T13:00+1300")).hasValue(midnight);
        assertThat(XeroDates.parseIso("2020-02-06T12:17:43.202-08:00"))
                .hasValue(Instant.parse("2020-02-06T20:17:43.202Z"));
        assertThat(XeroDates.parseIso("2009-11-12")).hasValue(Instant.parse("2009-11-12T00:00:00Z"));
    }

    @Test
    void rejectsRfc1123Dates() {
        assertThat(XeroDates.parseIso("Thu, 01 Jan 2026 00:00:00 GMT")).isEmpty();
    }
}
