package org.reprogram.workbench.core.predict;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.UserInputException;

/**
 * A bundle's table of contents, checked before a single byte is written: the zip's central
 * directory (names and declared sizes), {@code SHA256SUMS} and {@code bundle.json} (both read into
 * memory, each at most {@link Limits#smallFile} bytes). Refused before writing: an unsafe name
 * (absolute, {@code ..}, a backslash), a name twice, a file not listed in {@code SHA256SUMS} or
 * that no export writes (not named by the manifest), a listed file that is missing, a declared
 * total above {@link Limits#maxTotal} or above the free space, and an entry that would expand
 * more than {@link Limits#maxRatio} times its packed size (a zip bomb). While unpacking
 * ({@link #extractTo}), each entry is cut off at its declared size (a zip may lie about it) and
 * checked against its SHA-256 as soon as it is written.
 */
final class BundleEntries {

    static final String FIX = "export the bundle again from its run folder (export RUN_DIR --out FILE.zip)";

    /**
     * @param maxTotal most bytes the files of one bundle may unpack to
     * @param smallFile most bytes of SHA256SUMS, bundle.json, config.json and MODEL_CARD.md
     * @param maxRatio most an entry may expand over its packed size once it is larger than RATIOFLOOR
     * @param ratioFloor entries up to this size are not held to MAXRATIO (small text compresses well)
     */
    record Limits(long maxTotal, long smallFile, long maxRatio, long ratioFloor) {
        /** 4 GB in all (a ResNet-50 is 100 MB, a ViT-L 1.2 GB); model weights pack 1.1:1, zeros 1000:1. */
        static final Limits DEFAULT = new Limits(4L << 30, 1L << 20, 100, 16L << 20);
    }

    private final Path bundle;
    private final ZipFile zip;
    private final Map<String, ZipEntry> entries;
    private final Map<String, String> sums;
    private final BundleManifest manifest;
    private final long total;

    private BundleEntries(Path bundle, ZipFile zip, Map<String, ZipEntry> entries, Map<String, String> sums,
            BundleManifest manifest, long total) {
        this.bundle = bundle;
        this.zip = zip;
        this.entries = entries;
        this.sums = sums;
        this.manifest = manifest;
        this.total = total;
    }

