package app.kontor.system.web;

import app.kontor.practice.KontorUserDetails;
import app.kontor.system.PageChrome;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every HTML page its {@code chrome}: the signed-in user, practice and CSRF token. */
@ControllerAdvice(annotations = Controller.class)
class PageChromeAdvice {

    @ModelAttribute("chrome")
    PageChrome chrome(HttpServletRequest request) {
        return of(request);
    }

    static PageChrome of(HttpServletRequest request) {
        var csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var principal = authentication == null ? null : authentication.getPrincipal();
        var user = principal instanceof KontorUserDetails details ? details.user() : null;
        return new PageChrome(
                user == null ? null : user.practiceName(),
                user == null ? null : user.displayName(),
                user == null ? null : user.email(),
                user != null && user.isAdmin(),
                csrf == null ? "_csrf" : csrf.getParameterName(),
                csrf == null ? "X-CSRF-TOKEN" : csrf.getHeaderName(),
                csrf == null ? "" : csrf.getToken(),
                request.getRequestURI());
    }
}
