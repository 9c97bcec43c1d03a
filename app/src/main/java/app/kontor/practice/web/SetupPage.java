package app.kontor.practice.web;

import app.kontor.practice.InvalidAccountException;
import app.kontor.practice.PasswordPolicy;
import app.kontor.practice.PracticeSetup;
import app.kontor.practice.SetupClosedException;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /setup}: on a new installation, the setup code printed at start-up creates the practice and
 * its first admin. Once set up (or once the code is dropped), the page sends everyone to sign-in.
 */
@Controller
class SetupPage {

    static final String PAGE = "/setup";

    private final PracticeSetup setup;

    SetupPage(PracticeSetup setup) {
        this.setup = setup;
    }

    @GetMapping(PAGE)
    String form(Model model) {
        if (!setup.open()) {
            return "redirect:/login";
        }
        return page(model, SetupForm.blank(), Map.of());
    }

    @PostMapping(PAGE)
    String create(
            @RequestParam(defaultValue = "") String setupCode,
            @RequestParam(defaultValue = "") String practiceName,
            @RequestParam(defaultValue = "") String country,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            Model model,
            RedirectAttributes redirect) {
        var form = new SetupForm(setupCode, practiceName, country, displayName, email);
        try {
            setup.complete(
                    new PracticeSetup.SetupRequest(setupCode, practiceName, country, displayName, email, password));
            return "redirect:/login?setUp";
        } catch (InvalidAccountException invalid) {
            // A wrong code is never shown back, so it cannot be read off the page by someone else.
            var shown = invalid.errors().containsKey("setupCode")
                    ? new SetupForm("", practiceName, country, displayName, email)
                    : form;
            return page(model, shown, invalid.errors());
        } catch (SetupClosedException closed) {
            redirect.addFlashAttribute("problem", closed.getMessage());
            return "redirect:/login";
        }
    }

    private static String page(Model model, SetupForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("passwordRule", PasswordPolicy.RULE);
        return "setup/form";
    }
}