    /** Checks ZIP (the file BUNDLE) within LIMITS without writing anything; a problem is a {@link UserInputException}. */
    static BundleEntries check(ZipFile zip, Path bundle, Limits limits) throws IOException {
        Map<String, ZipEntry> entries = new LinkedHashMap<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry e = all.nextElement();
            String name = e.getName();
            if (!safe(name)) {
                throw refuse(bundle, "holds a file named '" + name + "' that no export writes (it points outside"
                        + " the folder it is unpacked to)");
            }
            if (entries.containsKey(name)) {
                throw refuse(bundle, "holds two files named '" + name + "' (no export writes that)");
            }
            if (e.getSize() < 0) {
                throw refuse(bundle, name + " has no recorded size (it was not written by export)");
            }
            entries.put(name, e);
        }
        entries.values().removeIf(ZipEntry::isDirectory);
        if (!entries.containsKey(Checksums.FILE)) {
            throw UserInputException.forFile(bundle, "has no " + Checksums.FILE + " (it is not a bundle written by"
                    + " export, or it was repacked)", FIX);
        }
        Map<String, String> sums;
        try {
            sums = Checksums.parse(small(zip, bundle, entries.get(Checksums.FILE), limits));
        } catch (IllegalArgumentException e) {
            throw UserInputException.forFile(bundle, "has a damaged " + Checksums.FILE + " (" + e.getMessage() + ")",
                    FIX, e);
        }
        for (String name : entries.keySet()) {
            if (!name.equals(Checksums.FILE) && !sums.containsKey(name)) {
                throw refuse(bundle, name + " is not listed in " + Checksums.FILE + " (added after export)");
            }
        }
        for (String name : sums.keySet()) {
            if (!entries.containsKey(name)) {
                throw refuse(bundle, name + " is missing (listed in " + Checksums.FILE + ")");
            }
        }
        BundleManifest manifest = manifest(zip, bundle, entries, sums, limits);
        Set<String> expected = expected(manifest);
        long total = 0;
        for (ZipEntry e : entries.values()) {
            if (!expected.contains(e.getName()) && !e.getName().equals(Checksums.FILE)) {
                throw refuse(bundle, "holds a file named '" + e.getName() + "' that no export writes (not named in "
                        + BundleManifest.MANIFEST + ")");
            }
            checkSize(bundle, e, limits);
            total += e.getSize();
        }
        if (total > limits.maxTotal()) {
            throw refuse(bundle, "unpacks to " + mb(total) + ", more than the " + mb(limits.maxTotal())
                    + " any export writes");
        }
        return new BundleEntries(bundle, zip, entries, sums, manifest, total);
    }

    BundleManifest manifest() {
        return manifest;
    }

    /** Bytes the files unpack to, as the zip declares them (and as {@link #extractTo} enforces). */
    long totalBytes() {
        return total;
    }

    /**
     * Writes every entry but the checksum list and the manifest (both already in memory) into DIR,
     * each cut off at its declared size and checked against its checksum right after it is written.
     * On a problem the files written so far stay: the caller deletes DIR.
     */
    void extractTo(Path dir) throws IOException {
        long free = Files.getFileStore(dir).getUsableSpace();
        if (free < total) {
            throw UserInputException.forFile(bundle, "unpacks to " + mb(total) + " but " + dir.getParent() + " has "
                    + mb(free) + " free", "free disk space there, or point java.io.tmpdir elsewhere (java"
                    + " -Djava.io.tmpdir=DIR -jar ...)");
        }
        for (ZipEntry e : entries.values()) {
            String name = e.getName();
            if (name.equals(Checksums.FILE) || name.equals(BundleManifest.MANIFEST)) {
                continue;
            }
            Path target = dir.resolve(name).normalize();
            if (!target.startsWith(dir) || target.equals(dir)) {
                throw refuse(bundle, "holds a file named '" + name + "' that no export writes");
            }
            Files.createDirectories(target.getParent());
            MessageDigest digest = Checksums.digest();
            try (InputStream in = zip.getInputStream(e); OutputStream out = Files.newOutputStream(target)) {
                copyCapped(in, out, digest, e.getSize(), name);
            }
            requireSum(name, Checksums.hex(digest.digest()));
        }
    }

    /** Copies exactly SIZE bytes; more or fewer is the bundle's fault. */
    private void copyCapped(InputStream in, OutputStream out, MessageDigest digest, long size, String name)
            throws IOException {
        byte[] buf = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw refuse(bundle, name + " is shorter than the zip says (" + (size - left) + " of " + size
                        + " bytes): the bundle is damaged");
            }
            digest.update(buf, 0, n);
            out.write(buf, 0, n);
            left -= n;
        }
        if (in.read() >= 0) {
            throw refuse(bundle, name + " unpacks to more than the " + size + " bytes the zip declares for it (a"
                    + " damaged bundle or a zip bomb); unpacking stopped there");
        }
    }

    private void requireSum(String name, String actual) {
        if (!actual.equals(sums.get(name))) {
            throw refuse(bundle, name + " does not match its SHA-256 checksum (the bundle was changed or damaged after"
                    + " export)");
        }
    }

    /** The manifest, read into memory, checked against its sum and its format. */
    private static BundleManifest manifest(ZipFile zip, Path bundle, Map<String, ZipEntry> entries,
            Map<String, String> sums, Limits limits) throws IOException {
        ZipEntry e = entries.get(BundleManifest.MANIFEST);
        if (e == null) {
            throw refuse(bundle, "has no " + BundleManifest.MANIFEST);
        }
        byte[] data = small(zip, bundle, e, limits);
        if (!Checksums.sha256(data).equals(sums.get(BundleManifest.MANIFEST))) {
            throw refuse(bundle, BundleManifest.MANIFEST + " does not match its SHA-256 checksum (the bundle was"
                    + " changed or damaged after export)");
        }
        BundleManifest m;
        try {
            m = Json.GSON.fromJson(new String(data, StandardCharsets.UTF_8), BundleManifest.class);
        } catch (JsonParseException ex) {
            throw UserInputException.forFile(bundle, "has no readable " + BundleManifest.MANIFEST + " ("
                    + ex.getMessage() + ")", FIX, ex);
        }
        if (m == null || !BundleManifest.FORMAT.equals(m.format())) {
            throw UserInputException.forFile(bundle, "is not a Reprogram Workbench bundle (" + BundleManifest.MANIFEST
                    + " has no \"format\": \"" + BundleManifest.FORMAT + "\")", "give a bundle written by export");
        }
        if (m.version() != BundleManifest.VERSION) {
            throw UserInputException.forFile(bundle, "is a version " + m.version() + " bundle; this workbench reads"
                    + " version " + BundleManifest.VERSION, "open it with the workbench version that wrote it, or"
                    + " export the run again");
        }
        if (m.source() == null || m.source().files() == null || m.source().files().isEmpty()) {
            throw refuse(bundle, "does not describe a reprogrammed classifier (" + BundleManifest.MANIFEST
                    + " names no source model files)");
        }
        return m;
    }

    /** The files an export of manifest M writes (besides SHA256SUMS). */
    private static Set<String> expected(BundleManifest m) {
        Set<String> names = new LinkedHashSet<>(java.util.List.of(BundleManifest.MANIFEST, BundleManifest.CONFIG,
                BundleManifest.CARD, BundleManifest.STATE_PROGRAM, BundleManifest.STATE_MAPPING));
        for (String f : m.source().files()) {
            if (f != null && f.startsWith(BundleManifest.MODEL_DIR)) {
                names.add(f);
            }
        }
        if (BundleManifest.PROMPTS.equals(m.prompts())) {
            names.add(BundleManifest.PROMPTS);
        }
        if (m.interop() != null && m.interop().arrays() != null) {
            for (String f : m.interop().arrays().values()) {
                if (f != null && f.startsWith(BundleManifest.INTEROP_DIR) && f.endsWith(".npy")) {
                    names.add(f);
                }
            }
        }
        return names;
    }

    private static void checkSize(Path bundle, ZipEntry e, Limits limits) {
        String name = e.getName();
        boolean text = name.equals(Checksums.FILE) || name.equals(BundleManifest.MANIFEST)
                || name.equals(BundleManifest.CONFIG) || name.equals(BundleManifest.CARD);
        if (text && e.getSize() > limits.smallFile()) {
            throw refuse(bundle, name + " is " + mb(e.getSize()) + ", far more than any export writes");
        }
        long packed = e.getCompressedSize();
        if (e.getSize() > limits.ratioFloor() && (packed <= 0 || e.getSize() / packed > limits.maxRatio())) {
            throw refuse(bundle, String.format(Locale.ROOT, "%s would unpack from %s to %s (more than %d times its"
                    + " packed size: a zip bomb or a damaged bundle, not an export)", name, mb(Math.max(0, packed)),
                    mb(e.getSize()), limits.maxRatio()));
        }
    }

    /** A small entry's bytes, in memory: at most LIMITS.smallFile, whatever the zip declares. */
    private static byte[] small(ZipFile zip, Path bundle, ZipEntry e, Limits limits) throws IOException {
        if (e.getSize() > limits.smallFile()) {
            throw refuse(bundle, e.getName() + " is " + mb(e.getSize()) + ", far more than any export writes");
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] data = in.readNBytes((int) e.getSize());
            if (data.length != e.getSize() || in.read() >= 0) {
                throw refuse(bundle, e.getName() + " does not have the " + e.getSize() + " bytes the zip declares for"
                        + " it: the bundle is damaged");
            }
            return data;
        }
    }

    /** Relative, forward slashes only, no empty, "." or ".." part. */
    static boolean safe(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0
                || name.contains(":")) {
            return false;
        }
        String body = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String part : body.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static UserInputException refuse(Path bundle, String problem) {
        return UserInputException.forFile(bundle, problem, FIX);
    }

    private static String mb(long bytes) {
        return bytes >= 1L << 20 ? String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20))
                : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
}
