package org.reprogram.workbench.ui.common;

import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * A labelled matrix drawn on one canvas (cheap to redraw at live rate, any size): row names on the
 * left, column names rotated on top, an optional note per row on the right, optional cell text,
 * a tooltip with the exact value, and a click callback per cell.
 */
public class HeatmapView extends Region {

    /** Colour of cell (row, col) with value V scaled to [0, 1] by the caller's SHADE. */
    public interface Shader {
        Color color(int row, int col, double shade);
    }

    private static final Font FONT = Font.font(11);
    private final Canvas canvas = new Canvas();
    private final Tooltip tooltip = new Tooltip();
    private final double maxCell;
    private double[][] shade = new double[0][0];
    private String[][] text;
    private String[][] tips;
    private List<String> rowNames = List.of();
    private List<String> colNames = List.of();
    private List<String> rowNotes = List.of();
    private Shader shader = (r, c, v) -> Color.rgb(33, 84, 160, v);
    private BiConsumer<Integer, Integer> onCellClicked = (r, c) -> { };
    private int[] highlight;
    private double cell;
    private double left;
    private double top;

    public HeatmapView(double maxCell) {
        this.maxCell = maxCell;
        getChildren().add(canvas);
        getStyleClass().add("heatmap");
        Tooltip.install(canvas, tooltip);
        canvas.setOnMouseMoved(e -> {
            int[] rc = cellAt(e.getX(), e.getY());
            tooltip.setText(rc == null || tips == null ? "" : tips[rc[0]][rc[1]]);
        });
        canvas.setOnMouseClicked(e -> {
            int[] rc = cellAt(e.getX(), e.getY());
            if (rc != null) {
                onCellClicked.accept(rc[0], rc[1]);
            }
        });
    }

    public void setShader(Shader s) {
        this.shader = s;
    }

    /** Outlines cell (R, C); a negative R removes the outline. */
    public void setHighlight(int r, int c) {
        highlight = r < 0 ? null : new int[] {r, c};
        draw();
    }

    /** The outlined cell {row, column}, or null. */
    public int[] highlighted() {
        return highlight == null ? null : highlight.clone();
    }

    public void setOnCellClicked(BiConsumer<Integer, Integer> handler) {
        this.onCellClicked = handler;
    }

    /** SHADE values in [0,1] per cell; TEXT and TIPS may be null; NOTES one per row or empty. */
    public void setData(double[][] shadeValues, String[][] cellText, String[][] cellTips, List<String> rows,
            List<String> cols, List<String> notes) {
        this.shade = shadeValues;
        this.text = cellText;
        this.tips = cellTips;
        this.rowNames = rows;
        this.colNames = cols;
        this.rowNotes = notes;
        draw();
    }

    public int rows() {
        return shade.length;
    }

    public int cols() {
        return shade.length == 0 ? 0 : shade[0].length;
    }

    /** Screen position of the centre of cell (ROW, COL) (for tests and keyboard users). */
    public Point2D cellCenterOnScreen(int row, int col) {
        return canvas.localToScreen(left + (col + 0.5) * cell, top + (row + 0.5) * cell);
    }

    public int[] cellAt(double x, double y) {
        int c = (int) Math.floor((x - left) / cell);
        int r = (int) Math.floor((y - top) / cell);
        return x < left || y < top || r >= rows() || c >= cols() ? null : new int[] {r, c};
    }

    private void draw() {
        int nr = rows();
        int nc = cols();
        cell = Math.max(3, Math.min(maxCell, 420.0 / Math.max(1, Math.max(nr, nc))));
        left = 8 + 6.5 * longest(rowNames, 14);
        top = nc <= 40 ? 8 + 6 * longest(colNames, 14) : 8;
        double notesWidth = rowNotes.isEmpty() ? 0 : 8 + widest(rowNotes, 28);
        canvas.setWidth(left + nc * cell + notesWidth + 4);
        canvas.setHeight(top + nr * cell + 4);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setFont(FONT);
        g.setTextBaseline(VPos.CENTER);
        for (int r = 0; r < nr; r++) {
            double y = top + r * cell;
            g.setFill(Color.web("#243040"));
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(cut(name(rowNames, r), 14), left - 4, y + cell / 2);
            for (int c = 0; c < nc; c++) {
                double x = left + c * cell;
                g.setFill(Color.web("#f4f6f9"));
                g.fillRect(x, y, cell - 1, cell - 1);
                g.setFill(shader.color(r, c, Math.max(0, Math.min(1, shade[r][c]))));
                g.fillRect(x, y, cell - 1, cell - 1);
                if (text != null && cell >= 16) {
                    g.setFill(shade[r][c] > 0.55 ? Color.WHITE : Color.web("#243040"));
                    g.setTextAlign(TextAlignment.CENTER);
                    g.fillText(text[r][c], x + cell / 2, y + cell / 2);
                }
            }
            if (r < rowNotes.size()) {
                g.setFill(Color.web("#243040"));
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(cut(rowNotes.get(r), 28), left + nc * cell + 6, y + cell / 2);
            }
        }
        if (highlight != null && highlight[0] < nr && highlight[1] < nc) {
            g.setStroke(Color.web("#1f6feb"));
            g.setLineWidth(3);
            g.strokeRect(left + highlight[1] * cell + 1, top + highlight[0] * cell + 1, cell - 3, cell - 3);
            g.setLineWidth(1);
        }
        if (nc <= 40) {
            g.setFill(Color.web("#52606d"));
            g.setTextAlign(TextAlignment.LEFT);
            for (int c = 0; c < nc; c++) {
                g.save();
                g.translate(left + c * cell + cell / 2, top - 4);
                g.rotate(-60);
                g.fillText(cut(name(colNames, c), 14), 0, 0);
                g.restore();
            }
        }
        afterDraw();
        requestLayout();
    }

    /** Called after every redraw: a subclass places its own nodes beside the rows here. */
    protected void afterDraw() {}

    /** Top edge of row R's cells, in this view's coordinates. */
    protected double rowTop(int r) {
        return top + r * cell;
    }

    /** Side of one cell in pixels, as last drawn. */
    protected double cellSize() {
        return cell;
    }

    /** Width of the drawn matrix with its labels and row notes. */
    protected double drawnWidth() {
        return canvas.getWidth();
    }

    @Override
    protected double computePrefWidth(double height) {
        return canvas.getWidth();
    }

    @Override
    protected double computePrefHeight(double width) {
        return canvas.getHeight();
    }

    private static String name(List<String> names, int i) {
        return i < names.size() ? names.get(i) : Integer.toString(i);
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    /** Width in pixels of the widest of TEXTS (each cut to CAP characters) in the view's font. */
    private static double widest(List<String> texts, int cap) {
        Text probe = new Text();
        probe.setFont(FONT);
        double m = 0;
        for (String s : texts) {
            probe.setText(cut(s, cap));
            m = Math.max(m, probe.getLayoutBounds().getWidth());
        }
        return Math.ceil(m);
    }

    private static int longest(List<String> names, int cap) {
        int m = 1;
        for (String s : names) {
            m = Math.max(m, Math.min(cap, s.length()));
        }
        return m;
    }
}
