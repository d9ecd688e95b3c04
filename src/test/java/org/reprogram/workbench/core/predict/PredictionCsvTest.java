package org.reprogram.workbench.core.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 12: file names are RFC 4180 fields, whatever they hold. A carriage return in a
 * name (legal on Linux) used to be written bare: a CSV reader saw one extra row.
 */
class PredictionCsvTest {

    private static final List<String> CLASSES = List.of("cat", "dog");

    private static Prediction ok(String name) {
        return new Prediction(Path.of(name), name, 0, List.of(new Prediction.ClassScore(0, "cat", 0.75),
                new Prediction.ClassScore(1, "dog", 0.25)), 3, "shirt, long", 0.5, 0, 0, 0, null, null);
    }

    @Test
    void everySpecialCharacterIsQuotedSoEachPredictionIsOneRecord(@TempDir Path tmp) throws Exception {
        List<String> names = List.of("plain.png", "carriage\rreturn.png", "line\nfeed.png", "crlf\r\n.png",
                "a \"quoted\" name.png", "comma,name.png", "trailing-cr.png\r");
        List<Prediction> predictions = new ArrayList<>();
        names.forEach(n -> predictions.add(ok(n)));
        predictions.add(Prediction.failed(Path.of("bad\r.png"), "bad\r.png", -1, "bad\r.png: broken,\r\"really\""));
        Path csv = tmp.resolve("p.csv");
        PredictionCsv.write(csv, predictions, 2, CLASSES);

        List<List<String>> rows = parse(Files.readString(csv, StandardCharsets.UTF_8));
        assertEquals(predictions.size() + 1, rows.size(), "one header and one record per image");
        int columns = rows.get(0).size();
        for (int i = 0; i < names.size(); i++) {
            List<String> row = rows.get(i + 1);
            assertEquals(columns, row.size(), "record " + i);
            assertEquals(names.get(i), row.get(0), "the name round-trips");
            assertEquals("shirt, long", row.get(6));
        }
        List<String> failed = rows.get(rows.size() - 1);
        assertEquals("bad\r.png", failed.get(0));
        assertEquals("bad\r.png: broken,\r\"really\"", failed.get(columns - 1));
    }

    @Test
    void plainFieldsStayUnquoted() {
        assertEquals("plain.png", org.reprogram.workbench.core.report.Csv.field("plain.png"));
        assertEquals("\"a\rb\"", org.reprogram.workbench.core.report.Csv.field("a\rb"));
        assertEquals("\"say \"\"hi\"\"\"", org.reprogram.workbench.core.report.Csv.field("say \"hi\""));
    }

    /**
     * A strict RFC 4180 reader: CR, LF or CRLF end a record outside quotes (as spreadsheet and
     * Python's csv readers treat a bare CR).
     */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
