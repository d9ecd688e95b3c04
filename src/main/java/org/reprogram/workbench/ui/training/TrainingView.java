package org.reprogram.workbench.ui.training;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.reprogram.workbench.core.train.TrainingSnapshot;
import org.reprogram.workbench.ui.common.FxImages;
import org.reprogram.workbench.ui.common.ImageGrid;

/**
 * The live (or replayed) training: controls and progress, warning banner, learned program with
 * the step slider, label mapping, confusion matrix, sample gallery and curves. Binds only.
 */
public final class TrainingView extends BorderPane {

    static final int PROGRAM_SIDE = 224;
    private final TrainingViewModel vm;
    private final ImageView program = new ImageView();
    private final Label programCaption = new Label();
    private final Slider slider = new Slider(0, 0, 0);
    private final MappingView mapping = new MappingView();
    private final ConfusionMatrixView confusion = new ConfusionMatrixView();
    private final Consumer<Path> tryIt;
    private boolean syncing;

    public TrainingView(TrainingViewModel vm) {
        this(vm, null);
    }

    /** TRYIT opens "Try it" for a finished run's folder (null: no such button). */
    public TrainingView(TrainingViewModel vm, Consumer<Path> tryIt) {
        this.vm = vm;
        this.tryIt = tryIt;
        getStyleClass().add("training-view");
        setTop(new VBox(6, toolbar(), banner()));
        VBox body = new VBox(10, new HBox(10, programPanel(), mappingPanel(), confusionPanel()),
                panel("Loss and accuracy", new MetricsView(vm.metrics)),
                panel("Samples", boundHint("galleryHint", vm.galleryHint), gallery()));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(scroll);
        vm.history.shown().addListener((o, a, s) -> showSnapshot(s));
        vm.history.shownEpoch().addListener((o, a, s) -> showEpoch(s));
        vm.info.addListener(o -> showEpoch(vm.history.shownEpoch().get()));
    }

