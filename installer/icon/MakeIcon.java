import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Draws the application icon with Java2D and writes every format the installers need:
 * PNGs (Linux desktop entry, window), a Windows .ico and a macOS .icns (both holding PNGs).
 *
 * <p>Run from the repository root (no build needed): {@code java installer/icon/MakeIcon.java}.
 * Writes to {@code assets/icon/}. The picture: a target image (a white tile with a dark "7")
 * inside a learned frame of coloured pixels (the input program), on a blue rounded square.
 */
public final class MakeIcon {

    private static final Color BG_TOP = new Color(0x2f6fd0);
    private static final Color BG_BOTTOM = new Color(0x1b3f7a);
    private static final Color[] PROGRAM = {
        new Color(0xf2a541), new Color(0xe4572e), new Color(0x76b041), new Color(0x17bebb),
        new Color(0xffc914), new Color(0xa05195), new Color(0xf3f4f6)};

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/icon");
        Files.createDirectories(out);
        Map<Integer, byte[]> png = new LinkedHashMap<>();
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256, 512, 1024}) {
            png.put(size, encode(draw(size)));
        }
        Files.write(out.resolve("reprogram-workbench.png"), png.get(256));
        Files.write(out.resolve("reprogram-workbench.ico"), ico(png, 16, 24, 32, 48, 64, 256));
        Files.write(out.resolve("reprogram-workbench.icns"), icns(png));
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** Draws the icon at SIZE pixels (drawn per size, not scaled, so small sizes stay sharp). */
    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double s = size;
        double margin = s * 0.04;
        double side = s - 2 * margin;
        g.setPaint(new GradientPaint(0, 0, BG_TOP, 0, (float) s, BG_BOTTOM));
        g.fill(new RoundRectangle2D.Double(margin, margin, side, side, side * 0.22, side * 0.22));

        // the program: a frame of pixels, coarser at small sizes so it still reads as a frame
        int cells = size < 32 ? 6 : size < 64 ? 8 : 12;
        double frame0 = s * 0.17;
        double frameSide = s - 2 * frame0;
        double cell = frameSide / cells;
        int ring = size < 32 ? 1 : 2;
        Random rnd = new Random(7);
        for (int y = 0; y < cells; y++) {
            for (int x = 0; x < cells; x++) {
                boolean inRing = x < ring || y < ring || x >= cells - ring || y >= cells - ring;
                Color c = PROGRAM[rnd.nextInt(PROGRAM.length)];
                if (inRing) {
                    // snapped to whole pixels: sharp cells at 16-48 px
                    long x0 = Math.round(frame0 + x * cell);
                    long y0 = Math.round(frame0 + y * cell);
                    g.setColor(c);
                    g.fillRect((int) x0, (int) y0, (int) (Math.round(frame0 + (x + 1) * cell) - x0),
                            (int) (Math.round(frame0 + (y + 1) * cell) - y0));
                }
            }
        }
        // the target image: a white tile with a handwritten-looking 7
        double inner0 = Math.round(frame0 + ring * cell);
        double innerSide = Math.round(frame0 + (cells - ring) * cell) - inner0;
        g.setColor(Color.WHITE);
        g.fillRect((int) inner0, (int) inner0, (int) innerSide, (int) innerSide);
        Path2D seven = new Path2D.Double();
        seven.moveTo(inner0 + innerSide * 0.24, inner0 + innerSide * 0.26);
        seven.lineTo(inner0 + innerSide * 0.76, inner0 + innerSide * 0.24);
        seven.quadTo(inner0 + innerSide * 0.52, inner0 + innerSide * 0.50, inner0 + innerSide * 0.44,
                inner0 + innerSide * 0.80);
        g.setColor(new Color(0x1f2a37));
        g.setStroke(new BasicStroke((float) Math.max(1.5, innerSide * 0.14), BasicStroke.CAP_ROUND,
                BasicStroke.JOIN_ROUND));
        g.draw(seven);
        g.dispose();
        return img;
    }

    static byte[] encode(BufferedImage img) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "png", b);
        return b.toByteArray();
    }

    /** A Windows icon file whose entries are PNGs (supported since Windows Vista). */
    static byte[] ico(Map<Integer, byte[]> png, int... sizes) {
        int offset = 6 + 16 * sizes.length;
        int total = offset;
        for (int size : sizes) {
            total += png.get(size).length;
        }
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        for (int size : sizes) {
            byte[] data = png.get(size);
            b.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size));
            b.put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32);
            b.putInt(data.length).putInt(offset);
            offset += data.length;
        }
        for (int size : sizes) {
            b.put(png.get(size));
        }
        return b.array();
    }

    /** An Apple icon file: big-endian OSType + length records, each holding a PNG. */
    static byte[] icns(Map<Integer, byte[]> png) throws IOException {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16);
        types.put("icp5", 32);
        types.put("icp6", 64);
        types.put("ic07", 128);
        types.put("ic08", 256);
        types.put("ic09", 512);
        types.put("ic10", 1024);
        types.put("ic11", 32);
        types.put("ic12", 64);
        types.put("ic13", 256);
        types.put("ic14", 512);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body);
        for (Map.Entry<String, Integer> t : types.entrySet()) {
            byte[] data = png.get(t.getValue());
            d.writeBytes(t.getKey());
            d.writeInt(8 + data.length);
            d.write(data);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream f = new DataOutputStream(file);
        f.writeBytes("icns");
        f.writeInt(8 + body.size());
        f.write(body.toByteArray());
        return file.toByteArray();
    }
}
