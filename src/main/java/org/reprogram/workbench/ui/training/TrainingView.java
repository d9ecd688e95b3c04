package org.reprogram.workbench.ui.training;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.reprogram.workbench.ui.common.ImageGrid;

/**
 * The live (or replayed) training: toolbar and banner, learned program with the step slider,
 * label mapping, confusion matrix, curves and sample gallery. Two arrangements: the normal one
 * (every view; they scale with the window and a scroll bar appears where they cannot) and
 * presentation mode (F5: program and samples large, the figure and a line saying what happens
 * in big type, mapping and curves below, the table hidden). Binds only.
 */
public final class TrainingView extends BorderPane {

    private static final PseudoClass PRESENTING = PseudoClass.getPseudoClass("presentation");
    private final TrainingViewModel vm;
    private final ProgramPanel program;
    private final MappingView mapping = new MappingView();
    private final PromptMappingView promptMapping = new PromptMappingView();
    private final ConfusionMatrixView confusion = new ConfusionMatrixView();
    private final Consumer<Path> tryIt;
    private final MetricsView metrics;
    private final GalleryView gallery;
    private final VBox mappingPanel;
    private final VBox confusionPanel;
    private final VBox metricsPanel;
    private final VBox samplesPanel;
    private final HBox top = new HBox(10);
    private final HBox bottom = new HBox(10);
    private final VBox body = new VBox(10);
    private final ScrollPane scroll = new ScrollPane(body);

