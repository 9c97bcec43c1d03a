package app.kontor.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Sessions live in the database (Spring Session JDBC), so any Kontor server can serve any request.
 * The cookie is named explicitly so it never collides with the Xero simulator's own cookie.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    static final String SESSION_COOKIE = "KONTOR_SESSION";

    @Bean
    CookieSerializer cookieSerializer() {
        var serializer = new DefaultCookieSerializer();
        serializer.setCookieName(SESSION_COOKIE);
        serializer.setSameSite("Lax");
        serializer.setUseHttpOnlyCookie(true);
        serializer.setCookiePath("/");
        return serializer;
    }
}
