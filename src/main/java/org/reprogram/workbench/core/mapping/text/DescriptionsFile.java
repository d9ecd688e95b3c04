package org.reprogram.workbench.core.mapping.text;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.UserInputException;

/**
 * A descriptions file: {@code {"class name": ["description", ...], ...}}, several descriptions per
 * class, written by the user (AttrVR's attribute files, caichengyi/AttrVR {@code attributes/}, have this
 * form; no language model is called here). Every class of the run must have at least one non-empty
 * description; problems name the file, the class and the fix.
 */
public final class DescriptionsFile {

    static final String FIX = "write {\"class name\": [\"a description\", ...], ...} with one entry per class name";

    private DescriptionsFile() {}

    /** The descriptions in FILE of each of CLASSNAMES, in their order. */
    public static List<List<String>> read(Path file, List<String> classNames) {
        JsonObject root = parse(file);
        List<List<String>> out = new ArrayList<>();
        for (String name : classNames) {
            JsonElement e = root.get(name);
            if (e == null || !e.isJsonArray() || e.getAsJsonArray().isEmpty()) {
                throw UserInputException.forFile(file, "has no descriptions for class '" + name + "' (it has: "
                        + String.join(", ", root.keySet()) + ")", "add \"" + name + "\": [\"a description\", ...], or"
                        + " change the class names to the file's");
            }
            List<String> texts = new ArrayList<>();
            JsonArray a = e.getAsJsonArray();
            for (int i = 0; i < a.size(); i++) {
                String t = a.get(i).isJsonPrimitive() ? a.get(i).getAsString().strip() : "";
                if (t.isEmpty()) {
                    throw UserInputException.forFile(file, "description " + (i + 1) + " of class '" + name
                            + "' is empty or not a string", "write each description as a non-empty string");
                }
                texts.add(t);
            }
            out.add(texts);
        }
        return out;
    }

    /** Writes DESCRIPTIONS of CLASSNAMES to FILE (the GUI's editor saves through this). */
    public static void write(Path file, List<String> classNames, List<List<String>> descriptions) throws IOException {
        JsonObject root = new JsonObject();
        for (int c = 0; c < classNames.size(); c++) {
            JsonArray a = new JsonArray();
            descriptions.get(c).forEach(a::add);
            root.add(classNames.get(c), a);
        }
        org.reprogram.workbench.core.AtomicFiles.writeString(file, org.reprogram.workbench.core.Json.toJson(root));
    }

    private static JsonObject parse(Path file) {
        if (!Files.isRegularFile(file)) {
            throw UserInputException.forFile(file, "descriptions file not found", "give the path of a JSON file"
                    + " (--descriptions FILE): " + FIX);
        }
        try {
            JsonElement e = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                throw UserInputException.forFile(file, "is not a JSON object", FIX);
            }
            return e.getAsJsonObject();
        } catch (IOException e) {
            throw UserInputException.forFile(file, "cannot be read (" + e.getMessage() + ")", FIX, e);
        } catch (RuntimeException e) {
            if (e instanceof UserInputException u) {
                throw u;
            }
            throw UserInputException.forFile(file, "is not valid JSON (" + e.getMessage() + ")", FIX, e);
        }
    }
}
