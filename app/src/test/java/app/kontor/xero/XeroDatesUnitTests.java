package app.kontor.xero;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class XeroDatesUnitTests {

    @Test
    void readsUpdatedDateUtcWithItsOffset() {
        assertThat(XeroDates.parse("/Date(1551399321043+0000)/")).hasValue(Instant.ofEpochMilli(1551399321043L));
    }

    @Test
    void readsTheEnvelopeFormWithoutOffsetAndTheJsonEscapedSlashes() {
        assertThat(XeroDates.parse("/Date(1439434356790)/")).hasValue(Instant.ofEpochMilli(1439434356790L));
        assertThat(XeroDates.parse("\\/Date(1439434356790)\\/")).hasValue(Instant.ofEpochMilli(1439434356790L));
    }

    @Test
    void readsDatesBefore1970() {
        assertThat(XeroDates.parse("/Date(-1642464000000+0000)/")).hasValue(Instant.parse("1917-12-15T00:00:00Z"));
    }

    @Test
    void ignoresTheOffsetAsXerosSdkDoes() {
        assertThat(XeroDates.parse("/Date(0+1300)/")).hasValue(Instant.EPOCH);
    }

    @Test
    void anythingElseIsNoDate() {
        assertThat(XeroDates.parse(null)).isEmpty();
        assertThat(XeroDates.parse("2026-01-01T00:00:00")).isEmpty();
        assertThat(XeroDates.parse("/Date(abc)/")).isEmpty();
        assertThat(XeroDates.parse("/Date(99999999999999999999)/")).isEmpty();
    }
}
