package org.reprogram.workbench.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.run.ComparisonTable;
import org.reprogram.workbench.core.run.RecordedRuns;
import org.reprogram.workbench.core.run.RunNotes;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.RunSpec;

/** RFC 4180: commas, quotes, CR and LF inside a field are quoted, quotes doubled, records end in CRLF. */
class CsvTest {

    @Test
    void fieldsAreQuotedOnlyWhereTheyMustBe() {
        assertEquals("plain", Csv.field("plain"));
        assertEquals("", Csv.field(null));
        assertEquals("\"a,b\"", Csv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
        assertEquals("\"line\nbreak\"", Csv.field("line\nbreak"));
        assertEquals("\"carriage\rreturn\"", Csv.field("carriage\rreturn"), "a lone CR is a line break too");
        assertEquals("\"crlf\r\n\"", Csv.field("crlf\r\n"));
        assertEquals("semi;colon 'single'", Csv.field("semi;colon 'single'"));
    }

    @Test
    void aTableHasCrlfRecordEnds() {
        String t = Csv.table(List.of("a", "b"), List.of(List.of("1", "x,y"), List.of("", "q\"")));
        assertEquals("a,b\r\n1,\"x,y\"\r\n,\"q\"\"\"\r\n", t);
    }

    @Test
    void compareCsvQuotesACarriageReturnInANote(@TempDir Path tmp) throws Exception {
        Path run = RecordedRuns.reprogram(tmp.resolve("r"), RunSpec.defaults("digits"), 1, 0.5, true, true);
        RunNotes.write(run, new RunNotes("name", "first\rsecond"));
        String csv = ComparisonTable.of(List.of(RunStore.load(run, false))).toCsv(Csv.CRLF);
        assertTrue(csv.contains(",\"first\rsecond\","), csv);
        assertEquals(2, csv.split("\r\n").length, "header and one record: the CR stays inside its field");
    }
}