    private Node toolbar() {
        Button pause = button("pause", "Pause", "Pause: training waits between steps; nothing is lost. Resume continues"
                + " exactly where it stopped.");
        pause.textProperty().bind(Bindings.when(vm.paused).then("Resume").otherwise("Pause"));
        pause.disableProperty().bind(vm.running.not());
        pause.setOnAction(e -> vm.pauseResume());
        Button stop = button("stop", "Stop", "Stop: finish the current epoch, evaluate on the test split and save"
                + " the run as 'stopped' (results are kept).");
        stop.disableProperty().bind(vm.running.not().or(vm.stopRequested));
        stop.setOnAction(e -> vm.stop());
        Button cancel = button("cancel", "Cancel", "Cancel: abort at the next step, no test evaluation; the run folder"
                + " keeps what was recorded, marked 'cancelled'.");
        cancel.getStyleClass().add("danger");
        cancel.disableProperty().bind(vm.running.not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar();
        bar.setId("progressBar");
        bar.progressProperty().bind(vm.progress);
        bar.setPrefWidth(160);
        Label progress = label("progress", vm.progressText.concat(""));
        Label device = label("device", vm.deviceText.concat(""));
        device.getStyleClass().add("chip");
        device.visibleProperty().bind(vm.deviceText.isNotEmpty());
        Label status = label("status", vm.status.concat(""));
        status.getStyleClass().add("status");
        Button tryButton = button("tryIt", "Try it…", "Classify your own images with this run: the programmed input,"
                + " what the source model saw and the target class; export it as a bundle");
        tryButton.disableProperty().bind(vm.running.or(vm.runDir.isNull()).or(vm.result.isNull()));
        tryButton.setOnAction(e -> tryIt.accept(vm.runDir.get()));
        tryButton.setVisible(tryIt != null);
        tryButton.setManaged(tryIt != null);
        HBox row = new HBox(8, pause, stop, cancel, bar, progress, device, tryButton);
        row.setAlignment(Pos.CENTER_LEFT);
        for (Button b : new Button[] {pause, stop, cancel, tryButton}) { // the controls never truncate; the text gives way
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        bar.setMinWidth(60);
        device.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        progress.setMinWidth(0);
        HBox.setHgrow(progress, Priority.ALWAYS);
        return new VBox(4, row, status);
    }

    private Node banner() {
        Label banner = label("banner", vm.banner.concat(""));
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.visibleProperty().bind(vm.banner.isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        vm.bannerLevel.addListener((o, a, l) -> {
            banner.getStyleClass().removeAll("banner-info", "banner-warning", "banner-error");
            banner.getStyleClass().add("banner-" + l.name().toLowerCase(java.util.Locale.ROOT));
        });
        banner.getStyleClass().add("banner");
        return banner;
    }

    private Node programPanel() {
        program.setId("programImage");
        program.setSmooth(false);
        program.setFitWidth(PROGRAM_SIDE);
        program.setFitHeight(PROGRAM_SIDE);
        program.setPreserveRatio(true);
        slider.setId("stepSlider");
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setShowTickMarks(true);
        slider.setBlockIncrement(1);
        slider.setTooltip(new Tooltip("Step through the recorded epochs: program, mapping and confusion matrix move"
                + " together. At the right end the view follows the newest state."));
        slider.disableProperty().bind(Bindings.size(vm.history.epochs()).lessThan(2));
        vm.history.epochs().addListener((javafx.beans.InvalidationListener) o -> syncSlider());
        vm.history.selectedProperty().addListener(o -> syncSlider());
        slider.valueProperty().addListener((o, a, v) -> {
            if (!syncing) {
                vm.history.select((int) Math.round(v.doubleValue()));
            }
        });
        programCaption.setId("programCaption");
        programCaption.setWrapText(true);
        programCaption.setMaxWidth(PROGRAM_SIDE);
        programCaption.textProperty().bind(vm.programCaption);
        Label legend = boundHint("programLegend", vm.programLegend);
        legend.setMaxWidth(PROGRAM_SIDE);
        Button backToLive = button("backToLive", "Back to live", "The views show an earlier epoch while training goes"
                + " on; follow the newest state again");
        backToLive.visibleProperty().bind(vm.running.and(vm.history.followLatestProperty().not()));
        backToLive.managedProperty().bind(backToLive.visibleProperty());
        backToLive.setOnAction(e -> vm.backToLive());
        VBox box = panel("Learned program", legend, program, slider, programCaption, backToLive);
        box.setMinWidth(PROGRAM_SIDE + 24);
        return box;
    }

    private void syncSlider() {
        syncing = true;
        slider.setMax(Math.max(0, vm.history.epochs().size() - 1));
        slider.setValue(Math.max(0, vm.history.selectedProperty().get()));
        syncing = false;
    }

    private Node mappingPanel() {
        mapping.setId("mapping");
        mapping.setExamples(vm.sourceExamples.get());
        vm.sourceExamples.addListener((o, a, ex) -> mapping.setExamples(ex));
        Label note = boundHint("examplesNote", vm.examplesNote);
        note.visibleProperty().bind(vm.examplesNote.isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        note.setPrefWidth(1); // wraps within the mapping's width instead of widening the panel
        note.setMaxWidth(Double.MAX_VALUE);
        Label hint = hint("rows: target classes · columns: source classes · shade: weight · pictures: examples of"
                + " the source classes (hover for all)");
        hint.setWrapText(true);
        hint.setPrefWidth(1);
        hint.setMaxWidth(Double.MAX_VALUE);
        return panel("Label mapping", hint, mapping, note);
    }

    private Node confusionPanel() {
        confusion.setId("confusionMatrix");
        confusion.setOnCellClicked(vm::selectCell);
        vm.selectedCell.addListener((o, a, rc) -> confusion.setHighlight(rc == null ? -1 : rc[0], rc == null ? -1 : rc[1]));
        Label caption = label("cellCaption", vm.cellCaption.concat(""));
        caption.setWrapText(true);
        caption.setMaxWidth(360);
        ImageGrid cellImages = new ImageGrid(32);
        cellImages.setId("cellImages");
        cellImages.setMaxWidth(360);
        cellImages.bind(vm.cellImages);
        return panel("Confusion matrix", hint("validation · rows: true · columns: predicted"), confusion, caption,
                cellImages);
    }

    private Node gallery() {
        GalleryView g = new GalleryView(vm.gallery);
        g.setId("gallery");
        return g;
    }

    private void showSnapshot(TrainingSnapshot s) {
        if (s == null) {
            program.setImage(null);
            mapping.show(null, null);
            return;
        }
        int scale = FxImages.scaleFor(s.height(), s.width(), PROGRAM_SIDE);
        program.setImage(FxImages.of(s.perturbation(), s.channels(), s.height(), s.width(), SnapshotTexts.signed(s),
                scale));
        mapping.show(s, vm.info.get());
    }

    private void showEpoch(TrainingSnapshot s) {
        var info = vm.info.get();
        confusion.show(s == null ? null : s.confusion(), info == null ? null : info.targetClasses());
    }

    private static Button button(String id, String text, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private static Label label(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        return l;
    }

    private static Label boundHint(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = label(id, text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        return l;
    }

    static VBox panel(String title, Node... content) {
        Label t = new Label(title);
        t.getStyleClass().add("panel-title");
        VBox box = new VBox(6, t);
        box.getChildren().addAll(content);
        box.getStyleClass().add("panel");
        HBox.setHgrow(box, Priority.NEVER);
        return box;
    }
}
