package app.kontor.contacts.web;

import app.kontor.contacts.ContactSearch;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Links of the contact list that keep the current search, filter and sort. */
public final class ContactListLinks {

    private ContactListLinks() {}

    public static String page(ContactSearch search, int page) {
        var url = new StringBuilder("/contacts?page=").append(page);
        if (!search.text().isBlank()) {
            url.append("&q=").append(URLEncoder.encode(search.text(), StandardCharsets.UTF_8));
        }
        if (search.kind() != null) {
            url.append("&type=").append(search.kind().parameter());
        }
        if (search.status() != ContactSearch.Status.ACTIVE) {
            url.append("&status=").append(search.status().name().toLowerCase(Locale.ROOT));
        }
        if (search.sort() != ContactSearch.Sort.NAME) {
            url.append("&sort=").append(search.sort().name().toLowerCase(Locale.ROOT));
        }
        return url.toString();
    }

    public static String parameter(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
