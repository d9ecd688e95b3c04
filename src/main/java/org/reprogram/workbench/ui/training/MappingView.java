package org.reprogram.workbench.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.util.Duration;
import org.reprogram.workbench.core.data.RasterImage;
import org.reprogram.workbench.core.model.SourceExamples;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainingSnapshot;
import org.reprogram.workbench.ui.common.FxImages;
import org.reprogram.workbench.ui.common.HeatmapView;

/**
 * The label mapping as a heatmap: rows are target classes, columns source classes, shade is the
 * weight relative to the row; on the right, the source class(es) each target class is read from
 * and a few pictures of them (from {@link SourceExamples}), one row-high thumbnail each, with the
 * source, its weight and all its examples in the tooltip.
 */
public final class MappingView extends HeatmapView {

    /** Pictures beside a target class at most. */
    static final int PICTURES_PER_ROW = 2; // 3 cost the confusion matrix its last column at 1600 x 1000
    /** Below this cell size (many classes) the rows are too thin for pictures. */
    static final double MIN_PICTURE = 12;
    private static final double GAP = 4;
    private static final double SOURCE_GAP = 4;
    private static final int TOOLTIP_SIDE = 56;
    private static final String TIP = "mapping-example-tooltip";

    private final Pane pictures = new Pane();
    private List<List<Image>> exampleImages = List.of();
    private List<List<MappingSources.Source>> rowSources = List.of();
    private List<String> sourceNames;
    private String shownKey = "";

    public MappingView() {
        super(20);
        pictures.setId("mappingExamples");
        pictures.setManaged(false);
        getChildren().add(pictures);
    }

    /** The pictures of the source classes (none: an empty {@link SourceExamples}). */
    public void setExamples(SourceExamples examples) {
        List<List<Image>> images = new ArrayList<>();
        for (List<RasterImage> perClass : examples == null ? List.<List<RasterImage>>of() : examples.images()) {
            List<Image> fx = new ArrayList<>();
            for (RasterImage r : perClass) {
                fx.add(FxImages.of(r.data(), r.channels(), r.height(), r.width(), false, 1));
            }
            images.add(fx);
        }
        exampleImages = images.stream().allMatch(List::isEmpty) ? List.of() : images; // none: no room kept
        shownKey = "";
        relayout(); // the room beside the rows changed: new cell side, then the pictures
    }

