package app.kontor.shared;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Version 7 UUIDs (RFC 9562): the first 48 bits are the Unix time in milliseconds, the rest random.
 * For rows written in bulk (an import writes a contact, its details, its link and its history line
 * for each of thousands of Xero contacts): a new key lands at the end of its index rather than on a
 * random page of it, so a transaction dirties a few index pages instead of most of them, which H2
 * rewrites whole at every commit and PostgreSQL logs whole after every checkpoint. The time is the
 * machine's, not Kontor's clock: it only orders keys and means nothing else.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {}

    public static UUID next() {
        var random = new byte[10];
        RANDOM.nextBytes(random);
        var high = (System.currentTimeMillis() << 16) | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        var low = 0L;
        for (var i = 2; i < 10; i++) {
            low = (low << 8) | (random[i] & 0xFFL);
        }
        // The variant: 10 in the top two bits.
        low = (low & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
