package org.redstation;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Package by feature: modules only use each other's public API, without cycles. */
class ModularityTest {
    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules modules = ApplicationModules.of(RedStationApplication.class);
        modules.verify();
    }
}
