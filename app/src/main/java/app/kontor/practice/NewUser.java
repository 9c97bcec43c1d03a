package app.kontor.practice;

/** What is needed to add a staff user to a practice; the password is plain text and only hashed. */
public record NewUser(String email, String displayName, String password, Role role) {}
