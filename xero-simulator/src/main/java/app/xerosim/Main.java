package app.xerosim;

/** Runs the simulator alone: {@code java -jar xero-simulator-standalone.jar --port N --data FILE}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.err.println("The Xero simulator is not built yet.");
        System.exit(2);
    }
}
