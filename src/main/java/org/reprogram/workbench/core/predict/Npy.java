package org.reprogram.workbench.core.predict;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reprogram.workbench.core.model.NamedArray;

/**
 * NumPy's {@code .npy} format (version 1.0) for float32 arrays in C order, little-endian: what
 * {@code numpy.save} writes and {@code numpy.load} reads. Bundles store every learned array this
 * way, so Python reads them without any workbench code and Java reads back the very same bits.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private Npy() {}

    /** The .npy bytes of A. */
    public static byte[] write(NamedArray a) {
        StringBuilder shape = new StringBuilder();
        for (int d : a.shape()) {
            shape.append(d).append(", ");
        }
        if (a.shape().length > 1) {
            shape.setLength(shape.length() - 2);
        } else if (a.shape().length == 1) {
            shape.setLength(shape.length() - 1); // "(5,)"
        }
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + shape + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(unpadded + pad + 4 * a.values().length);
        out.writeBytes(MAGIC);
        out.write(1);
        out.write(0);
        int len = header.length();
        out.write(len & 0xff);
        out.write(len >>> 8);
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer data = ByteBuffer.allocate(4 * a.values().length).order(ByteOrder.LITTLE_ENDIAN);
        data.asFloatBuffer().put(a.values());
        out.writeBytes(data.array());
        return out.toByteArray();
    }

    /** Reads a float32 C-order array written by {@link #write} or by NumPy; NAME labels errors. */
    public static NamedArray read(String name, byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (byte m : MAGIC) {
            if (b.remaining() == 0 || b.get() != m) {
                throw new IllegalArgumentException(name + " is not a .npy file");
            }
        }
        int major = b.get();
        b.get(); // minor
        int headerLen = major == 1 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
        if (headerLen < 0 || headerLen > b.remaining()) {
            throw new IllegalArgumentException(name + ": damaged .npy header");
        }
        byte[] h = new byte[headerLen];
        b.get(h);
        String header = new String(h, StandardCharsets.US_ASCII);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shape = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw new IllegalArgumentException(name + ": damaged .npy header " + header.trim());
        }
        if (!descr.group(1).equals("<f4") || fortran.group(1).equals("True")) {
            throw new IllegalArgumentException(name + ": expected little-endian float32 in C order, got "
                    + descr.group(1) + (fortran.group(1).equals("True") ? " in Fortran order" : ""));
        }
        String[] dims = shape.group(1).split(",");
        int count = 0;
        for (String d : dims) {
            count += d.isBlank() ? 0 : 1;
        }
        int[] s = new int[count];
        long n = 1;
        int i = 0;
        for (String d : dims) {
            if (!d.isBlank()) {
                s[i] = Integer.parseInt(d.trim());
                n *= s[i++];
            }
        }
        if (n * 4 != b.remaining()) {
            throw new IllegalArgumentException(name + ": " + b.remaining() + " data bytes for shape "
                    + java.util.Arrays.toString(s));
        }
        float[] values = new float[(int) n];
        b.asFloatBuffer().get(values);
        return new NamedArray(name, s, values);
    }
}
