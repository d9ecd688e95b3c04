package org.reprogram.workbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.run.ComparisonTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code compare}: one aligned table of run folders (reprogramming and baselines), optionally as CSV. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare run folders side by side: the run's name (set in the GUI's Runs tab), method, the"
                + " settings that differ between the runs (program, mapping, lr, seed, ...; the shared ones are"
                + " listed below the table), test accuracy (final and at the best validation epoch), trainable"
                + " parameters, wall time, peak memory, model queries. --csv writes every setting.")
public final class CompareCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR",
            description = "run folders (written by train, demo or baseline)")
    List<Path> dirs;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write the table as CSV to FILE")
    Path csv;

    @Override
    public Integer call() throws Exception {
        ComparisonTable table = ComparisonTable.load(dirs);
        print(table);
        if (table.readable() > 0 && !table.shared().isEmpty()) {
            System.out.println((table.readable() == 1 ? "settings: " : "same in all runs: ") + table.shared());
        }
        List<String> unreadable = new ArrayList<>();
        for (int i = 0; i < dirs.size(); i++) {
            ComparisonTable.Row row = table.rows().get(i);
            if (!row.readable()) {
                unreadable.add(dirs.get(i) + ": " + reason(dirs.get(i), row));
            }
        }
        if (table.readable() == 0) {
            System.err.println("error: " + (dirs.size() == 1 ? unreadable.get(0) + ". Fix: pass a folder written by"
                    + " train, demo or baseline (it holds config.json)" : "none of the " + dirs.size() + " folders"
                    + " could be read as a run: " + String.join("; ", unreadable) + ". Fix: pass folders written by"
                    + " train, demo or baseline (they hold config.json)"));
            return Cli.EXIT_USAGE;
        }
        for (String u : unreadable) {
            System.err.println("warning: skipped " + u);
        }
        if (csv != null) {
            try {
                Json.writeString(csv, table.toCsv());
            } catch (java.io.IOException e) {
                throw UserInputException.forFile(csv, "cannot write the CSV file ("
                        + org.reprogram.workbench.core.run.RunFolderAccess.reason(e) + ")", "choose another --csv file", e);
            }
            System.out.println("CSV written to " + csv.toAbsolutePath());
        }
        return 0;
    }

    /** Why DIR's ROW is unreadable, without the "Fix:" hint and with paths inside DIR relative to it. */
    private static String reason(Path dir, ComparisonTable.Row row) {
        String r = row.status().replaceFirst("^unreadable: ", "").replaceFirst("\\. Fix: .*$", "");
        String inside = dir + java.io.File.separator;
        return r.startsWith(inside) ? r.substring(inside.length()) : r;
    }

    /** Left-aligned text columns, right-aligned number columns, two spaces apart. */
    private static void print(ComparisonTable table) {
        List<String> titles = table.titles();
        List<List<String>> rows = table.cells();
        int[] width = new int[titles.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = titles.get(c).length();
            for (List<String> r : rows) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        System.out.println(line(table, titles, width));
        for (List<String> r : rows) {
            System.out.println(line(table, r, width));
        }
        System.out.flush();
    }

    private static String line(ComparisonTable table, List<String> cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String v = cells.get(c);
            boolean number = table.numeric(c);
            String pad = " ".repeat(width[c] - v.length());
            sb.append(c == 0 ? "" : "  ").append(number ? pad + v : v + (c == cells.size() - 1 ? "" : pad));
        }
        return sb.toString();
    }
}
