package app.xerosim.accounting;

import app.xerosim.SimContact;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Xero's {@code where} expressions for contacts: comparisons ({@code ==}, {@code !=}) of a field with a
 * string, boolean, {@code null} or {@code Guid("...")}; the string methods {@code Contains},
 * {@code StartsWith} and {@code EndsWith}; joined by {@code &&}/{@code AND} and {@code ||}/{@code OR}, with
 * parentheses and {@code !}. Inside a double-quoted string a backslash escapes the next character
 * ({@code \"}, {@code \\}), as in C#, which Xero's filter syntax follows. String comparisons ignore case,
 * like Xero's database collation.
 */
public final class WhereFilter {

    /** A where clause the simulator cannot parse; answered as Xero's {@code QueryParseException}. */
    public static final class QueryParseError extends RuntimeException {
        public QueryParseError(String message) {
            super(message, null, false, false);
        }
    }

    private static final Map<String, Function<SimContact, @Nullable Object>> FIELDS = Map.ofEntries(
            Map.entry("name", SimContact::name),
            Map.entry("firstname", SimContact::firstName),
            Map.entry("lastname", SimContact::lastName),
            Map.entry("emailaddress", SimContact::emailAddress),
            Map.entry("contactnumber", SimContact::contactNumber),
            Map.entry("accountnumber", SimContact::accountNumber),
            Map.entry("companynumber", SimContact::companyNumber),
            Map.entry("taxnumber", SimContact::taxNumber),
            Map.entry("contactstatus", c -> c.status().name()),
            Map.entry("iscustomer", SimContact::customer),
            Map.entry("issupplier", SimContact::supplier),
            Map.entry("contactid", SimContact::contactId));

    private final String text;
    private int pos;

    private WhereFilter(String text) {
        this.text = text;
    }

    public static Predicate<SimContact> parse(String where) {
        WhereFilter parser = new WhereFilter(where);
        Predicate<SimContact> result = parser.or();
        parser.skipSpace();
        if (parser.pos < parser.text.length()) {
            throw parser.error("Unexpected '" + parser.text.substring(parser.pos) + "'");
        }
        return result;
    }

    private Predicate<SimContact> or() {
        Predicate<SimContact> left = and();
        while (true) {
            if (consume("||") || consumeWord("OR")) {
                Predicate<SimContact> right = and();
                Predicate<SimContact> l = left;
                left = c -> l.test(c) || right.test(c);
            } else {
                return left;
            }
        }
    }

    private Predicate<SimContact> and() {
        Predicate<SimContact> left = unary();
        while (true) {
            if (consume("&&") || consumeWord("AND")) {
                Predicate<SimContact> right = unary();
                Predicate<SimContact> l = left;
                left = c -> l.test(c) && right.test(c);
            } else {
                return left;
            }
        }
    }

    private Predicate<SimContact> unary() {
        skipSpace();
        if (peek('!') && !text.startsWith("!=", pos)) {
            pos++;
            return unary().negate();
        }
        if (consume("(")) {
            Predicate<SimContact> inner = or();
            if (!consume(")")) {
                throw error("Expected ')'");
            }
            return inner;
        }
        return comparison();
    }

    private Predicate<SimContact> comparison() {
        String field = identifier();
        Function<SimContact, @Nullable Object> getter = FIELDS.get(field.toLowerCase(Locale.ROOT));
        if (getter == null) {
            throw error("No property or field '" + field + "' exists in type 'Contact'");
        }
        if (consume(".")) {
            String method = identifier();
            if (!consume("(")) {
                throw error("Expected '(' after " + method);
            }
            skipSpace();
            String argument = string();
            if (!consume(")")) {
                throw error("Expected ')'");
            }
            String needle = argument.toLowerCase(Locale.ROOT);
            return switch (method.toLowerCase(Locale.ROOT)) {
                case "contains" ->
                    c -> lower(getter.apply(c)) != null
                            && lower(getter.apply(c)).contains(needle);
                case "startswith" ->
                    c -> lower(getter.apply(c)) != null
                            && lower(getter.apply(c)).startsWith(needle);
                case "endswith" ->
                    c -> lower(getter.apply(c)) != null
                            && lower(getter.apply(c)).endsWith(needle);
                default -> throw error("No applicable method '" + method + "' exists in type 'String'");
            };
        }
        boolean equal;
        if (consume("==")) {
            equal = true;
        } else if (consume("!=")) {
            equal = false;
        } else if (consume("=")) {
            equal = true;
        } else {
            throw error("Expected an operator after " + field);
        }
        Object expected = value();
        Predicate<SimContact> matches = c -> same(getter.apply(c), expected);
        return equal ? matches : matches.negate();
    }

    private static boolean same(@Nullable Object actual, @Nullable Object expected) {
        if (expected == null) {
            return actual == null || actual instanceof String s && s.isEmpty();
        }
        if (actual == null) {
            return expected instanceof String s && s.isEmpty();
        }
        if (expected instanceof String s) {
            return actual.toString().equalsIgnoreCase(s);
        }
        return actual.equals(expected);
    }

    private @Nullable Object value() {
        skipSpace();
        if (peek('"')) {
            return string();
        }
        String word = identifier();
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            case "guid" -> {
                if (!consume("(")) {
                    throw error("Expected '(' after Guid");
                }
                skipSpace();
                String id = string();
                if (!consume(")")) {
                    throw error("Expected ')'");
                }
                try {
                    yield UUID.fromString(id);
                } catch (IllegalArgumentException e) {
                    throw error("'" + id + "' is not a valid Guid");
                }
            }
            default -> throw error("Unexpected '" + word + "'");
        };
    }

    private String string() {
        if (!peek('"')) {
            throw error("Expected a double-quoted string");
        }
        pos++;
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                out.append(text.charAt(pos++));
            } else if (c == '"') {
                return out.toString();
            } else {
                out.append(c);
            }
        }
        throw error("Unterminated string literal");
    }

    private String identifier() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error("Expected an identifier at position " + start);
        }
        return text.substring(start, pos);
    }

    private boolean consume(String token) {
        skipSpace();
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private boolean consumeWord(String word) {
        skipSpace();
        int end = pos + word.length();
        if (text.regionMatches(true, pos, word, 0, word.length())
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
            pos = end;
            return true;
        }
        return false;
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static @Nullable String lower(@Nullable Object value) {
        return value == null ? null : value.toString().toLowerCase(Locale.ROOT);
    }

    private QueryParseError error(String message) {
        return new QueryParseError(message);
    }
}
