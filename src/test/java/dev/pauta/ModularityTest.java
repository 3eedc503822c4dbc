package dev.pauta;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.pauta.compliance.DraftChecker;
import dev.pauta.guidance.ManualSections;
import dev.pauta.guidance.SectionView;
import dev.pauta.guidance.Snapshot;
import dev.pauta.guidance.SnapshotCompiler;
import dev.pauta.guidance.SnapshotHolder;
import dev.pauta.search.SectionIndex;
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

    /** The engine's insides: the snapshot, where it is held and compiled, the search index and the draft checker. */
    static ArchRule callsUseCasesNotTheEngine(String... packages) {
        return noClasses().that().resideInAnyPackage(packages)
                .should().dependOnClassesThat().belongToAnyOf(Snapshot.class, SnapshotHolder.class, SnapshotCompiler.class, SectionIndex.class,
                        DraftChecker.class)
                .because("api, the pages and the command line call the use-case entry points the modules own, which validate codes once");
    }

    @Test
    void apiCallsUseCasesNotTheEngine() {
        JavaClasses production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.pauta.api");
        callsUseCasesNotTheEngine("dev.pauta.api..").check(production);
    }

    @Test
    void theRuleRefusesAControllerThatReadsTheSnapshotItselfAndAcceptsOneThatCallsTheUseCase() {
        JavaClasses reaching = new ClassFileImporter().importClasses(ReadsTheSnapshot.class);
        JavaClasses calling = new ClassFileImporter().importClasses(CallsTheUseCase.class);

        assertThat(callsUseCasesNotTheEngine("dev.pauta").evaluate(reaching).hasViolation()).isTrue();
        assertThat(callsUseCasesNotTheEngine("dev.pauta").evaluate(calling).hasViolation()).isFalse();
    }

    /** What the api did before the use cases: it took the snapshot and looked the section up itself. */
    static final class ReadsTheSnapshot {
        Object section(SnapshotHolder snapshots, String id) {
            return snapshots.current().manual().section("es", id);
        }
    }

    static final class CallsTheUseCase {
        SectionView section(ManualSections sections, String id) {
            return sections.section(id, "es");
        }
    }
}
