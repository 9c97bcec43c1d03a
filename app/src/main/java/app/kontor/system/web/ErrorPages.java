package app.kontor.system.web;

import app.kontor.shared.ProblemTypes;
import app.kontor.system.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Friendly pages for 403, 404 and 500 and every other error, and problem details for the API. Never
 * shows a stack trace; unexpected errors are logged here once.
 */
@Controller
class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        var status = status(request);
        logIfUnexpected(request, status);
        var model = Map.<String, Object>of(
                "chrome", PageChromeAdvice.of(request),
                "status", status.value(),
                "heading", heading(status),
                "explanation", explanation(status));
        return new ModelAndView("error", model, status);
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        var status = status(request);
        logIfUnexpected(request, status);
        var type = switch (status) {
            case NOT_FOUND -> ProblemTypes.NOT_FOUND;
            case FORBIDDEN -> ProblemTypes.FORBIDDEN;
            case UNAUTHORIZED -> ProblemTypes.UNAUTHENTICATED;
            case BAD_REQUEST, METHOD_NOT_ALLOWED, UNSUPPORTED_MEDIA_TYPE -> ProblemTypes.MALFORMED_REQUEST;
            default -> ProblemTypes.INTERNAL_ERROR;
        };
        var problem = Problems.of(status, type, type.description());
        var uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem.setInstance(URI.create(uri));
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        var status = code instanceof Integer number ? HttpStatus.resolve(number) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static void logIfUnexpected(HttpServletRequest request, HttpStatus status) {
        if (status.is5xxServerError()) {
            var error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            log.error("Unexpected error on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), error);
        }
    }

    private static String heading(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "We can't find that page";
            case FORBIDDEN -> "You don't have access to this page";
            case UNAUTHORIZED -> "Please sign in";
            case BAD_REQUEST -> "That request didn't make sense to us";
            default -> status.is5xxServerError() ? "Something went wrong on our side" : "That didn't work";
        };
    }

    private static String explanation(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "It may have been moved, or the link may be wrong. Nothing has been changed.";
            case FORBIDDEN -> "Your role in this practice does not allow it. An admin of your practice can help.";
            case BAD_REQUEST -> "Please go back and try again. Nothing has been changed.";
            default ->
                status.is5xxServerError()
                        ? "The error has been logged. Please try again in a moment."
                        : "Please go back and try again.";
        };
    }
}
