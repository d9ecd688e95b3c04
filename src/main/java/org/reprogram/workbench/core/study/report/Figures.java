package org.reprogram.workbench.core.study.report;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * Writing the report's figures headless, each as PNG (twice the nominal size, for print) and SVG
 * (vector, editable), and the style they share: white background, no chart border, readable fonts,
 * two colours (reprogramming blue, baselines orange, from the Okabe-Ito palette that colour-blind
 * readers tell apart).
 */
final class Figures {

    /** Reprogramming configurations. */
    static final Color REPROGRAM = new Color(0, 114, 178);
    /** Baselines. */
    static final Color BASELINE = new Color(230, 159, 0);
    /** Lines that are neither (the Pareto front). */
    static final Color ACCENT = new Color(90, 90, 90);
    /** The PNG's pixels per nominal pixel. */
    static final int PNG_SCALE = 2;

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private Figures() {}

    /** The shared look of an XChart chart with axes. */
    static void style(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(Color.GRAY);
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(TITLE);
        s.setAxisTitleFont(AXIS_TITLE);
        s.setAxisTickLabelsFont(TICKS);
        s.setLegendFont(TICKS);
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setLegendPosition(Styler.LegendPosition.InsideSE);
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setAnnotationTextFont(TICKS);
        s.setAntiAlias(true);
    }

    /** CHART written as DIR/NAME.png and DIR/NAME.svg; the two paths. */
    static List<Path> save(Chart<?, ?> chart, Path dir, String name) {
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        try {
            BitmapEncoder.saveBitmapWithDPI(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG, 72 * PNG_SCALE);
            try (OutputStream out = Files.newOutputStream(svg)) {
                VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the figure " + png + ": " + e.getMessage(), e);
        }
        return List.of(png, svg);
    }

    /** TEXT centred on X at BASELINE in G's font. */
    static void centred(Graphics2D g, String text, double x, double baseline) {
        g.drawString(text, (float) (x - g.getFontMetrics().stringWidth(text) / 2.0), (float) baseline);
    }

    /** TEXT cut with an ellipsis to at most WIDTH pixels in FM's font. */
    static String fit(java.awt.FontMetrics fm, String text, double width) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String s = text;
        while (s.length() > 1 && fm.stringWidth(s + "…") > width) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "…";
    }

    /** A figure PAINTED with Java2D on WIDTH x HEIGHT, written as DIR/NAME.png and .svg; the two paths. */
    static List<Path> save(BiConsumer<Graphics2D, int[]> painter, int width, int height, Path dir, String name) {
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        try {
            BufferedImage image = new BufferedImage(width * PNG_SCALE, height * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(PNG_SCALE, PNG_SCALE);
            painter.accept(g, new int[] {width, height});
            g.dispose();
            ImageIO.write(image, "png", png.toFile());
            VectorGraphics2D v = new VectorGraphics2D();
            painter.accept(v, new int[] {width, height});
            Document doc = new SVGProcessor().getDocument(v.getCommands(), new PageSize(0, 0, width, height));
            try (OutputStream out = Files.newOutputStream(svg)) {
                doc.writeTo(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the figure " + png + ": " + e.getMessage(), e);
        }
        return List.of(png, svg);
    }
}
