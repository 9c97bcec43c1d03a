package app.kontor.system;

import app.kontor.shared.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Builds RFC 9457 problem details with Kontor's documented type URIs. */
public final class Problems {

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, ProblemTypes type, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }

    static void write(
            HttpServletResponse response,
            JsonMapper json,
            HttpStatus status,
            ProblemTypes type,
            HttpServletRequest request)
            throws IOException {
        write(response, json, status, type, type.description(), request);
    }

    static void write(
            HttpServletResponse response,
            JsonMapper json,
            HttpStatus status,
            ProblemTypes type,
            String detail,
            HttpServletRequest request)
            throws IOException {
        var problem = of(status, type, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
