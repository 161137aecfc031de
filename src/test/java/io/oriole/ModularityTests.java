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

    /**
     * Module diagrams in target/spring-modulith-docs, for the README and reviews. Only the diagrams: the module
     * canvases read the Javadoc through Spring Boot's basic JSON parser, which cannot read Javadoc that quotes
     * example phrases containing commas (the triage rules' documentation does).
     */
    @Test
    void writesModuleDiagrams() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
