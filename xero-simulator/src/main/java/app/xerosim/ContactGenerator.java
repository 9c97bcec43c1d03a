package app.xerosim;

import app.xerosim.state.ContactRules;
import app.xerosim.state.OrgBook;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Makes many plausible contacts, deterministically: the same seed gives the same ContactIDs, names,
 * emails and phones. Optionally they all share one {@code UpdatedDateUTC} second, the case Kontor's
 * incremental sync cursor must survive (DESIGN §5).
 */
final class ContactGenerator {

    private static final String[] FIRST = {
        "Aroha", "Liam", "Zoë", "Mateo", "Priya", "Hiroshi", "Chloé", "Noah", "Isla", "Wiremu", "Sofia", "Ethan",
        "Ngaio", "Björn", "Ana", "Grace", "Tane", "Hannah", "Łukasz", "Mere"
    };
    private static final String[] LAST = {
        "Smith", "Ngata", "Ångström", "García", "Patel", "Tanaka", "Martin", "Brown", "Campbell", "Tuhiwai",
        "Rossi", "Clarke", "Marsh", "Eriksson", "Lima", "Lee", "Walker", "Schmidt", "Nowak", "Williams"
    };
    private static final String[] TRADE = {
        "Plumbing",
        "Dental",
        "Logistics",
        "Design",
        "Roasters",
        "Builders",
        "Legal",
        "Solar",
        "Vineyards",
        "Print House",
        "Marine",
        "Cleaning",
        "Security",
        "Payroll",
        "Architecture",
        "Orchard"
    };
    private static final String[] PLACE = {
        "Harbour",
        "Kauri",
        "Tasman",
        "Pacific",
        "Southern Cross",
        "Alpine",
        "Riverbend",
        "Lakeside",
        "Coastal",
        "Summit",
        "Redwood",
        "Fernhill",
        "Westport",
        "Canterbury",
        "Meridian",
        "Tui"
    };

    private ContactGenerator() {}

    static List<UUID> generate(OrgBook book, int count, long seed, @Nullable Instant sharedSecond, Instant now) {
        Random random = new Random(seed);
        Instant second = sharedSecond == null ? null : sharedSecond.truncatedTo(ChronoUnit.SECONDS);
        List<UUID> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            UUID id = UUID.nameUUIDFromBytes(("xerosim:" + seed + ":" + i).getBytes(StandardCharsets.UTF_8));
            boolean person = random.nextInt(3) > 0;
            String suffix = " %06d".formatted(i);
            ContactChanges changes;
            String emailLocal;
            if (person) {
                String first = FIRST[random.nextInt(FIRST.length)];
                String last = LAST[random.nextInt(LAST.length)];
                changes = ContactChanges.named(first + " " + last + suffix).withPerson(first, last);
                emailLocal = ascii(first) + "." + ascii(last) + i;
            } else {
                String name = PLACE[random.nextInt(PLACE.length)] + " " + TRADE[random.nextInt(TRADE.length)];
                changes = ContactChanges.named(name + " Ltd" + suffix);
                emailLocal = "accounts" + i;
            }
            if (random.nextInt(10) > 0) {
                changes = changes.withEmail(emailLocal + "@example.com");
            }
            if (random.nextInt(10) > 1) {
                changes = changes.withPhone(
                        SimPhone.of("DEFAULT", "64", "9", "%07d".formatted(random.nextInt(10_000_000))));
            }
            Instant at = second == null ? now : second.plusMillis(i % 1000);
            ContactRules.Outcome outcome = ContactRules.create(book, changes, at, id);
            if (!outcome.ok()) {
                throw new SimValidationException(outcome.errors());
            }
            ids.add(id);
        }
        return ids;
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("[^A-Za-z]", "")
                .toLowerCase(java.util.Locale.ROOT);
    }
}
