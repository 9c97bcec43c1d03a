package app.xerosim.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.xerosim.ContactStatus;
import app.xerosim.SimContact;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class WhereFilterUnitTests {

    private static SimContact contact(String name, @Nullable String email, boolean customer, ContactStatus status) {
        return new SimContact(
                UUID.randomUUID(),
                null,
                null,
                status,
                name,
                null,
                null,
                null,
                email,
                null,
                null,
                Map.of(),
                Map.of(),
                false,
                customer,
                null,
                Instant.EPOCH,
                Map.of());
    }

    private final SimContact acme = contact("Acme \"Best\" Ltd", "a@acme.example", true, ContactStatus.ACTIVE);
    private final SimContact back = contact("Back\\Slash", null, false, ContactStatus.ARCHIVED);

    @Test
    void equalityIgnoresCaseAndHonoursBackslashEscapes() {
        assertThat(WhereFilter.parse("Name==\"acme \\\"best\\\" ltd\"").test(acme))
                .isTrue();
        assertThat(WhereFilter.parse("Name == \"Back\\\\Slash\"").test(back)).isTrue();
        assertThat(WhereFilter.parse("Name==\"Acme\"").test(acme)).isFalse();
    }

    @Test
    void andBindsTighterThanOr() {
        var filter =
                WhereFilter.parse("IsCustomer==false && ContactStatus==\"ACTIVE\" || Name==\"Acme \\\"Best\\\" Ltd\"");

        assertThat(filter.test(acme)).isTrue();
        assertThat(filter.test(back)).isFalse();
    }

    @Test
    void wordOperatorsParenthesesNegationAndNull() {
        assertThat(WhereFilter.parse("(EmailAddress!=null AND EmailAddress.EndsWith(\"EXAMPLE\")) OR IsCustomer==true")
                        .test(acme))
                .isTrue();
        assertThat(WhereFilter.parse("EmailAddress==null").test(back)).isTrue();
        assertThat(WhereFilter.parse("!(IsCustomer==true)").test(back)).isTrue();
        assertThat(WhereFilter.parse("ContactID==Guid(\"" + acme.contactId() + "\")")
                        .test(acme))
                .isTrue();
    }

    @Test
    void unknownFieldsAndBrokenSyntaxAreParseErrors() {
        assertThatThrownBy(() -> WhereFilter.parse("Colour==\"red\"")).isInstanceOf(WhereFilter.QueryParseError.class);
        assertThatThrownBy(() -> WhereFilter.parse("Name==\"open")).isInstanceOf(WhereFilter.QueryParseError.class);
        assertThatThrownBy(() -> WhereFilter.parse("Name==\"a\" &&")).isInstanceOf(WhereFilter.QueryParseError.class);
    }
}
