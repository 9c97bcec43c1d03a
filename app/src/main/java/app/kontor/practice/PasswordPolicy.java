package app.kontor.practice;

import java.util.Optional;

/**
 * The one rule for passwords people choose: at least {@value #MIN_LENGTH} characters, mixing at least
 * two kinds of character (lower-case letters, capitals, digits, spaces or symbols). Long passphrases
 * of ordinary words with spaces pass; {@code aaaaaaaaaaaa} and {@code 123456789012} do not.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;

    /** The rule as shown next to every password field. */
    public static final String RULE = "At least " + MIN_LENGTH
            + " characters, mixing at least two of: lower-case letters, capitals, digits, spaces or symbols.";

    private PasswordPolicy() {}

    /** @return why the password is refused, in plain words, or empty when it is good enough */
    public static Optional<String> problem(String password) {
        if (password.isEmpty()) {
            return Optional.of("Enter a password.");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("The password is too short: use at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("The password is too long: use at most " + MAX_LENGTH + " characters.");
        }
        var lower = password.codePoints().anyMatch(Character::isLowerCase);
        var upper = password.codePoints().anyMatch(Character::isUpperCase);
        var digit = password.codePoints().anyMatch(Character::isDigit);
        var other = password.codePoints().anyMatch(c -> !Character.isLetterOrDigit(c));
        var kinds = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        if (kinds < 2) {
            return Optional.of(
                    "The password is too simple: mix at least two of lower-case letters, capitals, digits, spaces or symbols.");
        }
        return Optional.empty();
    }
}
