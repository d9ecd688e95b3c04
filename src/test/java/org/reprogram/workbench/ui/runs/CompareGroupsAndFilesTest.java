package org.reprogram.workbench.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.run.RecordedRuns;
import org.reprogram.workbench.core.run.RunParameter;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.ui.common.SyncTaskExecutor;

/** The compare table grouped into replicates, short legend names, and saving chart and table to files. */
class CompareGroupsAndFilesTest {

    private static final RunSpec PAD = RunSpec.defaults("digits")
            .with(Settings.PROGRAM, "pad").with(Settings.MAPPING, "linear")
            .withValue(ParameterRegistry.get("program.inner_size"), 10);

    private final List<String> messages = new ArrayList<>();
    private final ComparisonViewModel vm = new ComparisonViewModel(new SyncTaskExecutor(), messages::add);

    /** A finished run: test accuracy 0.9 * SCALE, val accuracy SCALE * epoch / 2. */
    private static RunRecord run(Path tmp, String name, double lr, long seed, double scale) throws Exception {
        return RunStore.load(RecordedRuns.reprogram(tmp.resolve(name), PAD.with(Settings.BATCH_SIZE, 64)
                .with(Settings.LR, lr).with(Settings.SEED, (long) seed), 2, scale,
                true, false), false);
    }

    private List<RunRecord> replicates(Path tmp) throws Exception {
        return List.of(run(tmp, "s1", 0.05, 1, 0.8), run(tmp, "other", 0.01, 1, 0.5), run(tmp, "s2", 0.05, 2, 0.9),
                run(tmp, "s3", 0.05, 3, 1.0));
    }

    @Test
    void groupingCollapsesReplicatesIntoOneLineWithMeanAndStd(@TempDir Path tmp) throws Exception {
        vm.compare(replicates(tmp));
        assertEquals(4, vm.rows.size(), "one line per run until grouping is on");
        assertEquals(List.of(RunParameter.LR, RunParameter.SEED), List.copyOf(vm.differing));

        vm.groupReplicates.set(true);
        assertEquals(2, vm.rows.size());
        ComparisonViewModel.Row three = vm.rows.get(0);
        assertEquals(3, three.n());
        // test accuracies 0.72, 0.81, 0.90: mean 0.81, sample std sqrt((0.0081 + 0 + 0.0081) / 2) = 0.09
        assertEquals("81.0 ± 9.0 %", three.testAccuracy());
        assertEquals("lr 0.05", three.name(), "what tells the groups apart, without the seed");
        assertEquals("1, 2, 3", three.parameters().get(RunParameter.SEED));
        assertEquals("s1\ns2\ns3", three.folder(), "the folders, for the tooltip");
        assertEquals("1.5", three.wallSeconds(), "the other figures: means");
        assertEquals(2, three.epochs());
        ComparisonViewModel.Row one = vm.rows.get(1);
        assertEquals(1, one.n());
        assertEquals("45.0 %", one.testAccuracy(), "n = 1: the value, no ±");
        assertTrue(vm.groupSummary.get().startsWith("4 runs in 2 groups"), vm.groupSummary.get());

        vm.groupReplicates.set(false);
        assertEquals(4, vm.rows.size());
        assertEquals("", vm.groupSummary.get());
    }

    @Test
    void theLegendUsesShortNamesAndKeepsTheFullOneForTheTooltip(@TempDir Path tmp) throws Exception {
        List<RunRecord> runs = replicates(tmp);
        vm.compare(runs.subList(0, 2));
        assertEquals(List.of("lr 0.05 · seed 1", "lr 0.01 · seed 1"), vm.curves.stream()
                .map(ComparisonViewModel.Curve::name).toList());
        assertEquals(List.of("s1", "other"), vm.curves.stream().map(ComparisonViewModel.Curve::fullName).toList());
    }

    @Test
    void theChartsPlaceholderReadsTheNewHintWhenTheLinesChange(@TempDir Path tmp) throws Exception {
        vm.compare(replicates(tmp).subList(0, 1));
        List<String> seen = new ArrayList<>();
        vm.curves.addListener((javafx.collections.ListChangeListener<ComparisonViewModel.Curve>) c ->
                seen.add(vm.hint.get()));
        vm.compare(List.of()); // e.g. the selected run was deleted
        assertEquals(List.of(ComparisonViewModel.HINT_SELECT), seen, "not 'Ctrl/Shift-click more runs ...'");
    }

    @Test
    void theTableIsSavedAsCsvPerRunOrPerGroup(@TempDir Path tmp, @TempDir Path out) throws Exception {
        vm.compare(replicates(tmp));
        vm.save.csv(out.resolve(vm.save.tableName()));
        String perRun = Files.readString(out.resolve("compare.csv"));
        assertEquals(5, perRun.split("\r\n").length, "header and four runs, CRLF line ends");
        assertTrue(perRun.startsWith("run,status,method,"), perRun);
        assertTrue(messages.get(messages.size() - 1).startsWith("Saved the table to "), messages.toString());

        vm.groupReplicates.set(true);
        assertEquals("compare-replicates.csv", vm.save.tableName());
        vm.save.csv(out.resolve(vm.save.tableName()));
        List<String> grouped = Files.readString(out.resolve("compare-replicates.csv")).lines().toList();
        assertEquals(3, grouped.size());
        assertTrue(grouped.get(0).startsWith("n,runs,method,"), grouped.get(0));
        assertTrue(grouped.get(1).startsWith("3,s1 s2 s3,reprogram,"), grouped.get(1));
    }

    @Test
    void theChartIsSavedAsSvgFromTheDataAndAsPngFromPixels(@TempDir Path tmp, @TempDir Path out) throws Exception {
        vm.compare(replicates(tmp).subList(0, 2));
        vm.metric.set(CurveMetric.ACCURACY);
        assertEquals("compare-training-validation-accuracy", vm.save.chartName());
        Path svg = out.resolve("chart.svg");
        vm.save.svg(svg);
        String text = Files.readString(svg);
        assertEquals(4, text.split("<polyline").length - 1, "validation and training line of two runs");
        assertEquals(2, text.split("stroke-dasharray").length - 1, "the training lines dashed");
        assertTrue(text.contains(ComparisonViewModel.COLORS.get(1)), "the second run's colour");
        assertTrue(text.contains("lr 0.05 · seed 1"), "short names in the legend");

        Path png = out.resolve("chart.png");
        vm.save.png(png, 2, 1, new int[] {0xffffffff, 0xff2f6fd0});
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(0xff2f6fd0, img.getRGB(1, 0));

        Path blocked = Files.writeString(out.resolve("file"), "x").resolve("chart.svg");
        vm.save.svg(blocked);
        assertTrue(messages.get(messages.size() - 1).startsWith("Cannot save the chart to " + blocked),
                messages.toString());
        assertFalse(messages.get(messages.size() - 1).contains("Exception"), messages.toString());
    }
}
