package app.kontor.practice.rest;

import app.kontor.practice.ApiTokenNotFoundException;
import app.kontor.practice.InvalidAccountException;
import app.kontor.practice.LastAdminException;
import app.kontor.practice.UserNotFoundException;
import app.kontor.shared.ProblemTypes;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem details for the users and account APIs, with Kontor's documented type URIs; ordered before
 * the catch-all of the system module.
 */
@Order(0)
@RestControllerAdvice(assignableTypes = {UsersApi.class, AccountApi.class})
class AccountProblems {

    @ExceptionHandler(InvalidAccountException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidAccountException invalid) {
        var problem = problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                ProblemTypes.VALIDATION_FAILED,
                "Some values are invalid; nothing was changed.");
        problem.setProperty(
                "errors",
                invalid.errors().entrySet().stream()
                        .map(e -> Map.of("field", e.getKey(), "message", e.getValue()))
                        .toList());
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler(UserNotFoundException.class)
    ResponseEntity<ProblemDetail> userNotFound() {
        return respond(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "No user with this id exists in your practice.");
    }

    @ExceptionHandler(ApiTokenNotFoundException.class)
    ResponseEntity<ProblemDetail> tokenNotFound() {
        return respond(
                HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "No active API token with this id is among yours.");
    }

    @ExceptionHandler(LastAdminException.class)
    ResponseEntity<ProblemDetail> lastAdmin(LastAdminException last) {
        return respond(HttpStatus.CONFLICT, ProblemTypes.LAST_ADMIN, last.getMessage());
    }

    static ResponseEntity<ProblemDetail> respond(HttpStatus status, ProblemTypes type, String detail) {
        return ResponseEntity.status(status).body(problem(status, type, detail));
    }

    // The system module's Problems helper cannot be used here: system depends on practice.
    static ProblemDetail problem(HttpStatus status, ProblemTypes type, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }
}
