package org.reprogram.workbench.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.spec.LearningRateSchedule;

/**
 * The one fit loop with a toy module (no model): shuffling, schedule, best-validation tracking and the
 * test accuracy of its state, query counting, stop / cancel / NaN outcomes, callback order, and the
 * run status as result.json words it.
 */
class FitLoopTest {

    private static final int N = 10;
    private static final int BATCH = 4;
    private static final long SEED = 7;

    /** A module whose state is the number of steps taken; test accuracy = steps / 100. */
    static final class Toy implements FitModule<Integer> {
        final double[] valAccuracy;
        final boolean testWhenFound;
        final List<String> events = new ArrayList<>();
        final List<int[]> orders = new ArrayList<>();
        final List<Double> rates = new ArrayList<>();
        int steps;
        int nanAtStep = -1;

        Toy(boolean testWhenFound, double... valAccuracy) {
            this.testWhenFound = testWhenFound;
            this.valAccuracy = valAccuracy;
        }

        @Override
        public RunInfo runInfo() {
            return null;
        }

        @Override
        public void prepare(FitState<Integer> state) {
            events.add("prepare");
        }

        @Override
        public int trainSize() {
            return N;
        }

        @Override
        public LearningRateSchedule schedule() {
            return LearningRateSchedule.COSINE;
        }

        @Override
        public void beginEpoch(int epoch) {
            events.add("begin " + epoch);
        }

        @Override
        public void startEpoch(int epoch, int[] order) {
            events.add("start " + epoch);
            orders.add(order);
        }

        @Override
        public NDManager openScope() {
            return NDManager.newBaseManager(Device.cpu());
        }

        @Override
        public StepResult step(NDManager scope, int from, int to, double lr) {
            steps++;
            rates.add(lr);
            double loss = steps == nanAtStep ? Double.NaN : 0.5 * (to - from);
            return new StepResult(loss, (to - from) / 2, to - from);
        }

        @Override
        public Evaluator.Result evaluate(Split split) {
            int epoch = (steps + 2) / 3;
            double acc = split == Split.TEST ? steps / 100.0 : valAccuracy[epoch - 1];
            return new Evaluator.Result(acc, 1 - acc, new int[][] {{1, 0}, {0, 1}}, null, null,
                    split == Split.TEST ? 7 : 5);
        }

        @Override
        public boolean testsWhenBestFound() {
            return testWhenFound;
        }

        @Override
        public Integer state(int epoch) {
            return steps;
        }

        @Override
        public void restore(Integer state) {
            steps = state;
        }

        @Override
        public String epochWarning(double meanTrainLoss, Evaluator.Result validation) {
            return null;
        }

        @Override
        public void describe(TrainingResult.Builder result, FitState<Integer> state) {
            result.trainer("toy");
        }
    }

    private static TrainingResult fit(Toy toy, TrainingControl control, List<FitCallback<Integer>> callbacks,
            TrainingListener listener) {
        return new FitLoop<>(toy, callbacks, listener, control).run(3, BATCH, 0.1, SEED, null);
    }

