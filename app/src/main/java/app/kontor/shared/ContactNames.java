package app.kontor.shared;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one normalisation of contact names used to compare Kontor and Xero contacts (DESIGN §1 rule
 * 3): NFKC, case-folded, {@code &} to {@code and}, punctuation dropped, whitespace collapsed, one
 * trailing legal suffix dropped.
 */
public final class ContactNames {

    /** Longest first, so "pty ltd" wins over "ltd". */
    private static final List<String> LEGAL_SUFFIXES = List.of(
            "pty ltd",
            "incorporated",
            "corporation",
            "limited",
            "company",
            "gmbh",
            "corp",
            "pty",
            "ltd",
            "inc",
            "llc",
            "llp",
            "plc",
            "co");

    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private ContactNames() {}

    public static String normalise(String name) {
        var text = Normalizer.normalize(name, Normalizer.Form.NFKC);
        // Case folding: lower-casing after upper-casing folds ß→ss and similar special cases.
        text = text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        text = text.replace("&", " and ");
        text = PUNCTUATION.matcher(text).replaceAll(" ");
        text = WHITESPACE.matcher(text).replaceAll(" ").strip();
        for (var suffix : LEGAL_SUFFIXES) {
            if (text.endsWith(" " + suffix)) {
                return text.substring(0, text.length() - suffix.length() - 1).strip();
            }
        }
        return text;
    }
}
