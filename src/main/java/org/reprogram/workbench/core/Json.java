package org.reprogram.workbench.core;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JSON reading and crash-safe file writing shared by the engine. Files are strict JSON: a NaN or
 * infinite number (e.g. no validation data) is written as {@code null} and read back as NaN into
 * {@code double}/{@code float} fields; files written with the literal {@code NaN} still load.
 */
public final class Json {

    public static final Gson GSON = builder().setPrettyPrinting().create();

    /** One-line JSON (history.jsonl rows). */
    public static final Gson COMPACT = builder().create();

    /** Writes JSON trees as they are, keeping the {@code null}s that stand for NaN. */
    private static final Gson TREE = builder().setPrettyPrinting().serializeNulls().create();

    private Json() {}

    private static GsonBuilder builder() {
        return new GsonBuilder()
                .serializeSpecialFloatingPointValues() // only trees built by hand can still hold NaN
                .registerTypeAdapter(double.class, new NanAsNull(true, false))
                .registerTypeAdapter(Double.class, new NanAsNull(false, false))
                .registerTypeAdapter(float.class, new NanAsNull(true, true))
                .registerTypeAdapter(Float.class, new NanAsNull(false, true));
    }

    public static String toJson(Object value) {
        return value instanceof JsonElement tree ? TREE.toJson(tree) : GSON.toJson(value);
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

    /**
     * A double or float: NaN and infinities are written as {@code null} (strict JSON; written even
     * where Gson drops null fields, so the field reads back as NaN and not as 0); {@code null} and
     * the legacy literals {@code NaN}/{@code Infinity} are read back as NaN (primitive) or null (boxed).
     */
    private static final class NanAsNull extends TypeAdapter<Number> {

        private final boolean primitive;
        private final boolean isFloat;

        NanAsNull(boolean primitive, boolean isFloat) {
            this.primitive = primitive;
            this.isFloat = isFloat;
        }

        @Override
        public void write(JsonWriter out, Number value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else if (Double.isNaN(value.doubleValue()) || Double.isInfinite(value.doubleValue())) {
                boolean nulls = out.getSerializeNulls();
                out.setSerializeNulls(true);
                out.nullValue();
                out.setSerializeNulls(nulls);
            } else if (isFloat) {
                out.value(value.floatValue());
            } else {
                out.value(value.doubleValue());
            }
        }

        @Override
        public Number read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                if (!primitive) {
                    return null;
                }
                return isFloat ? (Number) Float.NaN : (Number) Double.NaN;
            }
            double v = in.nextDouble();
            return isFloat ? (Number) (float) v : (Number) v;
        }
    }
}
