package org.reprogram.workbench.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A line chart as SVG, drawn from the data (not a screenshot): axes with ticks and labels, one
 * polyline per series (dashed where asked), a legend on the right. Vector output stays sharp in a
 * paper or a slide and its lines can be restyled in any SVG editor.
 */
public final class SvgChart {

    /**
     * One line.
     *
     * @param name the legend's name (lines of one run share a name and a colour: one legend entry)
     * @param color a CSS colour, e.g. "#2f6fd0"
     * @param dashed drawn dashed
     * @param points {x, y} pairs; non-finite values are left out
     */
    public record Series(String name, String color, boolean dashed, List<double[]> points) {}

    static final int WIDTH = 900;
    static final int HEIGHT = 500;
    private static final int LEFT = 70;
    private static final int TOP = 20;
    private static final int BOTTOM = 55;
    private static final int LEGEND = 240;

    private SvgChart() {}

    /**
     * The chart of SERIES with axis labels X_LABEL and Y_LABEL; the x axis starts at 0 and has
     * whole-number ticks (epochs), the y axis is ranged from the data. KEY (null: none) is a note
     * below the legend, e.g. "solid: validation, dashed: training".
     */
    public static String svg(String xLabel, String yLabel, List<Series> series, String key) {
        double xMax = 1;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double[] p : finite(s.points())) {
                xMax = Math.max(xMax, p[0]);
                yMin = Math.min(yMin, p[1]);
                yMax = Math.max(yMax, p[1]);
            }
        }
        if (yMin > yMax) {
            yMin = 0;
            yMax = 1;
        } else if (yMin == yMax) {
            double pad = yMin == 0 ? 1 : Math.abs(yMin) * 0.05;
            yMin -= pad;
            yMax += pad;
        }
        double xStep = Math.max(1, Math.ceil(step(xMax, 10)));
        double xHigh = Math.ceil(xMax / xStep) * xStep;
        double yStep = step(yMax - yMin, 6);
        double yLow = Math.floor(yMin / yStep) * yStep;
        double yHigh = Math.ceil(yMax / yStep) * yStep;
        Frame f = new Frame(LEFT, TOP, WIDTH - LEGEND - LEFT, HEIGHT - TOP - BOTTOM, 0, xHigh, yLow, yHigh);

        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        sb.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        axes(sb, f, xStep, yStep, xLabel, yLabel);
        for (Series s : series) {
            line(sb, f, s);
        }
        legend(sb, series, key);
        return sb.append("</svg>\n").toString();
    }

    /** The plot area in pixels and the data range it shows. */
    private record Frame(double x, double y, double w, double h, double x0, double x1, double y0, double y1) {
        double px(double v) {
            return x + (v - x0) / (x1 - x0) * w;
        }

        double py(double v) {
            return y + h - (v - y0) / (y1 - y0) * h;
        }
    }

    private static void axes(StringBuilder sb, Frame f, double xStep, double yStep, String xLabel, String yLabel) {
        sb.append("<g stroke=\"#d0d0d0\" stroke-width=\"1\">\n");
        for (double v = f.y0(); v <= f.y1() + yStep / 1e6; v += yStep) {
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>%n",
                    f.x(), f.py(v), f.x() + f.w(), f.py(v)));
        }
        sb.append("</g>\n<g fill=\"#333333\">\n");
        for (double v = f.y0(); v <= f.y1() + yStep / 1e6; v += yStep) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    f.x() - 6, f.py(v) + 4, tick(v, yStep)));
        }
        for (double v = f.x0(); v <= f.x1() + xStep / 1e6; v += xStep) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
                    f.px(v), f.y() + f.h() + 18, tick(v, xStep)));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
                f.x() + f.w() / 2, f.y() + f.h() + 42, escape(xLabel)));
        sb.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 16 %.1f)\">%s</text>%n", f.y() + f.h() / 2, f.y() + f.h() / 2,
                escape(yLabel)));
        sb.append("</g>\n");
        sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\""
                + " stroke=\"#888888\"/>%n", f.x(), f.y(), f.w(), f.h()));
    }

    private static void line(StringBuilder sb, Frame f, Series s) {
        List<double[]> pts = finite(s.points());
        if (pts.isEmpty()) {
            return;
        }
        String color = escape(s.color());
        StringBuilder coords = new StringBuilder();
        for (double[] p : pts) {
            coords.append(coords.length() == 0 ? "" : " ")
                    .append(String.format(Locale.ROOT, "%.2f,%.2f", f.px(p[0]), f.py(p[1])));
        }
        sb.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s"
                + " points=\"%s\"><title>%s</title></polyline>%n", color,
                s.dashed() ? " stroke-dasharray=\"6 5\"" : "", coords, escape(s.name())));
        if (pts.size() <= 40) {
            for (double[] p : pts) {
                sb.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"3\" fill=\"%s\"/>%n",
                        f.px(p[0]), f.py(p[1]), s.dashed() ? "white\" stroke=\"" + color : color));
            }
        }
    }

    private static void legend(StringBuilder sb, List<Series> series, String key) {
        Map<String, String> entries = new LinkedHashMap<>();
        series.forEach(s -> entries.putIfAbsent(s.name(), s.color()));
        double x = WIDTH - LEGEND + 16;
        double y = TOP + 10;
        for (Map.Entry<String, String> e : entries.entrySet()) {
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                    + " stroke-width=\"3\"/>%n", x, y, x + 20, y, escape(e.getValue())));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", x + 28, y + 4,
                    escape(e.getKey())));
            y += 20;
        }
        if (key != null && !key.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#666666\">%s</text>%n", x,
                    y + 6, escape(key)));
        }
    }

    private static List<double[]> finite(List<double[]> points) {
        List<double[]> out = new ArrayList<>();
        for (double[] p : points) {
            if (p.length >= 2 && Double.isFinite(p[0]) && Double.isFinite(p[1])) {
                out.add(p);
            }
        }
        return out;
    }

    /** A round step (1, 2 or 5 times a power of ten) giving about TICKS ticks over SPAN. */
    static double step(double span, int ticks) {
        double raw = span / ticks;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / mag;
        return (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag;
    }

    private static String tick(double v, double step) {
        int digits = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        String s = String.format(Locale.ROOT, "%." + digits + "f", v);
        return s.equals("-0") || s.matches("-0\\.0+") ? s.substring(1) : s;
    }

    /** TEXT with the five XML special characters escaped (null is empty). */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c < 0x20 && c != '\t' ? ' ' : c);
            }
        }
        return sb.toString();
    }
}
