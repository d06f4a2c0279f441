package dev.meshlens.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the layering of DESIGN.md: the engine knows nothing of JavaFX or Kafka, importers nothing of JavaFX. */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // in a reactor build the other modules arrive as jars: keep them, leave out only test jars
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.meshlens");
    }

    @Test
    void engineDependsOnNeitherJavaFxNorKafka() {
        noClasses().that().resideInAPackage("dev.meshlens.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.apache.kafka..", "kafka..",
                        "org.controlsfx..", "org.graphstream..", "dev.meshlens.importers..", "dev.meshlens.app..")
                .check(production);
    }

    @Test
    void importersDoNotDependOnJavaFxOrTheApp() {
        noClasses().that().resideInAPackage("dev.meshlens.importers..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..",
                        "org.graphstream..", "dev.meshlens.app..")
                .check(production);
    }

    @Test
    void commandLineDoesNotDependOnJavaFx() {
        noClasses().that().resideInAPackage("dev.meshlens.app.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..",
                        "org.graphstream..")
                .check(production);
    }

    @Test
    void launcherDoesNotExtendJavaFxApplication() {
        classes().that().haveFullyQualifiedName(Launcher.class.getName())
                .should().notBeAssignableTo("javafx.application.Application")
                .check(production);
    }
}
