package org.reprogram.workbench.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG is drawn from the data: well-formed XML, one polyline per series, points in the plot, names escaped. */
class SvgChartTest {

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void onePolylinePerSeriesWithItsPointsColourAndDash() throws Exception {
        List<double[]> up = List.of(new double[] {1, 0.2}, new double[] {2, 0.5}, new double[] {3, 0.9});
        List<double[]> flat = List.of(new double[] {1, 0.4}, new double[] {2, Double.NaN}, new double[] {3, 0.4});
        String svg = SvgChart.svg("epoch", "accuracy", List.of(new SvgChart.Series("lr <0.05> & \"x\"", "#2f6fd0",
                false, up), new SvgChart.Series("lr <0.05> & \"x\"", "#2f6fd0", true, flat)), "solid: validation");
        Document doc = parse(svg);
        NodeList lines = doc.getElementsByTagName("polyline");
        assertEquals(2, lines.getLength());
        Element solid = (Element) lines.item(0);
        Element dashed = (Element) lines.item(1);
        assertEquals("#2f6fd0", solid.getAttribute("stroke"));
        assertEquals("", solid.getAttribute("stroke-dasharray"));
        assertEquals("6 5", dashed.getAttribute("stroke-dasharray"));
        String[] pts = solid.getAttribute("points").split(" ");
        assertEquals(3, pts.length);
        assertEquals(2, dashed.getAttribute("points").split(" ").length, "the NaN point is left out");
        double y1 = Double.parseDouble(pts[0].split(",")[1]);
        double y3 = Double.parseDouble(pts[2].split(",")[1]);
        double x1 = Double.parseDouble(pts[0].split(",")[0]);
        double x3 = Double.parseDouble(pts[2].split(",")[0]);
        assertTrue(y3 < y1, "higher values are higher up");
        assertTrue(x3 > x1);
        double w = Double.parseDouble(doc.getDocumentElement().getAttribute("width"));
        double h = Double.parseDouble(doc.getDocumentElement().getAttribute("height"));
        for (String p : pts) {
            double x = Double.parseDouble(p.split(",")[0]);
            double y = Double.parseDouble(p.split(",")[1]);
            assertTrue(x > 0 && x < w && y > 0 && y < h, p);
        }
        assertTrue(svg.contains("lr &lt;0.05&gt; &amp; &quot;x&quot;"), "names escaped");
        assertTrue(doc.getDocumentElement().getTextContent().contains("lr <0.05> & \"x\""));
        assertTrue(doc.getDocumentElement().getTextContent().contains("accuracy"));
        assertEquals(1, countLegendEntries(doc, "lr <0.05> & \"x\""), "one legend entry per name");
    }

    private static int countLegendEntries(Document doc, String name) {
        NodeList texts = doc.getElementsByTagName("text");
        int n = 0;
        for (int i = 0; i < texts.getLength(); i++) {
            n += texts.item(i).getTextContent().equals(name) ? 1 : 0;
        }
        return n;
    }

    @Test
    void noDataStillMakesAValidChart() throws Exception {
        Document doc = parse(SvgChart.svg("epoch", "loss", List.of(), null));
        assertEquals(0, doc.getElementsByTagName("polyline").getLength());
        Document one = parse(SvgChart.svg("epoch", "loss", List.of(new SvgChart.Series("a", "red", false,
                List.of(new double[] {1, 0.5}))), null));
        assertEquals(1, one.getElementsByTagName("polyline").getLength(), "a single point with equal min and max");
    }

    @Test
    void pngPixelsAreWrittenAsGiven(@TempDir Path tmp) throws Exception {
        int[] argb = {0xffff0000, 0xff00ff00, 0xff0000ff, 0x80ffffff, 0xff000000, 0xff123456};
        Path out = tmp.resolve("chart.png");
        PngImage.write(out, 3, 2, argb);
        BufferedImage img = ImageIO.read(Files.newInputStream(out));
        assertEquals(3, img.getWidth());
        assertEquals(2, img.getHeight());
        assertEquals(0xff00ff00, img.getRGB(1, 0));
        assertEquals(0xff123456, img.getRGB(2, 1));
        assertEquals(List.of("chart.png"), Files.list(tmp).map(p -> p.getFileName().toString()).toList(),
                "no temporary file left");
    }
}
