package app.xerosim;

import java.util.Locale;

/**
 * How the simulator decides that two contact names are "the same" for Xero's rule that names are unique
 * among active contacts. Xero's own comparison is not documented (XERO-CONTRACT §10), hence a setting.
 */
public enum NameComparison {
    /** Equal ignoring case (after trimming). The default. */
    CASE_INSENSITIVE,
    /** Equal exactly after trimming. */
    CASE_SENSITIVE;

    public boolean same(String a, String b) {
        return key(a).equals(key(b));
    }

    public String key(String name) {
        String trimmed = name.strip();
        return this == CASE_INSENSITIVE ? trimmed.toLowerCase(Locale.ROOT) : trimmed;
    }
}
