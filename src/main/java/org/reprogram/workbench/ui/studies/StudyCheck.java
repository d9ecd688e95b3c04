package org.reprogram.workbench.ui.studies;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.study.StudySpec;
import org.reprogram.workbench.core.study.Trial;
import org.reprogram.workbench.ui.common.ResultTexts;

/**
 * A draft checked by the study spec reader itself (its YAML written to a file and read back with
 * {@link StudySpec#read}), and the estimate of what it costs. Runs in the background: it writes a
 * file and reads the runs folder.
 *
 * @param yaml the draft's spec text
 * @param spec the spec read back (null when it has a problem)
 * @param field the form field the problem belongs to (null when none or unknown)
 * @param error the problem as "error: ... Fix: ..." without the temporary file's name, or null
 * @param estimate the cost in words ("" with a problem)
 */
record StudyCheck(String yaml, StudySpec spec, String field, String error, String estimate) {

    private static final Pattern AT_LINE = Pattern.compile("^.*?\\.yaml:(\\d+): (.*)$", Pattern.DOTALL);

    boolean ok() {
        return error == null;
    }

    /** Checks DRAFT; the estimate uses the most recent finished run of the same source and target in RUNS. */
    static StudyCheck of(StudyDraft draft, RunStore runs, int trialsAtOnce) throws IOException {
        return of(draft, base -> secondsPerEpoch(runs, base), trialsAtOnce);
    }

    /** Checks DRAFT; MEASURED gives the seconds per epoch of a base (empty: not known). */
    static StudyCheck of(StudyDraft draft, java.util.function.Function<RunSpec, OptionalDouble> measured,
            int trialsAtOnce) throws IOException {
        StudyDraft.Yaml yaml = draft.yaml();
        Path file = Files.createTempFile("study-draft", ".yaml");
        try {
            Files.writeString(file, yaml.text(), StandardCharsets.UTF_8);
            StudySpec spec;
            List<Trial> trials;
            try {
                spec = StudySpec.read(file);
                trials = spec.trials();
            } catch (UserInputException e) {
                Matcher m = AT_LINE.matcher(e.getMessage());
                if (m.matches()) {
                    return new StudyCheck(yaml.text(), null, yaml.fieldAt(Integer.parseInt(m.group(1))),
                            "error: " + m.group(2), "");
                }
                return new StudyCheck(yaml.text(), null, null, "error: " + e.getMessage(), "");
            }
            if (trials.isEmpty()) {
                return new StudyCheck(yaml.text(), null, StudyDraft.PARAMETERS, "error: the study expands to no"
                        + " trial. Fix: list at least one value per setting", "");
            }
            return new StudyCheck(yaml.text(), spec, null, null, estimate(trials, spec,
                    measured.apply(draft.base()), trialsAtOnce));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * "6 trials x 1 epoch x 2.4 s per epoch / 2 at once ≈ 8 s" (halving: "at most"); without a
     * measured epoch, when it will be known. TRIALSATONCE 0: a cluster (its cores decide).
     */
    static String estimate(List<Trial> trials, StudySpec spec, OptionalDouble secondsPerEpoch, int trialsAtOnce) {
        long epochs = trials.stream().mapToLong(t -> t.spec().optimization().epochs()).sum();
        boolean same = trials.stream().mapToInt(t -> t.spec().optimization().epochs()).distinct().count() == 1;
        String work = same ? trials.size() + plural(trials.size(), " trial") + " x " + trials.get(0).spec()
                .optimization().epochs() + plural(trials.get(0).spec().optimization().epochs(), " epoch")
                : trials.size() + plural(trials.size(), " trial") + ", " + epochs + " epochs in all";
        String bound = spec.earlyTerminate() != null ? "at most " : "";
        if (secondsPerEpoch.isEmpty()) {
            return work + "; time unknown until the first trial finishes (no finished run of this source and"
                    + " target in the runs folder to measure an epoch)";
        }
        double s = secondsPerEpoch.getAsDouble();
        String per = String.format(Locale.ROOT, " x %.1f s per epoch", s);
        if (trialsAtOnce <= 0) {
            return work + per + " = " + bound + ResultTexts.eta(epochs * s) + " of trial time, shared among the"
                    + " cluster's cores";
        }
        return work + per + " / " + trialsAtOnce + " at once ≈ " + bound + ResultTexts.eta(epochs * s / trialsAtOnce);
    }

    /**
     * Seconds per epoch of the most recent completed reprogramming run of BASE's source and target
     * in RUNS (its wall time over its epochs); empty when there is none.
     */
    static OptionalDouble secondsPerEpoch(RunStore runs, RunSpec base) {
        for (RunRecord r : runs.list()) { // newest first
            if (r.readable() && r.result() != null && !r.isBaseline() && "completed".equals(r.status())
                    && r.result().epochs() > 0 && base.source().equals(r.config().source())
                    && base.data().target().equals(r.config().data().target())) {
                return OptionalDouble.of(r.result().wallSeconds() / r.result().epochs());
            }
        }
        return OptionalDouble.empty();
    }

    private static String plural(long n, String word) {
        return n == 1 ? word : word + "s";
    }
}
