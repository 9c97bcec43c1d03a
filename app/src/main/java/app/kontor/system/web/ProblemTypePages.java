package app.kontor.system.web;

import app.kontor.shared.ProblemTypes;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The pages behind the {@code type} URIs of the API's problem details. */
@Controller
class ProblemTypePages {

    @GetMapping("/problems")
    String all(Model model) {
        model.addAttribute("types", List.of(ProblemTypes.values()));
        return "problems";
    }

    @GetMapping("/problems/{slug}")
    String one(@PathVariable String slug, Model model) {
        var type = Arrays.stream(ProblemTypes.values())
                .filter(candidate -> candidate.slug().equals(slug))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("types", List.of(type));
        return "problems";
    }
}
