package dev.pauta;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Each top-level package is a module; a module reaching into another's internals, or a cycle, fails the build. */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(PautaApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublishedTypes() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("target/modules")).writeDocumentation();
    }
}
