package app.kontor.system.web;

import app.kontor.shared.ProblemTypes;
import app.kontor.system.Problems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Problem details with Kontor's type URIs for what goes wrong before or around an API handler:
 * unreadable JSON, wrong parameter types, unsupported methods, and anything unexpected (logged, never
 * shown). Handlers' own {@code @ExceptionHandler}s take precedence.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception error) {
        log.error("Unexpected error in an API call", error);
        return ResponseEntity.internalServerError()
                .body(Problems.of(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        ProblemTypes.INTERNAL_ERROR,
                        "Something went wrong on our side; it has been logged. Nothing was changed."));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception error,
            @Nullable Object body,
            HttpHeaders headers,
            HttpStatusCode statusCode,
            WebRequest request) {
        var status = HttpStatus.resolve(statusCode.value());
        var type = status != null && status.is4xxClientError()
                ? ProblemTypes.MALFORMED_REQUEST
                : ProblemTypes.INTERNAL_ERROR;
        var detail = switch (error) {
            case org.springframework.http.converter.HttpMessageNotReadableException unreadable ->
                "The request body is not valid JSON of the expected shape.";
            case org.springframework.web.method.annotation.MethodArgumentTypeMismatchException mismatch ->
                "The parameter '" + mismatch.getName() + "' has a value of the wrong type.";
            default -> type == ProblemTypes.INTERNAL_ERROR ? type.description() : error.getMessage();
        };
        var problem = Problems.of(status == null ? HttpStatus.BAD_REQUEST : status, type, detail);
        return ResponseEntity.status(statusCode).headers(headers).body(problem);
    }
}
