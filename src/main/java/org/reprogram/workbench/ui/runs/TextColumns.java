package org.reprogram.workbench.ui.runs;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Text columns for the run tables: a cell whose text does not fit shows it whole in a tooltip, a
 * header can carry a tooltip, and a column is at least as wide as its header (headers never end
 * in "...").
 */
final class TextColumns {

    /** Room a cell or a header needs around its text (padding, sort arrow). */
    private static final double PAD = 22;
    /** Room the column header needs around its label (the label's own padding counts in its width). */
    private static final double HEADER_MARGIN = 14;
    /** TableColumn's default preferred width. */
    private static final double DEFAULT_WIDTH = 80;
    private static final Font CELL = Font.font("DejaVu Sans", 12);
    private static final Font HEADER = Font.font("DejaVu Sans", FontWeight.BOLD, 12);

    private TextColumns() {}

    /**
     * A column of F's text, WIDTH wide but never narrower than its header; a row whose value F
     * cannot compute shows "?" in that cell (never a blank table). TIP (null: none) explains the header.
     */
    static <S> TableColumn<S, String> column(String title, Function<S, String> f, double width, String tip) {
        return column(title, f, width, tip, null);
    }

    /**
     * As {@link #column(String, Function, double, String)}; a cell's tooltip is CELL_TIP of its
     * row (null: the cell's text).
     */
    static <S> TableColumn<S, String> column(String title, Function<S, String> f, double width, String tip,
            Function<S, String> cellTip) {
        TableColumn<S, String> c = new TableColumn<>();
        Label header = new Label(title);
        if (tip != null) {
            header.setTooltip(new Tooltip(tip));
        }
        c.setGraphic(header);
        // the estimate above uses a fixed font; once the header is styled, its own width decides
        header.skinProperty().addListener((o, was, skin) -> {
            if (skin != null) {
                Platform.runLater(() -> widen(c, header));
            }
        });
        c.setId(title);
        c.setCellValueFactory(d -> {
            try {
                return new SimpleStringProperty(f.apply(d.getValue()));
            } catch (RuntimeException e) {
                return new SimpleStringProperty("?");
            }
        });
        c.setCellFactory(col -> new TipCell<>(cellTip));
        c.setComparator(TextColumns::compareCells);
        double min = headerWidth(title);
        c.setMinWidth(Math.min(min, 60));
        prefer(c, Math.max(width, min));
        return c;
    }

    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(-?[0-9][0-9,]*(\\.[0-9]+)?([eE]-?[0-9]+)?)");

    /**
     * How a header click sorts cells: by their leading number where both have one ("9.5 %" before
     * "85.0 %", "3/10" before "12/12", "1,200" after "950"), else as text ignoring case; a cell
     * without a value ("-", "?", empty) sorts before any value.
     */
    static int compareCells(String a, String b) {
        boolean noA = missing(a);
        boolean noB = missing(b);
        if (noA || noB) {
            return noA && noB ? 0 : noA ? -1 : 1;
        }
        Double x = leadingNumber(a);
        Double y = leadingNumber(b);
        if (x != null && y != null) {
            int c = Double.compare(x, y);
            return c != 0 ? c : a.compareToIgnoreCase(b);
        }
        if (x != null || y != null) {
            return x != null ? -1 : 1;
        }
        return a.compareToIgnoreCase(b);
    }

    private static boolean missing(String s) {
        return s == null || s.isBlank() || s.equals("-") || s.equals("?");
    }

    private static Double leadingNumber(String s) {
        Matcher m = LEADING_NUMBER.matcher(s);
        if (!m.find()) {
            return null;
        }
        try {
            return Double.parseDouble(m.group(1).replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Sizes column C to its header and VALUES, at most MAX wide. */
    static void fit(TableColumn<?, ?> c, String title, List<String> values, double max) {
        double w = headerWidth(title);
        for (String v : values) {
            w = Math.max(w, textWidth(v, CELL) + PAD);
        }
        prefer(c, Math.min(max, Math.ceil(w)));
    }

    /**
     * Sets C's preferred width to W. Never to exactly 80: JavaFX's column header treats that
     * default value as "not set" and shrinks the column to fit its cells when it is shown.
     */
    private static void prefer(TableColumn<?, ?> c, double w) {
        c.setPrefWidth(w == DEFAULT_WIDTH ? w + 1 : w);
    }

    /** Widens C when its styled HEADER label needs more room than the estimate gave it. */
    private static void widen(TableColumn<?, ?> c, Label header) {
        double need = Math.ceil(header.prefWidth(-1) + HEADER_MARGIN);
        if (c.getPrefWidth() < need) {
            prefer(c, need);
        }
    }

    /** An estimate of the width TITLE needs as a column header. */
    static double headerWidth(String title) {
        return Math.ceil(textWidth(title, HEADER) + PAD);
    }

    private static double textWidth(String s, Font font) {
        Text t = new Text(s == null ? "" : s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** A text cell with its text as tooltip (shown when the column is too narrow for it). */
    private static final class TipCell<S> extends TableCell<S, String> {
        private final Function<S, String> tip;

        TipCell(Function<S, String> tip) {
            this.tip = tip;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            int i = getIndex();
            S row = empty || getTableView() == null || i < 0 || i >= getTableView().getItems().size() ? null
                    : getTableView().getItems().get(i);
            String text = tip != null && row != null ? tip.apply(row) : item;
            setTooltip(empty || text == null || text.length() < 12 ? null : new Tooltip(text));
        }
    }
}
