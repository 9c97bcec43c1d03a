package app.kontor.practice;

/** No such active token among the signed-in user's own. */
public final class ApiTokenNotFoundException extends RuntimeException {

    public ApiTokenNotFoundException() {
        super("No such API token among yours");
    }
}
