package app.kontor;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void modulesOnlyUseEachOthersApisWithoutCycles() {
        ApplicationModules.of(KontorApplication.class).verify();
    }
}
