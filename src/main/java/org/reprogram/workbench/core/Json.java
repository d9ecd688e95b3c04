package org.reprogram.workbench.core;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** JSON reading and crash-safe file writing shared by the engine. */
public final class Json {

    public static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    /** One-line JSON (history.jsonl rows). */
    public static final Gson COMPACT = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    private Json() {}

    public static String toJson(Object value) {
        return GSON.toJson(value);
    }

    /** Reads FILE as TYPE; a missing or malformed file is a {@link UserInputException}. */
    public static <T> T read(Path file, Class<T> type, String fix) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw UserInputException.forFile(file, "cannot read (" + e.getMessage() + ")", fix, e);
        }
        try {
            T value = GSON.fromJson(text, type);
            if (value == null) {
                throw UserInputException.forFile(file, "is empty", fix);
            }
            return value;
        } catch (JsonParseException e) {
            throw UserInputException.forFile(file, "is not valid JSON (" + e.getMessage() + ")", fix, e);
        }
    }

    /** Writes JSON to FILE via a temporary file and an atomic move: readers never see half a file. */
    public static void write(Path file, Object value) throws IOException {
        writeString(file, toJson(value));
    }

    /** Writes TEXT to FILE atomically (temporary file in the same folder, then rename). */
    public static void writeString(Path file, String text) throws IOException {
        writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes BYTES to FILE atomically, with the default permissions for new files (see {@link AtomicFiles}). */
    public static void writeBytes(Path file, byte[] bytes) throws IOException {
        AtomicFiles.write(file, bytes);
    }
}
