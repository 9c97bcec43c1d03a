package app.kontor.system;

import app.kontor.practice.PracticeSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first production start on an empty database prints a one-time setup code; {@code /setup} asks
 * for it to create the practice and its first admin. Demo mode makes its own practice and prints
 * nothing here.
 */
@Component
class FirstStart {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final KontorSettings settings;
    private final PracticeSetup setup;

    FirstStart(KontorSettings settings, PracticeSetup setup) {
        this.settings = settings;
        this.setup = setup;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (settings.runMode() == RunMode.PRODUCTION) {
            setup.issueCodeIfNeeded()
                    .ifPresent(code -> log.info("Kontor setup code: {} (open /setup to create your practice)", code));
        }
    }
}
