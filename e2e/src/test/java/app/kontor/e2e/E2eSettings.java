package app.kontor.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the browser tests find the packaged app and Chromium, and where they write. Surefire sets the
 * properties (see e2e/pom.xml); the defaults let an IDE run a test from the e2e module directory.
 */
record E2eSettings(Path jar, Path targetDirectory, Path chromium, Optional<Path> docsScreenshots) {

    static E2eSettings fromSystemProperties() {
        var jar = jarFromSystemProperties();
        var chromium = Path.of(System.getProperty("kontor.e2e.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException(
                    "No Chromium at " + chromium + ". Install Debian's: apt-get install -y chromium");
        }
        // Set by -Pdocs-screenshots: the walkthrough then refreshes the README's screenshots.
        var docsScreenshots = Optional.ofNullable(System.getProperty("kontor.e2e.docs-screenshots"))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory).toAbsolutePath().normalize());
        return new E2eSettings(jar, targetFromSystemProperties(), chromium, docsScreenshots);
    }

    /** The packaged app, for tests that start it without a browser. */
    static Path jarFromSystemProperties() {
        var jar = Path.of(System.getProperty("kontor.e2e.jar", "../app/target/kontor.jar"))
                .toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "No packaged Kontor at " + jar + ". Build it first: ./mvnw -B -pl app -am package -DskipTests");
        }
        return jar;
    }

    /** The module's build directory, where tests write. */
    static Path targetFromSystemProperties() {
        return Path.of(System.getProperty("kontor.e2e.target", "target"))
                .toAbsolutePath()
                .normalize();
    }

    /** The app's working directory: its H2 database lands in ./data below it. */
    Path appDirectory() {
        return targetDirectory.resolve("e2e-app");
    }

    Path appLog() {
        return targetDirectory.resolve("e2e-app.log");
    }

    Path failuresDirectory() {
        return targetDirectory.resolve("e2e-failures");
    }
}
