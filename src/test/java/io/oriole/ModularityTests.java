package io.oriole;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure: no cycles, no reach into another module's internals. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(OrioleApplication.class);

    @Test
    void modulesOnlyUseEachOthersApis() {
        modules.verify();
    }

    /** Module diagrams and canvases in target/spring-modulith-docs, for the README and reviews. */
    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation().writeIndividualModulesAsPlantUml();
    }
}
