package app.kontor.e2e;

/** The two users demo mode creates, in the order it prints their credentials. */
enum DemoUser {
    ADMIN,
    MEMBER
}
