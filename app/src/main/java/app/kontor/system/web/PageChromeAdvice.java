package app.kontor.system.web;

import app.kontor.practice.KontorUserDetails;
import app.kontor.system.PageBanner;
import app.kontor.system.PageChrome;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/** Gives every HTML page its {@code chrome}: the signed-in user, practice and CSRF token. */
@ControllerAdvice(annotations = Controller.class)
class PageChromeAdvice {

    private final List<PageBanner> banners;

    PageChromeAdvice(List<PageBanner> banners) {
        this.banners = banners;
    }

    @ModelAttribute("chrome")
    @Nullable
    PageChrome chrome(HttpServletRequest request) {
        // @RestControllers are @Controllers too, but render no page: reading the CSRF token here would
        // create a session for every API call, even one authenticated by an API token.
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
                && AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)) {
            return null;
        }
        var chrome = of(request);
        if (signedIn() instanceof KontorUserDetails details) {
            var shown = banners.stream()
                    .flatMap(banner -> banner.banner(details.user(), request.getRequestURI()).stream())
                    .toList();
            return new PageChrome(
                    chrome.practiceName(),
                    chrome.userName(),
                    chrome.userEmail(),
                    chrome.admin(),
                    chrome.csrfParameter(),
                    chrome.csrfHeader(),
                    chrome.csrfToken(),
                    chrome.path(),
                    shown);
        }
        return chrome;
    }

    private static Object signedIn() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getPrincipal();
    }

    /** The chrome without module banners, e.g. for error pages. */
    static PageChrome of(HttpServletRequest request) {
        var csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        var user = signedIn() instanceof KontorUserDetails details ? details.user() : null;
        return new PageChrome(
                user == null ? null : user.practiceName(),
                user == null ? null : user.displayName(),
                user == null ? null : user.email(),
                user != null && user.isAdmin(),
                csrf == null ? "_csrf" : csrf.getParameterName(),
                csrf == null ? "X-CSRF-TOKEN" : csrf.getHeaderName(),
                csrf == null ? "" : csrf.getToken(),
                request.getRequestURI(),
                List.of());
    }
}
