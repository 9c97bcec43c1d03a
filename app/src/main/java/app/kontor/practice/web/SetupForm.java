package app.kontor.practice.web;

/** The {@code /setup} form as typed (the password is never sent back to the page). */
public record SetupForm(String setupCode, String practiceName, String country, String displayName, String email) {

    static SetupForm blank() {
        return new SetupForm("", "", "", "", "");
    }
}
