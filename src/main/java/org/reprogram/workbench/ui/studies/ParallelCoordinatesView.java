package org.reprogram.workbench.ui.studies;

import java.util.List;
import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The parallel-coordinates plot of a study: a vertical axis per swept setting and one for the mean
 * validation accuracy, one polyline per finished configuration coloured from light (worst) to dark
 * blue (best), the best drawn last and thickest. Redrawn when the data or the size changes.
 */
final class ParallelCoordinatesView extends Pane {

    private static final double TOP = 34;
    private static final double BOTTOM = 34;
    private static final double SIDE = 70;
    private static final Font AXIS = Font.font("System", 12);
    private static final Font TICK = Font.font("System", 11);
    private final Canvas canvas = new Canvas();
    private ParallelData data = ParallelData.EMPTY;

    ParallelCoordinatesView(ObservableValue<ParallelData> source) {
        setId("parallelCoordinates");
        getChildren().add(canvas);
        setMinSize(200, 150);
        source.addListener((o, was, now) -> {
            data = now == null ? ParallelData.EMPTY : now;
            draw();
        });
        data = source.getValue() == null ? ParallelData.EMPTY : source.getValue();
        widthProperty().addListener(o -> draw());
        heightProperty().addListener(o -> draw());
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        List<ParallelData.Axis> axes = data.axes();
        g.setTextBaseline(VPos.CENTER);
        if (axes.size() < 2 || data.lines().isEmpty()) {
            g.setFill(Color.web("#5b6b7b"));
            g.setFont(AXIS);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("Each swept setting against mean val accuracy,", w / 2, h / 2 - 9, w - 12);
            g.fillText("drawn once configurations complete.", w / 2, h / 2 + 9, w - 12);
            return;
        }
        double x0 = SIDE;
        double step = (w - 2 * SIDE) / (axes.size() - 1);
        double y0 = TOP;
        double span = h - TOP - BOTTOM;
        double lo = data.lines().stream().mapToDouble(ParallelData.Line::metric).min().orElse(0);
        double hi = data.lines().stream().mapToDouble(ParallelData.Line::metric).max().orElse(1);
        // worst first, so the best lie on top
        List<ParallelData.Line> lines = new java.util.ArrayList<>(data.lines());
        java.util.Collections.reverse(lines);
        for (ParallelData.Line l : lines) {
            double t = hi == lo ? 1 : (l.metric() - lo) / (hi - lo);
            g.setStroke(Color.web("#c6d8f2").interpolate(Color.web("#123f8c"), t));
            g.setLineWidth(l == data.lines().get(0) ? 3.5 : 1.8);
            double px = Double.NaN;
            double py = Double.NaN;
            for (int i = 0; i < axes.size(); i++) {
                double p = l.positions().get(i);
                if (Double.isNaN(p)) {
                    continue; // the setting does not apply: the line goes on to the next axis
                }
                double x = x0 + i * step;
                double y = y0 + (1 - p) * span;
                if (!Double.isNaN(px)) {
                    g.strokeLine(px, py, x, y);
                }
                g.setFill(g.getStroke());
                g.fillOval(x - 3, y - 3, 6, 6);
                px = x;
                py = y;
            }
        }
        for (int i = 0; i < axes.size(); i++) {
            ParallelData.Axis a = axes.get(i);
            double x = x0 + i * step;
            g.setStroke(Color.web("#3b4a5a"));
            g.setLineWidth(1.2);
            g.strokeLine(x, y0, x, y0 + span);
            g.setFill(Color.web("#1f2a37"));
            g.setFont(AXIS);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(shortName(a.name()), x, TOP / 2 - 2, step * 0.95 + (i == 0 || i == axes.size() - 1 ? SIDE : 0));
            g.setFont(TICK);
            g.setTextAlign(i == axes.size() - 1 ? TextAlignment.LEFT : TextAlignment.RIGHT);
            for (int k = 0; k < a.ticks().size(); k++) {
                double y = y0 + (1 - a.tickPositions().get(k)) * span;
                g.strokeLine(x - 3, y, x + 3, y);
                String text = a.ticks().get(k);
                double tx = i == axes.size() - 1 ? x + 6 : x - 6;
                g.fillText(text, tx, y, (i == axes.size() - 1 ? SIDE : Math.min(step, SIDE)) - 8);
            }
        }
        g.setFont(TICK);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(Color.web("#5b6b7b"));
        g.fillText(String.format(Locale.ROOT, "%d configurations; darker: higher mean val accuracy",
                data.lines().size()), 6, h - BOTTOM / 2, w - 12);
    }

    /** "optimization.lr" as "lr", "program.inner_size" as "inner_size"; the metric axis keeps its name. */
    private static String shortName(String id) {
        return id.equals(ParallelData.METRIC) ? id : id.substring(id.lastIndexOf('.') + 1);
    }
}
