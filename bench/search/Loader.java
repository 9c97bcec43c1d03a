/*
 * Loads many generated contacts into one practice of a Kontor database, fast, with exactly the rows the app
 * writes: each contact goes through Kontor's own ContactValidation (phone numbers to E.164, trimming, billing
 * and primary flags) and is stored by Kontor's own ContactRows.insert (search_text and sort_name included),
 * over one JDBC connection, committing every 1,000 contacts. Run with the packaged app's classes on the class
 * path (run.sh unpacks app/target/kontor.jar):
 *
 *   java -cp 'kontor/BOOT-INF/classes:kontor/BOOT-INF/lib/*' Loader.java --jdbc URL [--user U] [--password P]
 *        [--practice-of admin@example.com] [--contacts 100000] [--seed 1] [--ids FILE] [--terms FILE]
 *
 * What it skips: the ContactCreated event (no module reacts to a new contact by writing rows of its own).
 * Deterministic for a seed (ids, names, emails, phones, times). Writes --ids (a sample of 10,000 contact ids,
 * for the contact page) and --terms (search terms of each kind, picked from the generated contacts).
 */

import app.kontor.contacts.Contact;
import app.kontor.contacts.ContactInput;
import app.kontor.contacts.ContactValidation;
import app.kontor.contacts.InvalidContactException;
import app.kontor.contacts.internal.ContactRows;
import app.kontor.shared.ContactId;
import app.kontor.shared.PracticeId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

public class Loader {

    static final String[] FIRST = {
        "Aroha", "Liam", "Zoe", "Mateo", "Priya", "Hiroshi", "Chloe", "Noah", "Isla", "Wiremu", "Sofia", "Ethan",
        "Ngaio", "Bjorn", "Ana", "Grace", "Tane", "Hannah", "Lukasz", "Mere", "Olivia", "Jack", "Amelia", "Oliver",
        "Charlotte", "James", "Mia", "William", "Ella", "Lucas", "Ruby", "Leo", "Harper", "Hugo", "Maia", "Arlo",
        "Nikau", "Aria", "Kai", "Anika"
    };
    static final String[] LAST = {
        "Smith", "Ngata", "Anderson", "Garcia", "Patel", "Tanaka", "Martin", "Brown", "Campbell", "Tuhiwai",
        "Rossi", "Clarke", "Marsh", "Eriksson", "Lima", "Lee", "Walker", "Schmidt", "Nowak", "Williams", "Wilson",
        "Taylor", "Jones", "Thompson", "White", "Harris", "Robinson", "King", "Wright", "Young", "Scott", "Green",
        "Baker", "Hall", "Allen", "Mitchell", "Turner", "Cooper", "Ward", "Morris", "Hughes", "Edwards", "Singh",
        "Chen", "Wang", "Kumar", "Murphy", "Kelly", "OConnor", "Parata", "Tipene", "Henare", "Ruatapu", "Kereama",
        "Fisher", "Stewart", "Reid", "Fraser", "Duncan", "Mackenzie", "Sutherland", "Ferguson", "Bishop", "Carter",
        "Dixon", "Ellis", "Foster", "Gibson", "Hayes", "Irving", "Jensen", "Knight", "Lloyd", "Moore", "Nash",
        "Owen", "Price", "Quinn", "Russell", "Shaw"
    };
    static final String[] TRADE = {
        "Plumbing", "Dental", "Logistics", "Design", "Roasters", "Builders", "Legal", "Solar", "Vineyards",
        "Print House", "Marine", "Cleaning", "Security", "Payroll", "Architecture", "Orchard", "Electrical",
        "Joinery", "Motors", "Bakery", "Physio", "Consulting", "Freight", "Landscaping"
    };
    static final String[] SUFFIX = {" Ltd", " Limited", "", " Co", " Trust"};
    static final String[] SYLLABLES = {
        "ka", "ro", "ta", "ne", "mi", "ha", "wai", "ri", "po", "tu", "ma", "ko", "le", "van", "der", "bel", "mar",
        "sto", "gle", "fin", "ber", "lun", "dor", "sel", "qui", "zan", "vor", "pel", "hu", "ti"
    };
    static final String[] CITY = {
        "Auckland", "Wellington", "Christchurch", "Hamilton", "Tauranga", "Dunedin", "Napier", "Nelson",
        "Palmerston North", "Rotorua", "Whangarei", "Invercargill"
    };
    static final String[] STREET = {"Queen", "Victoria", "Main", "High", "Church", "Station", "Beach", "Hill"};

