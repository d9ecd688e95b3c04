package org.reprogram.workbench.core.param;

import java.util.Locale;

/** Sizes in bytes; 0 reads and writes as "auto". */
public record ByteSizeType() implements ValueType<Long> {
    @Override
    public Class<Long> javaType() {
        return Long.class;
    }

    @Override
    public Long parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("auto")) {
            return 0L;
        }
        long unit;
        char last = t.charAt(t.length() - 1);
        if (last == 'b') {
            t = t.substring(0, t.length() - 1);
            last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        }
        switch (last) {
            case 'k' -> unit = 1L << 10;
            case 'm' -> unit = 1L << 20;
            case 'g' -> unit = 1L << 30;
            default -> unit = 1;
        }
        String num = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            double v = Double.parseDouble(num);
            if (v < 0 || Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return (long) (v * unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("{}: '" + text + "' is not a size");
        }
    }

    @Override
    public String format(Long v) {
        if (v == 0) {
            return "auto";
        }
        for (String u : new String[] {"G", "M", "K"}) {
            long unit = u.equals("G") ? 1L << 30 : u.equals("M") ? 1L << 20 : 1L << 10;
            if (v % unit == 0) {
                return v / unit + u;
            }
        }
        return Long.toString(v);
    }

    @Override
    public String check(Long v) {
        return v < 0 ? "{}: '" + v + "' is not a size" : null;
    }

    @Override
    public String allowed() {
        return "auto, or a size such as 512M or 2G";
    }
}
