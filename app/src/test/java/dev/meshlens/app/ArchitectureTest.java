package dev.meshlens.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the layering of DESIGN.md: the engine knows nothing of JavaFX or Kafka, importers nothing of JavaFX nor of
 * the Kafka server (only the app runs a broker, through local-kafka).
 */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        // Under 'mvn verify' the reactor modules are jars, not class folders: keep them, leave out test jars
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.isJar() || !location.contains("-tests.jar"))
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
    void importersDoNotDependOnTheKafkaServer() {
        noClasses().that().resideInAPackage("dev.meshlens.importers..")
                .should().dependOnClassesThat().resideInAnyPackage("kafka..", "dev.meshlens.localkafka..")
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