    public static void main(String[] args) throws Exception {
        String url = null, user = "postgres", password = "", practiceOf = "admin@example.com";
        int count = 100_000;
        long seed = 1;
        Path idsFile = null, termsFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jdbc" -> url = args[++i];
                case "--user" -> user = args[++i];
                case "--password" -> password = args[++i];
                case "--practice-of" -> practiceOf = args[++i];
                case "--contacts" -> count = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--ids" -> idsFile = Path.of(args[++i]);
                case "--terms" -> termsFile = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("--jdbc is required");
        }
        var dataSource = new SingleConnectionDataSource(url, user, password, true);
        dataSource.setAutoCommit(false);
        Connection connection = dataSource.getConnection();
        var jdbc = JdbcClient.create(dataSource);
        var practice = new PracticeId(jdbc.sql("select practice_id from users where email = ?")
                .param(practiceOf)
                .query(UUID.class)
                .single());
        String region = jdbc.sql("select default_phone_region from practices where id = ?")
                .param(practice.value())
                .query(String.class)
                .single();
        var constructor = ContactRows.class.getDeclaredConstructor(JdbcClient.class);
        constructor.setAccessible(true); // the app's own repository, not a copy of its SQL
        ContactRows rows = constructor.newInstance(jdbc);

        Random random = new Random(seed);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<String> sampleIds = new ArrayList<>();
        Map<String, List<String>> terms = new LinkedHashMap<>();
        for (String kind : List.of("name", "rare", "email", "phone")) {
            terms.put(kind, new ArrayList<>());
        }
        long started = System.nanoTime();
        int invalid = 0;
        for (int n = 0; n < count; n++) {
            ContactInput input = input(random, n);
            var draft = validated(input, region);
            if (draft == null) {
                invalid++;
                continue;
            }
            Instant created = now.minus(random.nextInt(3 * 365 * 24 * 60), ChronoUnit.MINUTES)
                    .minusNanos(random.nextInt(60_000_000) * 1000L);
            Instant updated = random.nextInt(3) == 0 ? created : created.plus(
                    random.nextInt((int) Math.max(1, ChronoUnit.MINUTES.between(created, now))), ChronoUnit.MINUTES);
            var id = new ContactId(new UUID(random.nextLong(), random.nextLong()));
            var contact = new Contact(id, practice, draft.kind(), draft.name(), draft.firstName(), draft.lastName(),
                    draft.emails(), draft.phones(), draft.addresses(), draft.notes(), random.nextInt(20) == 0,
                    created, updated, 1);
            rows.insert(contact);
            if (n % 10 == 0 && sampleIds.size() < 10_000) {
                sampleIds.add(id.value().toString());
            }
            pickTerms(random, contact, terms);
            if ((n + 1) % 1000 == 0) {
                connection.commit();
            }
            if ((n + 1) % 20_000 == 0) {
                System.out.printf(Locale.ROOT, "  %,d contacts (%.0f s)%n", n + 1, (System.nanoTime() - started) / 1e9);
            }
        }
        connection.commit();
        if (url.startsWith("jdbc:postgresql:")) {
            connection.setAutoCommit(true);
            try (var statement = connection.createStatement()) {
                statement.execute("vacuum analyze contacts");
                statement.execute("vacuum analyze contact_emails");
                statement.execute("vacuum analyze contact_phones");
                statement.execute("vacuum analyze contact_addresses");
            }
        }
        dataSource.destroy();
        System.out.printf(Locale.ROOT, "Loaded %,d contacts into practice %s in %.1f s (%d generated inputs invalid,"
                + " skipped)%n", count - invalid, practice.value(), (System.nanoTime() - started) / 1e9, invalid);
        if (idsFile != null) {
            Files.write(idsFile, sampleIds);
        }
        if (termsFile != null) {
            var lines = new ArrayList<String>();
            terms.forEach((kind, list) -> list.forEach(term -> lines.add(kind + "\t" + term)));
            Files.write(termsFile, lines);
        }
    }

    static app.kontor.contacts.ContactDraft validated(ContactInput input, String region) {
        try {
            return ContactValidation.validate(input, region);
        } catch (InvalidContactException e) {
            return null;
        }
    }

    static ContactInput input(Random random, int n) {
        boolean person = random.nextInt(3) > 0;
        String name, first = null, last = null, email;
        String domain = word(random, 2) + (random.nextBoolean() ? ".co.nz" : ".com");
        if (person) {
            first = FIRST[random.nextInt(FIRST.length)];
            last = LAST[random.nextInt(LAST.length)];
            name = first + " " + last;
            email = (first + "." + last).toLowerCase(Locale.ROOT) + (random.nextInt(100)) + "@" + domain;
        } else {
            String word = capitalised(word(random, 2 + random.nextInt(2)));
            name = word + " " + TRADE[random.nextInt(TRADE.length)] + SUFFIX[random.nextInt(SUFFIX.length)];
            email = (random.nextBoolean() ? "accounts" : "info") + "@" + word.toLowerCase(Locale.ROOT) + ".co.nz";
        }
        var emails = random.nextInt(10) == 0 ? List.<ContactInput.EmailInput>of()
                : List.of(new ContactInput.EmailInput("Billing", email, true));
        var phones = new ArrayList<ContactInput.PhoneInput>();
        if (random.nextInt(5) > 0) {
            phones.add(new ContactInput.PhoneInput("Office", phone(random), true));
        }
        if (random.nextInt(4) == 0) {
            phones.add(new ContactInput.PhoneInput("Mobile", phone(random), false));
        }
        var addresses = random.nextBoolean() ? List.<ContactInput.AddressInput>of()
                : List.of(new ContactInput.AddressInput("Postal", (1 + random.nextInt(400)) + " "
                        + STREET[random.nextInt(STREET.length)] + " Street", "", "", "",
                        CITY[random.nextInt(CITY.length)], "", String.valueOf(1000 + random.nextInt(8000)),
                        "New Zealand", "", true));
        return new ContactInput(person ? "PERSON" : "ORGANISATION", name, first, last, "", emails, phones,
                addresses);
    }

    /** An NZ mobile (021/022/027) or Auckland landline (09), as people type them. */
    static String phone(Random random) {
        String[] prefixes = {"021", "022", "027", "09"};
        String prefix = prefixes[random.nextInt(prefixes.length)];
        return prefix + " " + (2 + random.nextInt(8)) + String.format(Locale.ROOT, "%02d %04d", random.nextInt(100),
                random.nextInt(10_000));
    }

    static String word(Random random, int syllables) {
        var out = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            out.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return out.toString();
    }

    static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Now and then keeps a term a user might type for this contact, up to 50 of each kind. */
    static void pickTerms(Random random, Contact contact, Map<String, List<String>> terms) {
        if (random.nextInt(500) != 0) {
            return;
        }
        if (contact.lastName() != null && terms.get("name").size() < 50) {
            // The start of a surname, 4 letters: many contacts match.
            String last = contact.lastName();
            terms.get("name").add(last.substring(0, Math.min(4, last.length())).toLowerCase(Locale.ROOT));
        } else if (contact.lastName() == null && terms.get("rare").size() < 50) {
            // Most of an organisation's made-up word: a handful of contacts match.
            String word = contact.name().split(" ")[0].toLowerCase(Locale.ROOT);
            terms.get("rare").add(word.substring(1));
        }
        if (!contact.emails().isEmpty() && terms.get("email").size() < 50) {
            // The domain's start after the @, as in "@kaharo".
            String address = contact.emails().getFirst().address();
            int at = address.indexOf('@');
            terms.get("email").add(address.substring(at, Math.min(address.length(), at + 7)));
        }
        if (!contact.phones().isEmpty() && terms.get("phone").size() < 50) {
            // Six digits from the middle of the number, typed with a space: "555 012".
            String digits = contact.phones().getFirst().e164().replaceAll("\\D", "");
            String six = digits.substring(digits.length() - 7, digits.length() - 1);
            terms.get("phone").add(six.substring(0, 3) + " " + six.substring(3));
        }
    }
}
