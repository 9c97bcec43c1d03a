package app.kontor.practice;

/** {@code /setup} is closed: the installation is set up, or its code was dropped after wrong guesses. */
public final class SetupClosedException extends RuntimeException {

    public SetupClosedException(String message) {
        super(message);
    }
}
