package app.kontor.practice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first start of a production installation: while no practice exists, each start issues a new
 * one-time setup code (printed to the log, stored only as its SHA-256, replacing any earlier one).
 * {@code /setup} is open only while a code is outstanding; using the right code creates the practice
 * and its first admin and consumes the code. After {@value #MAX_FAILED_ATTEMPTS} wrong codes the code
 * is dropped and only a restart issues a new one.
 */
@Service
public class PracticeSetup {

    static final int MAX_FAILED_ATTEMPTS = 10;

    /** Crockford's base32: no I, L, O or U, so a code read from a log is hard to mistype. */
    private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private static final int CODE_HALF_LENGTH = 4;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final JdbcClient jdbc;
    private final Practices practices;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PracticeSetup(JdbcClient jdbc, Practices practices, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.practices = practices;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What the setup page asks for. {@code country} is an ISO 3166 code such as NZ or GB. */
    public record SetupRequest(
            String setupCode, String practiceName, String country, String displayName, String email, String password) {}

    /**
     * Called at a production start: issues a new code when no practice exists yet, and drops any code
     * left over when one does.
     *
     * @return the code to print, or empty when the installation is set up
     */
    public Optional<String> issueCodeIfNeeded() {
        return transactions.execute(status -> {
            var anyPractice =
                    jdbc.sql("select count(*) from practices").query(Long.class).single() > 0;
            if (anyPractice) {
                jdbc.sql("delete from setup_codes").update();
                return Optional.<String>empty();
            }
            return Optional.of(issueCode());
        });
    }

    /** Issues a new code, replacing any earlier one; tests use it to open {@code /setup}. */
    String issueCode() {
        var code = new StringBuilder();
        for (var i = 0; i < 2 * CODE_HALF_LENGTH; i++) {
            if (i == CODE_HALF_LENGTH) {
                code.append('-');
            }
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        var text = code.toString();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("delete from setup_codes").update();
            jdbc.sql("insert into setup_codes (id, code_hash, failed_attempts, created_at) values (1, ?, 0, ?)")
                    .params(hash(text), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .update();
        });
        return text;
    }

    /** Whether {@code /setup} is open: a setup code is outstanding. */
    public boolean open() {
        return jdbc.sql("select count(*) from setup_codes").query(Long.class).single() > 0;
    }

    /**
     * Creates the practice and its first admin (who signs in with the chosen password) and consumes
     * the code, in one transaction.
     *
     * @throws SetupClosedException when no code is outstanding (already set up, or too many wrong codes)
     * @throws InvalidAccountException for invalid fields or a wrong code ({@code setupCode}); nothing is
     *     created
     */
    public Practice complete(SetupRequest request) {
        var errors = new LinkedHashMap<String, String>();
        var practiceName = request.practiceName().strip();
        var country = request.country().strip().toUpperCase(Locale.ROOT);
        var name = request.displayName().strip();
        var email = Practices.canonicalEmail(request.email());
        if (practiceName.isEmpty() || practiceName.length() > 200) {
            errors.put("practiceName", "Enter the practice's name (at most 200 characters).");
        }
        if (!COUNTRIES.contains(country)) {
            errors.put("country", "Enter the two-letter code of the practice's country, like NZ or GB.");
        }
        if (name.isEmpty() || name.length() > 200) {
            errors.put("displayName", "Enter your name (at most 200 characters).");
        }
        if (email.length() > 255 || !EMAIL.matcher(email).matches()) {
            errors.put("email", "Enter an email address like name@example.com.");
        } else if (practices.findUserByEmail(email).isPresent()) {
            errors.put("email", "Someone already signs in with this email.");
        }
        PasswordPolicy.problem(request.password()).ifPresent(problem -> errors.put("password", problem));
        var outcome = transactions.execute(status -> {
            var stored = jdbc.sql("select code_hash, failed_attempts from setup_codes where id = 1 for update")
                    .query((rs, row) -> new StoredCode(rs.getString("code_hash"), rs.getInt("failed_attempts")))
                    .optional();
            if (stored.isEmpty()) {
                return new Result(Outcome.CLOSED, null);
            }
            var presented = hash(normalise(request.setupCode()));
            if (!MessageDigest.isEqual(
                    presented.getBytes(StandardCharsets.US_ASCII),
                    stored.get().hash().getBytes(StandardCharsets.US_ASCII))) {
                if (stored.get().failedAttempts() + 1 >= MAX_FAILED_ATTEMPTS) {
                    jdbc.sql("delete from setup_codes").update();
                    return new Result(Outcome.CODE_DROPPED, null);
                }
                jdbc.sql("update setup_codes set failed_attempts = failed_attempts + 1")
                        .update();
                return new Result(Outcome.WRONG_CODE, null);
            }
            if (!errors.isEmpty()) {
                return new Result(Outcome.INVALID, null);
            }
            jdbc.sql("delete from setup_codes").update();
            var practice = practices.create(practiceName, country);
            practices.addUser(practice.id(), new NewUser(email, name, request.password(), Role.ADMIN));
            return new Result(Outcome.CREATED, practice);
        });
        return switch (Objects.requireNonNull(outcome).outcome()) {
            case CREATED -> Objects.requireNonNull(outcome.practice());
            case CLOSED ->
                throw new SetupClosedException("Setup is closed: Kontor is already set up (sign in instead), or its "
                        + "setup code stopped working (restart Kontor to print a new one).");
            case CODE_DROPPED ->
                throw new SetupClosedException("Too many wrong setup codes were tried, so the code no longer works. "
                        + "Restart Kontor to print a new one.");
            case WRONG_CODE -> {
                // The code is the form's first field, so its error leads the summary.
                var withCode = new LinkedHashMap<String, String>();
                withCode.put(
                        "setupCode",
                        "That setup code is not right. Use the code printed by the latest start of Kontor.");
                withCode.putAll(errors);
                throw new InvalidAccountException(withCode);
            }
            case INVALID -> throw new InvalidAccountException(errors);
        };
    }

    private enum Outcome {
        CREATED,
        CLOSED,
        CODE_DROPPED,
        WRONG_CODE,
        INVALID
    }

    private record Result(Outcome outcome, @Nullable Practice practice) {}

    private record StoredCode(String hash, int failedAttempts) {}

    /** Codes compare without case, spaces or dashes, so {@code abcd efgh} equals {@code ABCD-EFGH}. */
    static String normalise(String code) {
        return code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    private static String hash(String code) {
        return ApiTokens.sha256(normalise(code));
    }
}
