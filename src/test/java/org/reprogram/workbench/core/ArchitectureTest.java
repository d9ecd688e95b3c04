package org.reprogram.workbench.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine stays free of JavaFX and of the front ends; the CLI does not use the GUI. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.reprogram.workbench");

    @Test
    void coreImportsNoJavaFx() {
        noClasses().that().resideInAPackage("org.reprogram.workbench.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void coreDoesNotDependOnFrontEnds() {
        noClasses().that().resideInAPackage("org.reprogram.workbench.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.reprogram.workbench.ui..",
                        "org.reprogram.workbench.cli..", "picocli..")
                .check(classes);
    }

    @Test
    void cliDoesNotUseTheGui() {
        noClasses().that().resideInAPackage("org.reprogram.workbench.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.reprogram.workbench.ui..", "javafx..")
                .check(classes);
    }
}
