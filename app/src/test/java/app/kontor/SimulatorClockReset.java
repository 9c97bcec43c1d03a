package app.kontor;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Puts the shared Xero simulator's clock back on the system clock before each test. Tests move it
 * forward so that Xero's changes are newer than what Kontor last read; left to add up over a run, it
 * would date the simulator's ID tokens further ahead than the minute of clock skew Kontor's OpenID
 * Connect check allows, and connecting would fail in whichever test came after enough of them.
 */
final class SimulatorClockReset implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        TestXero.simulator().clock().reset();
    }
}
