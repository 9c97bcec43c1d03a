package app.kontor.practice;

/** No such user in the practice of the one asking (users of other practices are reported the same way). */
public final class UserNotFoundException extends RuntimeException {

    public UserNotFoundException() {
        super("No such user in your practice");
    }
}
