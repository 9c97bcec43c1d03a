package app.kontor.e2e;

/** One {@code Demo sign-in: <email> password: <password>} line of the app's start-up output. */
record DemoCredentials(String email, String password) {}