    @Test
    void keepsTheBestValidationStateForTheTestAndCountsQueries() {
        Toy toy = new Toy(false, 0.5, 0.8, 0.6);
        List<EpochMetrics> epochs = new ArrayList<>();
        TrainingResult r = fit(toy, new TrainingControl(), List.of(), new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics m) {
                epochs.add(m);
            }
        });
        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        assertEquals(3, r.epochs());
        assertEquals(2, r.bestEpoch());
        assertEquals(0.8, r.bestValAccuracy());
        assertEquals(0.06, r.testAccuracyAtBestVal(), 1e-12, "the state after epoch 2 (6 steps)");
        assertEquals(0.09, r.testAccuracy(), 1e-12, "the final state (9 steps)");
        assertEquals(9, toy.steps, "the final state is restored after testing the best one");
        assertEquals(3 * N, r.trainingQueries());
        assertEquals(3 * 5 + 7 + 7, r.evaluationQueries(), "validation per epoch, final test, test of the best");
        assertEquals(r.trainingQueries() + r.evaluationQueries(), r.queries());
        assertEquals("toy", r.trainer());
        for (int e = 1; e <= 3; e++) {
            assertArrayEquals(FitLoop.permutation(N, new Random(SEED * 1_000_003L + e)), toy.orders.get(e - 1));
        }
        for (int s = 0; s < 9; s++) {
            assertEquals(LearningRateSchedule.COSINE.rate(0.1, s, 9), toy.rates.get(s), 0.0, "step " + s);
        }
        assertEquals(0.5, epochs.get(0).trainLoss(), 1e-12, "the mean of 0.5 per image");
        assertEquals(toy.rates.get(8), epochs.get(2).learningRate(), 0.0, "an epoch reports its last step's rate");
    }

    @Test
    void aModuleThatTestsWhenBestFoundReusesTheLastBestTest() {
        Toy toy = new Toy(true, 0.5, 0.6, 0.8);
        TrainingResult r = fit(toy, new TrainingControl(), List.of(), new TrainingListener() {});
        assertEquals(0.09, r.testAccuracyAtBestVal(), 1e-12);
        assertEquals(0.09, r.testAccuracy(), 1e-12);
        assertEquals(3 * 5 + 3 * 7, r.evaluationQueries(), "a test pass at each new best, none more at the end");
    }

    @Test
    void aNonFiniteLossFailsTheRunWithItsFix() {
        Toy toy = new Toy(false, 0.5, 0.8, 0.6);
        toy.nanAtStep = 5;
        TrainingResult r = fit(toy, new TrainingControl(), List.of(), new TrainingListener() {});
        assertEquals(RunStatus.FAILED, r.status());
        assertEquals(1, r.epochs());
        assertTrue(r.message().startsWith("loss became NaN at epoch 2, step 5. Fix: lower the learning rate"),
                r.message());
        assertTrue(Double.isNaN(r.testAccuracy()), "no test evaluation");
    }

    @Test
    void stopEndsAfterTheEpochAndCancelAtTheNextStep() {
        TrainingControl stop = new TrainingControl();
        FitCallback<Integer> stopInEpochTwo = new FitCallback<>() {
            @Override
            public void afterBatch(FitState<Integer> s) {
                if (s.epoch() == 2) {
                    stop.requestStop();
                }
            }
        };
        TrainingResult s = fit(new Toy(false, 0.5, 0.8, 0.6), stop, List.of(stopInEpochTwo), new TrainingListener() {});
        assertEquals(RunStatus.STOPPED, s.status());
        assertEquals("stopped by the user after epoch 2", s.message());
        assertEquals(0.06, s.testAccuracy(), 1e-12, "the test split is evaluated with the stopped state");

        TrainingControl cancel = new TrainingControl();
        FitCallback<Integer> cancelInEpochTwo = new FitCallback<>() {
            @Override
            public void afterBatch(FitState<Integer> st) {
                if (st.epoch() == 2) {
                    cancel.cancel();
                }
            }
        };
        TrainingResult c = fit(new Toy(false, 0.5, 0.8, 0.6), cancel, List.of(cancelInEpochTwo),
                new TrainingListener() {});
        assertEquals(RunStatus.CANCELLED, c.status());
        assertEquals(1, c.epochs());
        assertTrue(Double.isNaN(c.testAccuracy()));
    }

    @Test
    void callbacksRunAroundTheModuleInOrder() {
        Toy toy = new Toy(false, 0.5, 0.8, 0.6);
        FitCallback<Integer> cb = new FitCallback<>() {
            @Override
            public void onFitStart(FitState<Integer> s) {
                toy.events.add("fit start");
            }

            @Override
            public void beforeEpoch(FitState<Integer> s, int epoch) {
                toy.events.add("before " + epoch);
            }

            @Override
            public void afterEpoch(FitState<Integer> s, EpochMetrics m, Evaluator.Result val) {
                toy.events.add("after " + m.epoch() + " best " + s.bestVal());
            }

            @Override
            public void onFitEnd(FitState<Integer> s) {
                toy.events.add("end");
            }
        };
        fit(toy, new TrainingControl(), List.of(cb), new TrainingListener() {});
        assertEquals(List.of("prepare", "fit start", "begin 1", "before 1", "start 1", "after 1 best 0.5", "begin 2",
                "before 2", "start 2", "after 2 best 0.8", "begin 3", "before 3", "start 3", "after 3 best 0.8", "end"),
                toy.events);
    }

    @Test
    void resultJsonWritesTheStatusInLowercaseAndReadsItBack() {
        TrainingResult r = TrainingResult.builder().status(RunStatus.INTERRUPTED).epochs(1).build();
        String json = Json.toJson(r);
        assertTrue(json.contains("\"status\": \"interrupted\""), json);
        for (RunStatus s : RunStatus.values()) {
            TrainingResult back = Json.GSON.fromJson("{\"status\": \"" + s.id() + "\"}", TrainingResult.class);
            assertEquals(s, back.status());
            assertEquals(s.id(), s.toString());
        }
    }
}
