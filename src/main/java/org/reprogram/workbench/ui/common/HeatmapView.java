package org.reprogram.workbench.ui.common;

import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Orientation;
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
 * a tooltip with the exact value, and a click callback per cell. The cells scale with the space
 * the view is given, between a minimum (its minimum size: a parent that cannot give that much
 * scrolls instead of clipping) and a maximum cell side; the labels are measured, never cut by
 * the view's edge.
 */
public class HeatmapView extends Region {

    /** Colour of cell (row, col) with value V scaled to [0, 1] by the caller's SHADE. */
    public interface Shader {
        Color color(int row, int col, double shade);
    }

    private static final double PAD = 4;
    private static final double SIN60 = Math.sin(Math.toRadians(60));
    private static final double COS60 = 0.5;
    private final Canvas canvas = new Canvas();
    private final Tooltip tooltip = new Tooltip();
    private double maxCell;
    private double minCell;
    private Font font = Font.font(11);
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
    private double right;
    private double colLabelWidth;

    public HeatmapView(double maxCell) {
        this.maxCell = maxCell;
        this.minCell = Math.min(maxCell, 8);
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
        measure();
    }

    public void setShader(Shader s) {
        this.shader = s;
    }

    /**
     * The side of a cell ranges from MIN (below it the view asks for more room, a scroll pane
     * scrolls) to MAX (the view never grows beyond); with many rows or columns the minimum gives
     * way, down to 3 pixels.
     */
    public void setCellRange(double min, double max) {
        this.minCell = Math.min(min, max);
        this.maxCell = max;
        relayout();
    }

    /** The font of names, notes and cell text (bigger in presentation mode). */
    public void setFontSize(double size) {
        font = Font.font(size);
        measure();
        relayout();
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
        boolean sameLabels = rows.equals(rowNames) && cols.equals(colNames) && notes.equals(rowNotes)
                && shadeValues.length == shade.length && cols(shadeValues) == cols();
        this.shade = shadeValues;
        this.text = cellText;
        this.tips = cellTips;
        this.rowNames = rows;
        this.colNames = cols;
        this.rowNotes = notes;
        if (sameLabels) {
            draw(); // live updates: same size, only the colours change
        } else {
            measure();
            relayout();
        }
    }

    public int rows() {
        return shade.length;
    }

    public int cols() {
        return cols(shade);
    }

    private static int cols(double[][] m) {
        return m.length == 0 ? 0 : m[0].length;
    }

    /** The side of a cell as drawn now. */
    public double cellSize() {
        return cell;
    }

    /** Width and height the drawing needs at the current cell size (never more than the view's size once laid out). */
    public Point2D drawnSize() {
        return new Point2D(canvas.getWidth(), canvas.getHeight());
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

    // --- sizes -------------------------------------------------------------------------------

    /** Label extents for the current names and font (once per change of names, not per live update). */
    private void measure() {
        double rowWidth = longest(rowNames, 14);
        colLabelWidth = cols() <= 40 ? longest(colNames, 14) : 0;
        double notesWidth = rowNotes.isEmpty() ? 0 : 8 + longest(rowNotes, 28);
        left = rowWidth + 8;
        top = cols() <= 40 ? 6 + colLabelWidth * SIN60 + font.getSize() : PAD;
        right = notesWidth;
    }

    /** The smallest cell allowed with this many rows and columns. */
    private double smallestCell() {
        int n = Math.max(1, Math.max(rows(), cols()));
        return Math.max(3, Math.min(minCell, 240.0 / n));
    }

    /** Room on the right: the notes, or what the last rotated column name needs. */
    private double rightFor(double c) {
        return Math.max(right, colLabelWidth * COS60 - c / 2);
    }

    /** The matrix with its labels and row notes at cell side C (what the canvas draws). */
    private double matrixWidthFor(double c) {
        return left + cols() * c + rightFor(c) + PAD;
    }

    /** The whole view at cell side C: the matrix and what a subclass places beside its rows. */
    private double widthFor(double c) {
        return matrixWidthFor(c) + besideGap() + besideCells() * c;
    }

    /**
     * Room a subclass needs right of the matrix, as BESIDE_CELLS cells of the current side plus a
     * fixed gap (e.g. row-high pictures beside each row); none by default.
     */
    protected double besideCells() {
        return 0;
    }

    /** The fixed part of the room beside the matrix; see {@link #besideCells()}. */
    protected double besideGap() {
        return 0;
    }

    /** Called after every redraw: a subclass places its own nodes beside the rows here. */
    protected void afterDraw() {}

    /** Top edge of row R's cells, in this view's coordinates. */
    protected double rowTop(int r) {
        return top + r * cell;
    }

    /** Width of the drawn matrix with its labels and row notes. */
    protected double drawnWidth() {
        return canvas.getWidth();
    }

    private double heightFor(double c) {
        return top + rows() * c + PAD;
    }

    private double cellFor(double width, double height) {
        if (rows() == 0 || cols() == 0) {
            return maxCell;
        }
        double c = maxCell;
        if (width > 0) { // rightFor(c) shrinks as c grows: the room at the largest cell is a safe bound
            c = Math.min(c, (width - left - rightFor(smallestCell()) - PAD - besideGap())
                    / (cols() + besideCells()));
        }
        if (height > 0) {
            c = Math.min(c, (height - top - PAD) / rows());
        }
        return Math.max(smallestCell(), Math.floor(c));
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        return widthFor(maxCell);
    }

    @Override
    protected double computeMinWidth(double height) {
        return widthFor(smallestCell());
    }

    @Override
    protected double computeMaxWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return heightFor(cellFor(width, -1));
    }

