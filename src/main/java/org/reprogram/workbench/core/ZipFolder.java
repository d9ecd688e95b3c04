package org.reprogram.workbench.core;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A folder as one zip (bytes or a file) and back: how a study ships target data and source models
 * to executors and brings run folders back without a shared file system. Hidden files (locks,
 * temporary files of an atomic write) are left out; entries are in path order so the same folder
 * gives the same bytes; unpacking refuses entries that would land outside the folder.
 */
public final class ZipFolder {

    private ZipFolder() {}

    /** DIR's regular files, recursively, as zip bytes. */
    public static byte[] zip(Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        zip(dir, out);
        return out.toByteArray();
    }

    /** DIR's regular files, recursively, zipped to FILE (written atomically). */
    public static void zipTo(Path dir, Path file) throws IOException {
        AtomicFiles.write(file, out -> zip(dir, out));
    }

    /** The files FILES (any folders) zipped flat, by file name, to ZIPFILE (written atomically). */
    public static void zipFilesTo(List<Path> files, Path zipFile) throws IOException {
        zipFilesTo(files, files.stream().map(f -> f.getFileName().toString()).toList(), zipFile);
    }

    /** The files FILES zipped as the entries NAMES (relative, '/'-separated, one per file) to ZIPFILE (atomically). */
    public static void zipFilesTo(List<Path> files, List<String> names, Path zipFile) throws IOException {
        AtomicFiles.write(zipFile, out -> {
            ZipOutputStream zip = new ZipOutputStream(out); // finished, not closed: the atomic write syncs OUT
            for (int i = 0; i < files.size(); i++) {
                Path f = files.get(i);
                zip.putNextEntry(entry(names.get(i)));
                Files.copy(f, zip);
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    private static void zip(Path dir, OutputStream sink) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !hidden(dir.relativize(f))).sorted().toList();
        }
        ZipOutputStream zip = new ZipOutputStream(sink); // finished, not closed: the atomic write syncs SINK
        for (Path f : files) {
            zip.putNextEntry(entry(dir.relativize(f).toString().replace('\\', '/')));
            Files.copy(f, zip);
            zip.closeEntry();
        }
        zip.finish();
    }

    private static ZipEntry entry(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0); // the same folder gives the same bytes
        return e;
    }

    private static boolean hidden(Path rel) {
        for (Path part : rel) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Unpacks ZIP (bytes) into DIR (created when missing). */
    public static void unzip(byte[] zip, Path dir) throws IOException {
        unzip(new ByteArrayInputStream(zip), dir);
    }

    /** Unpacks the zip file FILE into DIR (created when missing). */
    public static void unzipFile(Path file, Path dir) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            unzip(in, dir);
        }
    }

    private static void unzip(InputStream in, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path root = dir.toAbsolutePath().normalize();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Path target = root.resolve(e.getName()).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    throw new IOException("zip entry '" + e.getName() + "' lies outside " + dir);
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
