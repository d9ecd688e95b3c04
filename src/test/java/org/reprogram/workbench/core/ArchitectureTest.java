package org.reprogram.workbench.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point downward only: cli/ui -> study (sweeps of runs) and predict -> run -> baseline ->
 * train -> spec (the run specification and parameter registry) -> program/mapping -> model -> data -> param (parameter
 * declarations) -> the core base (paths, JSON, atomic files); the engine stays free of JavaFX and of the
 * front ends; the CLI does not use the GUI; the GUI's screens use the shared widgets, never the
 * other way round.
 */
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
    void onlyTheSparkBackendImportsSpark() {
        noClasses().that().resideOutsideOfPackage("org.reprogram.workbench.core.study.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..")
                .check(classes);
    }

    @Test
    void cliDoesNotUseTheGui() {
        noClasses().that().resideInAPackage("org.reprogram.workbench.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.reprogram.workbench.ui..", "javafx..")
                .check(classes);
    }

    @Test
    void engineLayersPointDownward() {
        String w = "org.reprogram.workbench.";
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("App").definedBy("org.reprogram.workbench")
                .layer("Cli").definedBy(w + "cli..")
                .layer("Ui").definedBy(w + "ui..")
                .layer("Study").definedBy(w + "core.study..")
                .layer("Predict").definedBy(w + "core.predict..")
                .layer("Run").definedBy(w + "core.run..")
                .layer("Baseline").definedBy(w + "core.baseline..")
                .layer("Train").definedBy(w + "core.train..")
                .layer("Spec").definedBy(w + "core.spec..")
                .layer("Program").definedBy(w + "core.program..")
                .layer("Mapping").definedBy(w + "core.mapping..")
                .layer("Model").definedBy(w + "core.model..")
                .layer("Data").definedBy(w + "core.data..")
                .layer("Param").definedBy(w + "core.param..")
                .layer("Base").definedBy(w + "core")
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Ui").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Study").mayOnlyBeAccessedByLayers("App", "Cli", "Ui")
                .whereLayer("Predict").mayOnlyBeAccessedByLayers("App", "Cli", "Ui")
                .whereLayer("Run").mayOnlyBeAccessedByLayers("App", "Study", "Predict", "Cli", "Ui")
                .whereLayer("Baseline").mayOnlyBeAccessedByLayers("App", "Run", "Study", "Predict", "Cli", "Ui")
                .whereLayer("Train").mayOnlyBeAccessedByLayers("App", "Baseline", "Run", "Study", "Predict", "Cli", "Ui")
                .whereLayer("Spec").mayOnlyBeAccessedByLayers("App", "Train", "Baseline", "Run", "Study", "Predict", "Cli",
                        "Ui")
                .whereLayer("Program").mayOnlyBeAccessedByLayers("App", "Spec", "Train", "Baseline", "Run", "Study", "Predict",
                        "Cli", "Ui")
                .whereLayer("Mapping").mayOnlyBeAccessedByLayers("App", "Spec", "Train", "Baseline", "Run", "Study", "Predict",
                        "Cli", "Ui")
                .whereLayer("Model").mayOnlyBeAccessedByLayers("App", "Program", "Mapping", "Spec", "Train", "Baseline",
                        "Run", "Study", "Predict", "Cli", "Ui")
                .whereLayer("Data").mayOnlyBeAccessedByLayers("App", "Model", "Program", "Mapping", "Spec", "Train",
                        "Baseline", "Run", "Study", "Predict", "Cli", "Ui")
                .whereLayer("Param").mayOnlyBeAccessedByLayers("App", "Data", "Model", "Program", "Mapping", "Spec",
                        "Train", "Baseline", "Run", "Study", "Predict", "Cli", "Ui")
                .check(classes);
    }

    @Test
    void guiScreensUseSharedWidgetsNotEachOther() {
        String ui = "org.reprogram.workbench.ui.";
        noClasses().that().resideInAPackage(ui + "common..")
                .should().dependOnClassesThat().resideInAnyPackage(ui + "setup..", ui + "training..", ui + "runs..",
                        ui + "tryit..", ui + "studies..", "org.reprogram.workbench.ui")
                .check(classes);
        noClasses().that().resideInAnyPackage(ui + "setup..", ui + "training..", ui + "runs..", ui + "tryit..",
                        ui + "studies..")
                .should().dependOnClassesThat().resideInAPackage("org.reprogram.workbench.ui")
                .check(classes);
        slices().matching("org.reprogram.workbench.(**)").should().beFreeOfCycles().check(classes);
    }
}
