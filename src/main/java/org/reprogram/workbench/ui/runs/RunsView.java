package org.reprogram.workbench.ui.runs;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.reprogram.workbench.core.run.RunNotes;
import org.reprogram.workbench.core.run.RunParameter;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunTrash;
import org.reprogram.workbench.ui.common.Fields;
import org.reprogram.workbench.ui.common.ResultTexts;

/**
 * Saved runs: filter, name and annotate, open (replay), resume, export; below the list the
 * comparison of the selected runs (curves, table, programs and mappings), which follows the
 * selection.
 */
public final class RunsView extends VBox {

    static final String FINAL_TIP = "Test accuracy of the state after the last epoch";
    static final String AT_BEST_TIP = "Test accuracy of the state at the epoch with the best validation"
            + " accuracy (that epoch in brackets); '-' for runs without validation data or saved before it was"
            + " recorded";

    private final RunsViewModel vm;
    private final TableView<RunRecord> table = new TableView<>();
    private boolean syncing;

    public RunsView(RunsViewModel vm, Consumer<RunRecord> open, Consumer<RunRecord> resume, Node baselines) {
        this(vm, open, resume, null, baselines);
    }

    /** TRYIT opens "Try it" for the selected run (null: no such button). */
    public RunsView(RunsViewModel vm, Consumer<RunRecord> open, Consumer<RunRecord> resume,
            Consumer<RunRecord> tryIt, Node baselines) {
        super(8);
        this.vm = vm;
        getStyleClass().add("panel");
        runsTable(open);
        TextField filter = new TextField();
        filter.setId("runsFilter");
        filter.setPromptText("filter, e.g.  pad ilm completed");
        filter.textProperty().bindBidirectional(vm.filter);
        HBox.setHgrow(filter, Priority.ALWAYS);
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        Button openButton = new Button("Open (replay)");
        openButton.setId("openRun");
        openButton.setTooltip(new Tooltip("Replay the run in the Train tab: slider, program, mapping, confusion,"
                + " curves"));
        openButton.disableProperty().bind(Bindings.createBooleanBinding( // a baseline has no program to replay
                () -> vm.selected.size() != 1 || vm.selected.get(0).isBaseline(), vm.selected));
        openButton.setOnAction(e -> open.accept(vm.selected.get(0)));
        Button resumeButton = new Button("Resume");
        resumeButton.setId("resumeRun");
        resumeButton.setTooltip(new Tooltip("Continue an interrupted run from its last finished epoch, live in the"
                + " Train tab"));
        resumeButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.selected.size() != 1 || !vm.selected.get(0).isResumable(), vm.selected));
        resumeButton.setOnAction(e -> resume.accept(vm.selected.get(0)));
        Button export = new Button("Export…");
        export.setId("exportRun");
        export.setTooltip(new Tooltip("Copy program.png, metrics.csv, mapping.csv/json, config.json, result.json"
                + " and notes.json of the selected run into a folder"));
        export.disableProperty().bind(Bindings.size(vm.selected).isNotEqualTo(1));
        export.setOnAction(e -> {
            File dest = new DirectoryChooser().showDialog(getScene().getWindow());
            if (dest != null) {
                vm.export(vm.selected.get(0), dest.toPath());
            }
        });
        BooleanBinding notPredictable = Bindings.createBooleanBinding(
                () -> vm.selected.size() != 1 || !RunsViewModel.predictable(vm.selected.get(0)), vm.selected);
        Button tryButton = new Button("Try it…");
        tryButton.setId("tryRun");
        tryButton.setTooltip(new Tooltip("Classify your own images with the selected run: programmed input, source"
                + " prediction, target class and probability"));
        tryButton.disableProperty().bind(notPredictable);
        tryButton.setOnAction(e -> tryIt.accept(vm.selected.get(0)));
        tryButton.setVisible(tryIt != null);
        tryButton.setManaged(tryIt != null);
        Button bundle = new Button("Export bundle…");
        bundle.setId("exportBundle");
        bundle.setTooltip(new Tooltip("Write the selected run as one self-contained zip (program, mapping, config,"
                + " model card, source model, checksums) for 'predict' on any machine, or for Python"));
        bundle.disableProperty().bind(notPredictable);
        bundle.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setInitialFileName(vm.selected.get(0).name() + ".zip");
            File runsFolder = vm.selected.get(0).dir().toAbsolutePath().getParent().toFile();
            if (runsFolder.isDirectory()) {
                fc.setInitialDirectory(runsFolder); // the runs folder, not the working folder
            }
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Bundle (zip)", "*.zip"));
            File out = fc.showSaveDialog(getScene().getWindow());
            if (out != null) {
                vm.exportBundle(vm.selected.get(0), out.toPath());
            }
        });
        Button delete = new Button("Delete");
        delete.setId("deleteRuns");
        delete.setTooltip(new Tooltip("Move the selected runs to " + vm.root().resolve(RunTrash.FOLDER)
                + " (Undo moves them back; a run that is still training is not deleted). Key: Delete"));
        delete.disableProperty().bind(Bindings.isEmpty(vm.selected));
        delete.setOnAction(e -> vm.deletion.delete(vm.selected));
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DELETE && !vm.selected.isEmpty()) {
                vm.deletion.delete(vm.selected);
                e.consume();
            }
        });
        HBox bar = new HBox(6, filter, refresh, openButton, resumeButton, export, tryButton, bundle, delete);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("runsMessage");
        message.textProperty().bind(vm.message);
        message.getStyleClass().add("status");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        Button undo = new Button("Undo delete");
        undo.setId("undoDelete");
        undo.setTooltip(new Tooltip("Move the runs of the last delete back from " + vm.root().resolve(RunTrash.FOLDER)));
        undo.visibleProperty().bind(vm.deletion.canUndo());
        undo.managedProperty().bind(vm.deletion.canUndo());
        undo.setOnAction(e -> vm.deletion.undo());
        undo.setMinWidth(Region.USE_PREF_SIZE);
        HBox messageBar = new HBox(8, message, undo);
        messageBar.setId("runsMessageBar");
        messageBar.setAlignment(Pos.CENTER_LEFT);
        // no empty row between the notes bar and the list while there is nothing to say
        messageBar.managedProperty().bind(message.textProperty().isNotEmpty().or(vm.deletion.canUndo()));
        messageBar.visibleProperty().bind(messageBar.managedProperty());
        SplitPane split = new SplitPane(table, new ComparisonView(vm.comparison, vm.root()));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.36);
        getChildren().addAll(bar, baselines, notesBar(), messageBar, split);
        VBox.setVgrow(split, Priority.ALWAYS);
    }

    private void runsTable(Consumer<RunRecord> open) {
        table.setId("runsTable");
        // sorted by the clicked header (numbers as numbers, "-" last); unsorted: newest first
        SortedList<RunRecord> sorted = new SortedList<>(vm.runs());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setMinHeight(110);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // the table's selection and vm.selected stay in step both ways (a refresh keeps the selection)
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRecord>) c -> {
            if (!syncing) {
                vm.selected.setAll(List.copyOf(table.getSelectionModel().getSelectedItems()));
            }
        });
        vm.selected.addListener((ListChangeListener<RunRecord>) c -> {
            if (!syncing && !vm.selected.equals(table.getSelectionModel().getSelectedItems())) {
                syncing = true;
                try {
                    table.getSelectionModel().clearSelection();
                    vm.selected.forEach(r -> table.getSelectionModel().select(r));
                } finally {
                    syncing = false;
                }
            }
        });
        table.setPlaceholder(new Label("No runs in " + vm.root() + " yet."));
        table.getColumns().add(TextColumns.column("Run", RunRecord::displayName, 205,
                "Your name for the run (set it below), else its folder name", RunsView::runTip));
        table.getColumns().add(TextColumns.column("Note", r -> r.notes().note(), 50, "Your note", null));
        table.getColumns().add(TextColumns.column("Status", RunRecord::status, 80, null));
        table.getColumns().add(TextColumns.column("Method", ResultTexts::method, 105, null));
        table.getColumns().add(TextColumns.column("Source", r -> r.info() != null ? r.info().sourceName()
                : r.config() != null ? r.config().source() : "-", 90, null));
        table.getColumns().add(TextColumns.column("Program", RunsViewModel::program, 60, null));
        table.getColumns().add(TextColumns.column("Mapping", RunsViewModel::mapping, 60, null));
        table.getColumns().add(TextColumns.column("Trainer", RunsViewModel::trainer, 65, null));
        table.getColumns().add(TextColumns.column("Seed", RunParameter.SEED::valueOf, 45, "Random seed (--seed)"));
        table.getColumns().add(TextColumns.column("Test acc", RunsViewModel::accuracy, 65, FINAL_TIP));
        table.getColumns().add(TextColumns.column("Test @ best val", r -> ResultTexts.atBestVal(r.result()), 125,
                AT_BEST_TIP));
        table.getColumns().add(TextColumns.column("Epochs", r -> r.config() == null ? "-"
                : r.metrics().size() + "/" + r.config().optimization().epochs(), 55, "Epochs finished / planned"));
        table.getColumns().add(TextColumns.column("Queries", r -> ResultTexts.totalQueries(r.result(),
                RunsViewModel.trainer(r)), 65, "Black-box runs: images the source model answered"));
        table.getColumns().add(TextColumns.column("Wall s", r -> r.result() == null ? "-"
                : String.format(Locale.ROOT, "%.1f", r.result().wallSeconds()), 50, "Wall time in seconds"));
        table.setRowFactory(t -> {
            TableRow<RunRecord> row = new TableRow<>();
            row.itemProperty().addListener((o, was, run) -> row.setTooltip(run == null || run.readable() ? null
                    : new Tooltip("Not a readable run: " + Fields.words(run.problem()))));
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
    }

    /** The folder name and the note, for the name cell's tooltip. */
    private static String runTip(RunRecord r) {
        return r.name() + (r.notes().note().isEmpty() ? "" : "\n" + r.notes().note());
    }

    /** Name and note of the one selected run, saved into its folder (notes.json). */
    private HBox notesBar() {
        TextField name = new TextField();
        name.setId("runName");
        name.setPromptText("name the selected run, e.g. pad+linear lr 0.05");
        name.setPrefColumnCount(22);
        name.textProperty().bindBidirectional(vm.editName);
        TextField note = new TextField();
        note.setId("runNote");
        note.setPromptText("a note: what you tried, what you saw");
        note.textProperty().bindBidirectional(vm.editNote);
        HBox.setHgrow(note, Priority.ALWAYS);
        Button save = new Button("Save name & note");
        save.setId("saveNotes");
        save.setTooltip(new Tooltip("Stored in the run folder as notes.json (at most " + RunNotes.MAX_NAME
                + " characters for the name); the run's own files are not touched"));
        save.setOnAction(e -> vm.saveNotes());
        name.setOnAction(e -> vm.saveNotes());
        note.setOnAction(e -> vm.saveNotes());
        HBox bar = new HBox(6, new Label("Name"), name, new Label("Note"), note, save);
        bar.setId("notesBar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.disableProperty().bind(vm.notesEditable().not());
        return bar;
    }
}
