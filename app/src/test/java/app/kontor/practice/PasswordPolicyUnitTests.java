package app.kontor.practice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyUnitTests {

    @Test
    void acceptsALongPassphraseOfWordsAndSpaces() {
        assertThat(PasswordPolicy.problem("correct horse battery staple")).isEmpty();
        assertThat(PasswordPolicy.problem("Kontor2026ledger")).isEmpty();
    }

    @Test
    void refusesShortPasswordsSayingHowLongTheyMustBe() {
        assertThat(PasswordPolicy.problem("Ab1!Ab1!Ab1"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("at least 12 characters"));
        assertThat(PasswordPolicy.problem("")).hasValue("Enter a password.");
    }

    @Test
    void refusesPasswordsOfOneKindOfCharacterOnly() {
        assertThat(PasswordPolicy.problem("aaaaaaaaaaaaaaaa"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("too simple"));
        assertThat(PasswordPolicy.problem("123456789012")).isPresent();
        assertThat(PasswordPolicy.problem("ABCDEFGHIJKLM")).isPresent();
    }

    @Test
    void theRuleShownToUsersNamesTheMinimumLength() {
        assertThat(PasswordPolicy.RULE).startsWith("At least 12 characters");
    }
}
