package org.reprogram.workbench.ui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reprogram.workbench.core.AtomicFiles;
import org.reprogram.workbench.core.report.Csv;
import org.reprogram.workbench.core.report.PngImage;
import org.reprogram.workbench.core.report.SvgChart;
import org.reprogram.workbench.core.run.ComparisonTable;
import org.reprogram.workbench.core.run.ReplicateGroups;
import org.reprogram.workbench.core.run.RunFolderAccess;
import org.reprogram.workbench.ui.common.Fields;

/**
 * Saves what the comparison shows: the chart as SVG (drawn from the curves' data) or PNG (pixels
 * of the window's chart), the table as CSV (RFC 4180; one line per run with every setting, or per
 * group of replicates). Files are written atomically in the background; the message line says
 * where they went or why not.
 */
public final class CompareSaver {

    private final ComparisonViewModel vm;

    CompareSaver(ComparisonViewModel vm) {
        this.vm = vm;
    }

    /** A file name for the chart of the current metric, e.g. "compare-validation-accuracy". */
    public String chartName() {
        return "compare-" + vm.metric.get().title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
    }

    /** A file name for the table ("compare-replicates.csv" while grouping). */
    public String tableName() {
        return vm.groupReplicates.get() ? "compare-replicates.csv" : "compare.csv";
    }

    /** Writes the table of the compared runs (or of their groups of replicates) to OUT. */
    public void csv(Path out) {
        String text = csvText();
        write(out, "the table", () -> AtomicFiles.writeString(out, text));
    }

    /** Writes the chart as SVG to OUT. */
    public void svg(Path out) {
        String text = svgText();
        write(out, "the chart", () -> AtomicFiles.writeString(out, text));
    }

    /** Writes a snapshot of the chart (WIDTH x HEIGHT pixels, ARGB row by row) as PNG to OUT. */
    public void png(Path out, int width, int height, int[] argb) {
        write(out, "the chart", () -> PngImage.write(out, width, height, argb));
    }

    String csvText() {
        return vm.groupReplicates.get() ? ReplicateGroups.toCsv(ReplicateGroups.of(vm.runs()))
                : ComparisonTable.of(vm.runs()).toCsv(Csv.CRLF);
    }

    /** The curves as the window draws them: one colour per run, training dashed, short names in the legend. */
    String svgText() {
        List<SvgChart.Series> series = new ArrayList<>();
        for (ComparisonViewModel.Curve c : vm.curves) {
            series.add(new SvgChart.Series(c.name(), ComparisonViewModel.COLORS.get(Math.floorMod(c.color(),
                    ComparisonViewModel.COLORS.size())), c.dashed(), c.points()));
        }
        return SvgChart.svg("epoch", vm.metric.get().axis(), series,
                vm.metric.get().trainAndVal() ? "solid: validation, dashed: training" : null);
    }

    private interface Write {
        void run() throws IOException;
    }

    private void write(Path out, String what, Write w) {
        vm.executor().execute(() -> {
            w.run();
            return out;
        }, p -> vm.say("Saved " + what + " to " + p), e -> vm.say("Cannot save " + what + " to " + out + ": "
                + (e instanceof IOException io ? RunFolderAccess.reason(io) : Fields.words(e.getMessage()))));
    }
}