    @Override
    protected double computeMinHeight(double width) {
        return heightFor(width < 0 ? smallestCell() : cellFor(width, -1));
    }

    @Override
    protected double computeMaxHeight(double width) {
        return computePrefHeight(width);
    }

    /** Redraws at the size the parent gives and asks the parent for a new layout (sizes changed). */
    protected final void relayout() {
        draw();
        requestLayout();
        if (getParent() != null) {
            getParent().requestLayout();
        }
    }

    @Override
    protected void layoutChildren() {
        double c = cellFor(getWidth(), getHeight());
        if (c != cell) {
            draw();
        }
        canvas.relocate(0, 0);
    }

    // --- drawing -------------------------------------------------------------------------------

    private void draw() {
        int nr = rows();
        int nc = cols();
        cell = cellFor(getWidth(), getHeight());
        GraphicsContext g = canvas.getGraphicsContext2D();
        // cleared at the old size and at the new one: a canvas that shrinks keeps its old pixels otherwise
        g.clearRect(0, 0, canvas.getWidth() + 1, canvas.getHeight() + 1);
        canvas.setWidth(Math.ceil(matrixWidthFor(cell)));
        canvas.setHeight(Math.ceil(heightFor(cell)));
        g.clearRect(0, 0, canvas.getWidth() + 1, canvas.getHeight() + 1);
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        Font cellFont = Font.font(Math.max(8, Math.min(font.getSize() + 1, cell * 0.42)));
        boolean textFits = text != null && cell >= 14 && width(longestText(), cellFont) <= cell - 3;
        for (int r = 0; r < nr; r++) {
            double y = top + r * cell;
            g.setFill(Color.web("#243040"));
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFont(font);
            g.fillText(cut(name(rowNames, r), 14), left - 4, y + cell / 2);
            g.setFont(cellFont);
            for (int c = 0; c < nc; c++) {
                double x = left + c * cell;
                g.setFill(Color.web("#f4f6f9"));
                g.fillRect(x, y, cell - 1, cell - 1);
                g.setFill(shader.color(r, c, Math.max(0, Math.min(1, shade[r][c]))));
                g.fillRect(x, y, cell - 1, cell - 1);
                if (textFits) {
                    g.setFill(shade[r][c] > 0.55 ? Color.WHITE : Color.web("#243040"));
                    g.setTextAlign(TextAlignment.CENTER);
                    g.fillText(text[r][c], x + cell / 2, y + cell / 2);
                }
            }
            if (r < rowNotes.size()) {
                g.setFont(font);
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
            g.setFont(font);
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
    }

    private String longestText() {
        String longest = "";
        for (String[] row : text) {
            for (String t : row) {
                longest = t != null && t.length() > longest.length() ? t : longest;
            }
        }
        return longest;
    }

    private static String name(List<String> names, int i) {
        return i < names.size() ? names.get(i) : Integer.toString(i);
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private double longest(List<String> names, int cap) {
        double m = width("0", font);
        for (String s : names) {
            m = Math.max(m, width(cut(s, cap), font));
        }
        return Math.ceil(m);
    }

    private static double width(String s, Font f) {
        Text t = new Text(s);
        t.setFont(f);
        return t.getLayoutBounds().getWidth();
    }
}