    /**
     * TRYIT opens "Try it" for a finished run's folder (null: no such button); LEADING goes at the
     * start of the toolbar (the workbench puts its setup toggle there).
     */
    public TrainingView(TrainingViewModel vm, Consumer<Path> tryIt, Node... leading) {
        this.vm = vm;
        this.tryIt = tryIt;
        getStyleClass().add("training-view");
        getStylesheets().add(TrainingView.class.getResource("training.css").toExternalForm());
        TrainingToolbar toolbar = new TrainingToolbar(vm, tryItButton(vm, tryIt), leading);
        BorderPane.setMargin(toolbar, new javafx.geometry.Insets(0, 0, 8, 0));
        setTop(toolbar);
        program = new ProgramPanel(vm);
        mappingPanel = mappingPanel();
        confusionPanel = confusionPanel();
        metrics = new MetricsView(vm.metrics, vm.plannedEpochs);
        metrics.bindZeroShot(vm.zeroShot);
        metricsPanel = panel("Loss and accuracy", metrics);
        gallery = new GalleryView(vm.samples.items);
        gallery.setId("gallery");
        samplesPanel = panel("Samples", boundHint("galleryHint", vm.samples.hint), pager(), gallery);
        scroll.setId("trainingScroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(scroll);
        vm.history.shown().addListener((o, a, s) -> {
            mapping.show(s, vm.info.get());
            promptMapping.show(s, vm.info.get());
        });
        vm.confusion.matrix().addListener(o -> showConfusion());
        vm.info.addListener(o -> showConfusion());
        vm.presentation.addListener(o -> arrange());
        arrange();
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null && a == null) {
                installKeys(scene);
            }
        });
    }

    /** Normal layout or presentation mode, with the same nodes. */
    private void arrange() {
        boolean p = vm.presentation.get();
        pseudoClassStateChanged(PRESENTING, p);
        top.getChildren().clear();
        bottom.getChildren().clear();
        if (p) {
            // program and samples above the fold; mapping and confusion matrix one scroll below, then
            // the curves across the whole width (large enough to read from the back of a room)
            top.getChildren().setAll(program, samplesPanel);
            bottom.getChildren().setAll(mappingPanel, confusionPanel);
            body.getChildren().setAll(top, bottom, metricsPanel);
            HBox.setHgrow(samplesPanel, Priority.ALWAYS);
            HBox.setHgrow(mappingPanel, Priority.ALWAYS);
            HBox.setHgrow(confusionPanel, Priority.ALWAYS);
            // the program fills the height left under the toolbar, and at most half the width
            program.picture().preferredSideProperty().bind(Bindings.createDoubleBinding(() -> Math.max(
                    ProgramPanel.NORMAL_SIDE, Math.min(scroll.getViewportBounds().getHeight() - 230,
                            scroll.getViewportBounds().getWidth() * 0.42)), scroll.viewportBoundsProperty()));
        } else {
            top.getChildren().setAll(program, mappingPanel, confusionPanel);
            body.getChildren().setAll(top, metricsPanel, samplesPanel);
            HBox.setHgrow(confusionPanel, Priority.ALWAYS);
            HBox.setHgrow(mappingPanel, Priority.SOMETIMES);
            metrics.setMinHeight(USE_COMPUTED_SIZE);
            program.picture().preferredSideProperty().unbind();
            program.picture().preferredSideProperty().set(ProgramPanel.NORMAL_SIDE);
        }
        gallery.setScale(p ? 1.4 : 1); // 32 px canvases: 96 px instead of 64
        confusion.setCellRange(p ? 22 : 18, p ? 44 : 30);
        confusion.setFontSize(p ? 14 : 11);
        metrics.showTable(!p);
        if (p) {
            metrics.setMinHeight(420); // the curves, not a strip
        }
        scroll.setVvalue(0);
    }

    private VBox mappingPanel() {
        mapping.setId("mapping");
        mapping.setExamples(vm.sourcePictures.examples.get());
        vm.sourcePictures.examples.addListener((o, a, ex) -> mapping.setExamples(ex));
        Label note = boundHint("examplesNote", vm.sourcePictures.note);
        note.visibleProperty().bind(vm.sourcePictures.note.isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        note.setPrefWidth(1); // wraps within the mapping's width instead of widening the panel
        note.setMaxWidth(Double.MAX_VALUE);
        Label hint = hint("");
        hint.textProperty().bind(Bindings.createStringBinding(() -> PromptRows.isPromptRun(vm.info.get())
                ? PromptRows.HINT : "rows: target classes · columns: source classes · shade: weight · pictures:"
                + " examples of the source classes (hover for all)", vm.info));
        hint.setWrapText(true);
        hint.setPrefWidth(1);
        hint.setMaxWidth(Double.MAX_VALUE);
        mapping.visibleProperty().bind(Bindings.createBooleanBinding(() -> PromptRows.heatmapShown(vm.info.get()),
                vm.info));
        mapping.managedProperty().bind(mapping.visibleProperty());
        return panel("Label mapping", hint, mapping, promptMapping, note);
    }

    /** "Try it…" for the finished run (hidden when TRYIT is null). */
    private static Button tryItButton(TrainingViewModel vm, Consumer<Path> tryIt) {
        Button b = TrainingToolbar.button("tryIt", "Try it…", "Classify your own images with this run: the programmed input,"
                + " what the source model saw and the target class; export it as a bundle");
        b.disableProperty().bind(vm.canTryIt().not());
        b.setOnAction(e -> tryIt.accept(vm.runDir.get()));
        b.setVisible(tryIt != null);
        b.setManaged(tryIt != null);
        return b;
    }

    /** F5 switches presentation mode, Esc leaves it (while the Train tab is on screen). */
    private void installKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!onScreen()) {
                return;
            }
            if (e.getCode() == KeyCode.F5) {
                vm.togglePresentation();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && vm.presentation.get()) {
                vm.presentation.set(false);
                e.consume();
            }
        });
    }

    private boolean onScreen() {
        for (Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private VBox confusionPanel() {
        confusion.setId("confusionMatrix");
        confusion.setOnCellClicked(vm::selectCell);
        vm.confusion.selectedCell().addListener((o, a, rc) -> confusion.setHighlight(rc == null ? -1 : rc[0], rc == null ? -1 : rc[1]));
        ToggleGroup split = new ToggleGroup();
        ToggleButton val = new ToggleButton("validation");
        val.setId("confusionValidation");
        ToggleButton test = new ToggleButton("test");
        test.setId("confusionTest");
        val.setToggleGroup(split);
        test.setToggleGroup(split);
        test.setTooltip(new Tooltip("The test split, evaluated once with the final program: the run's headline"
                + " figure"));
        val.setTooltip(new Tooltip("The validation split at the slider's epoch"));
        test.selectedProperty().bindBidirectional(vm.confusion.showTestProperty());
        val.setSelected(!test.isSelected());
        vm.confusion.showTestProperty().addListener((o, a, t) -> val.setSelected(!t));
        split.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                a.setSelected(true); // one of the two stays selected
            }
        });
        HBox toggle = new HBox(0, val, test);
        toggle.getStyleClass().add("segmented");
        toggle.visibleProperty().bind(vm.confusion.testAvailable());
        toggle.managedProperty().bind(toggle.visibleProperty());
        Label which = boundHint("confusionCaption", vm.confusion.caption());
        Label caption = boundHint("cellCaption", vm.confusion.cellCaption());
        caption.getStyleClass().remove("hint");
        ImageGrid cellImages = new ImageGrid(32);
        cellImages.setId("cellImages");
        cellImages.setPrefWrapLength(300);
        cellImages.bind(vm.confusion.cellImages);
        return panel("Confusion matrix", which, toggle, confusion, caption, cellImages);
    }

    private Node pager() {
        GalleryPaging paging = vm.samples.paging;
        Button first = TrainingToolbar.button("galleryFirst", "«", "First page of target classes");
        Button previous = TrainingToolbar.button("galleryPrevious", "‹", "Previous page of target classes");
        Button next = TrainingToolbar.button("galleryNext", "›", "Next page of target classes");
        Button last = TrainingToolbar.button("galleryLast", "»", "Last page of target classes");
        first.setOnAction(e -> paging.first());
        previous.setOnAction(e -> paging.previous());
        next.setOnAction(e -> paging.next());
        last.setOnAction(e -> paging.last());
        first.disableProperty().bind(paging.page().isEqualTo(0));
        previous.disableProperty().bind(paging.page().isEqualTo(0));
        next.disableProperty().bind(paging.page().greaterThanOrEqualTo(paging.pages().subtract(1)));
        last.disableProperty().bind(next.disableProperty());
        Label text = TrainingToolbar.label("galleryPage", paging.text());
        HBox box = new HBox(4, first, previous, text, next, last);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.setId("galleryPager");
        box.visibleProperty().bind(paging.pages().greaterThan(1));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void showConfusion() {
        var info = vm.info.get();
        confusion.show(vm.confusion.matrix().get(), info == null ? null : info.targetClasses());
    }

    /** The layout's parts, for tests: the program picture and the gallery. */
    ProgramPanel programPanel() {
        return program;
    }

    private static Label boundHint(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = TrainingToolbar.label(id, text);
        return wrapping(l);
    }

    private static Label hint(String text) {
        return wrapping(new Label(text));
    }

    /** A hint that wraps to its panel's width and never widens the panel. */
    private static Label wrapping(Label l) {
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        l.setMinWidth(0);
        l.setPrefWidth(160);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    static VBox panel(String title, Node... content) {
        Label t = new Label(title);
        t.getStyleClass().add("panel-title");
        VBox box = new VBox(6, t);
        box.getChildren().addAll(content);
        box.getStyleClass().add("panel");
        return box;
    }
}
