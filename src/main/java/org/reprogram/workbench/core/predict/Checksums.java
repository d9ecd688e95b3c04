package org.reprogram.workbench.core.predict;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SHA-256 checksums in the format of {@code sha256sum} ({@code HEX  NAME} per line), as a
 * bundle's {@code SHA256SUMS} lists them: {@code sha256sum -c SHA256SUMS} checks an unzipped
 * bundle. They reveal a damaged or altered file; they are not a signature (whoever changes a
 * file can rewrite the list too).
 */
public final class Checksums {

    /** The checksum list's name inside a bundle. */
    public static final String FILE = "SHA256SUMS";

    private Checksums() {}

    /** A fresh SHA-256 digest. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    public static String sha256(byte[] data) {
        return hex(digest().digest(data));
    }

    /** The list's text for NAME -> hex checksum, in the map's order. */
    public static String format(Map<String, String> sums) {
        StringBuilder sb = new StringBuilder();
        sums.forEach((name, hex) -> sb.append(hex).append("  ").append(name).append('\n'));
        return sb.toString();
    }

    /** NAME -> hex checksum from the list's bytes; a malformed line is an {@link IllegalArgumentException}. */
    public static Map<String, String> parse(byte[] list) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : new String(list, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.length() < 67 || !line.substring(0, 64).matches("[0-9a-f]{64}")
                    || line.charAt(64) != ' ' || (line.charAt(65) != ' ' && line.charAt(65) != '*')) {
                throw new IllegalArgumentException("malformed line in " + FILE + ": '" + line + "'");
            }
            if (sums.put(line.substring(66), line.substring(0, 64)) != null) {
                throw new IllegalArgumentException(FILE + " lists " + line.substring(66) + " twice");
            }
        }
        return sums;
    }
}