    public void show(TrainingSnapshot s, RunInfo info) {
        if (s == null || s.mappingWeights() == null || s.mappingWeights().length == 0) {
            rowSources = List.of();
            setData(new double[0][0], null, null, List.of(), List.of(), List.of());
            return;
        }
        float[][] w = s.mappingWeights();
        int ks = w.length;
        int kt = w[0].length;
        List<String> tn = info == null ? null : info.targetClasses();
        List<String> sn = info == null ? null : info.sourceClasses();
        double[][] shade = new double[kt][ks];
        String[][] tips = new String[kt][ks];
        List<String> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int t = 0; t < kt; t++) {
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            int best = 0;
            for (int src = 0; src < ks; src++) {
                min = Math.min(min, w[src][t]);
                max = Math.max(max, w[src][t]);
                best = w[src][t] > w[best][t] ? src : best;
            }
            for (int src = 0; src < ks; src++) {
                shade[t][src] = max > min ? (w[src][t] - min) / (max - min) : 0;
                tips[t][src] = String.format(Locale.ROOT, "target %s ← source %s: weight %.4g",
                        SampleViews.name(tn, t), SampleViews.name(sn, src), w[src][t]);
            }
            int[] sources = s.assignment() != null ? s.assignment()[t] : new int[] {best};
            StringBuilder note = new StringBuilder("← ");
            for (int i = 0; i < sources.length; i++) {
                note.append(i == 0 ? "" : ", ").append(SampleViews.name(sn, sources[i]));
            }
            if (s.assignment() == null) {
                note.append(String.format(Locale.ROOT, " (weight %.2f)", w[best][t])); // the strongest source's weight
            }
            rows.add(SampleViews.name(tn, t));
            notes.add(note.toString());
        }
        List<String> cols = new ArrayList<>();
        for (int src = 0; src < ks; src++) {
            cols.add(SampleViews.name(sn, src));
        }
        rowSources = MappingSources.of(w, s.assignment());
        sourceNames = sn;
        // a run on a vision-language source says its prompts in words under the matrix (PromptMappingView)
        setData(shade, null, tips, rows, cols, PromptRows.isPromptRun(info) ? List.of() : notes);
    }

    @Override
    protected void afterDraw() {
        placePictures();
    }

    /** Rebuilds the thumbnails when what they show changed; always moves them beside the drawn rows. */
    private void placePictures() {
        double side = pictureSide();
        boolean shown = side >= MIN_PICTURE && !exampleImages.isEmpty() && rowSources.size() == rows();
        int[] counts = exampleImages.stream().mapToInt(List::size).toArray();
        List<List<MappingSources.Picture>> perRow = new ArrayList<>();
        StringBuilder key = new StringBuilder().append(side).append(shown);
        for (int r = 0; shown && r < rowSources.size(); r++) {
            List<MappingSources.Picture> row = MappingSources.pictures(rowSources.get(r), counts, PICTURES_PER_ROW);
            perRow.add(row);
            for (MappingSources.Picture p : row) {
                key.append(r).append(':').append(p.source().sourceClass()).append('/').append(p.example()).append(';');
            }
        }
        pictures.relocate(drawnWidth() + GAP, 0);
        if (key.toString().equals(shownKey)) { // the same pictures: only the weights in the tooltips move
            int i = 0;
            for (List<MappingSources.Picture> row : perRow) {
                for (MappingSources.Picture p : row) {
                    ImageView v = (ImageView) pictures.getChildren().get(i++);
                    v.setAccessibleText(tipText(p.source()));
                    ((Tooltip) v.getProperties().get(TIP)).setText(v.getAccessibleText());
                }
            }
            return;
        }
        shownKey = key.toString();
        pictures.getChildren().clear();
        for (int r = 0; r < perRow.size(); r++) {
            List<MappingSources.Picture> row = perRow.get(r);
            double x = 0;
            for (int i = 0; i < row.size(); i++) {
                MappingSources.Picture p = row.get(i);
                if (i > 0) { // pictures of one class sit together; another class starts after a wider gap
                    x += side + (p.source().equals(row.get(i - 1).source()) ? 1 : SOURCE_GAP);
                }
                ImageView v = new ImageView(exampleImages.get(p.source().sourceClass()).get(p.example()));
                v.setFitWidth(side);
                v.setFitHeight(side);
                v.setPreserveRatio(true);
                v.setSmooth(true);
                v.getStyleClass().add("mapping-example");
                v.relocate(x, rowTop(r));
                Tooltip tip = tooltip(p.source());
                v.setAccessibleText(tip.getText());
                v.getProperties().put(TIP, tip);
                Tooltip.install(v, tip);
                pictures.getChildren().add(v);
            }
        }
        pictures.autosize();
        requestLayout();
    }

    /** "Trouser (source class 1), weight 0.93" under all pictures of that source class. */
    private Tooltip tooltip(MappingSources.Source s) {
        Tooltip tip = new Tooltip(tipText(s));
        HBox all = new HBox(2);
        for (Image img : exampleImages.get(s.sourceClass())) {
            ImageView big = new ImageView(img);
            big.setFitWidth(TOOLTIP_SIDE);
            big.setFitHeight(TOOLTIP_SIDE);
            big.setPreserveRatio(true);
            all.getChildren().add(big);
        }
        tip.setGraphic(all);
        tip.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
        tip.setShowDelay(Duration.millis(200));
        return tip;
    }

    private String tipText(MappingSources.Source s) {
        return SampleViews.name(sourceNames, s.sourceClass()) + " (source class " + s.sourceClass() + ")"
                + (s.assigned() ? "" : String.format(Locale.ROOT, ", weight %.3g", s.weight()));
    }

    /** Side of a thumbnail: one row high (for tests). */
    double pictureSide() {
        return cellSize() - 1;
    }

    /** Width of the matrix with its labels and notes, left of the thumbnails (for tests). */
    double matrixWidth() {
        return drawnWidth();
    }

    /** Thumbnails beside row R, in order (for tests: their image and tooltip text). */
    List<ImageView> picturesOfRow(int r) {
        double y = rowTop(r);
        return pictures.getChildren().stream().filter(n -> n instanceof ImageView && n.getLayoutY() == y)
                .map(n -> (ImageView) n).toList();
    }

    /** Room for PICTURES_PER_ROW row-high pictures beside each row, when there are examples to show. */
    @Override
    protected double besideCells() {
        return exampleImages.isEmpty() ? 0 : PICTURES_PER_ROW;
    }

    @Override
    protected double besideGap() {
        return exampleImages.isEmpty() ? 0 : GAP + SOURCE_GAP * (PICTURES_PER_ROW - 1);
    }
}
