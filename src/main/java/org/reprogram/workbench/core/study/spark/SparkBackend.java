package org.reprogram.workbench.core.study.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.study.BackendChoice;
import org.reprogram.workbench.core.study.TrialBackend;
import org.reprogram.workbench.core.study.TrialReturn;
import org.reprogram.workbench.core.study.TrialTask;

/**
 * Runs a study's trials as Apache Spark tasks: each trial is a one-partition RDD mapped by
 * {@link TrialFunction} and collected asynchronously, in a job group of its own study (cancelled
 * together). Local mode ({@code local[N]}) runs N trials at once inside this process; a cluster
 * ({@code spark://}, {@code k8s://}) runs them on its executors, which load the application jar and
 * the libraries Spark lacks ({@link ExecutorJars}, as {@code spark.jars}) and fetch the shipped inputs
 * ({@code addFile}): a worker needs Spark 4 for Scala 2.13 and Java 17, nothing of the application. Each trial uses
 * {@code spark.task.cpus} = threads per trial. Tasks travel with Spark's default JavaSerializer.
 *
 * <p>GPUs go through Spark's resource scheduling: give executors GPUs with
 * {@code --conf spark.executor.resource.gpu.amount=1} and a discovery script
 * ({@code spark.executor.resource.gpu.discoveryScript}, or the worker's {@code spark.worker.resource.gpu.*}),
 * and each trial one with {@code --conf spark.task.resource.gpu.amount=1}; a task that holds a GPU
 * trains on it ({@link TrialFunction#withGpu}). Not tested here: this machine has no GPU for Java.
 *
 * <p>One SparkContext per JVM ({@link SharedContext}): backends opened while one runs share it; the
 * last one closed stops it.
 */
public final class SparkBackend implements TrialBackend {

    /** How long a cluster's first executor may take to register (a driver waiting for resources waits forever). */
    public static final Duration EXECUTOR_WAIT = Duration.ofSeconds(120);

    private static final AtomicInteger STUDIES = new AtomicInteger();

    private final String master;
    private final int threads;
    /** Trials at once in local mode; 0 on a cluster, where the executors decide. */
    private final int localTrials;
    private final JavaSparkContext sc;
    private final String group;
    private final ExecutorService waiters = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "reprogram-trial-wait");
        t.setDaemon(true);
        return t;
    });
    /** Trials submitted and not come back. */
    private final Set<CompletableFuture<TrialReturn>> pending = ConcurrentHashMap.newKeySet();
    private boolean closed;

    /** The backend CHOICE names (the CLI's and the window's options, kept in the study folder) for study NAME. */
    public static SparkBackend open(BackendChoice choice, String name) {
        return new SparkBackend(name.isEmpty() ? "study" : name, new SparkOptions(choice.master(), choice.parallel(),
                choice.threadsPerTrial(), choice.conf(), null));
    }

    /** Opens (or joins) the Spark context for study NAME as OPTIONS say; on a cluster, waits for an executor. */
    public SparkBackend(String name, SparkOptions options) {
        this(name, options, EXECUTOR_WAIT);
    }

    SparkBackend(String name, SparkOptions options, Duration executorWait) {
        threads = options.threads();
        SparkConf conf = new SparkConf().setAppName("reprogram-study " + name).set("spark.ui.enabled", "false");
        if (options.isLocal()) {
            int cores = Runtime.getRuntime().availableProcessors();
            LocalSizing sizing = LocalSizing.of(options.master(), options.parallel(), threads, cores);
            if (sizing.warning() != null) {
                System.err.println("warning: " + sizing.warning());
            }
            localTrials = sizing.trials();
            conf.setMaster("local[" + localTrials + "]");
        } else {
            localTrials = 0;
            conf.setMaster(options.master());
            checkReachable(options.master());
            conf.set("spark.task.cpus", Integer.toString(threads));
            String jars = String.join(",", ExecutorJars.of(appJar(options.appJar())).stream()
                    .map(p -> p.toUri().toString()).toList());
            String more = options.conf().get("spark.jars");
            conf.set("spark.jars", more == null || more.isBlank() ? jars : jars + "," + more);
            if (isLoopback(options.master())) {
                conf.set("spark.driver.host", "127.0.0.1");
                conf.set("spark.driver.bindAddress", "127.0.0.1");
            }
        }
        options.conf().forEach((k, v) -> {
            if (!k.equals("spark.jars") || options.isLocal()) {
                conf.set(k, v);
            }
        });
        sc = SharedContext.acquire(conf);
        master = sc.master();
        group = "reprogram-study-" + STUDIES.incrementAndGet() + "-" + name;
        if (localTrials == 0) {
            try {
                ClusterCores.await(sc, threads, executorWait);
            } catch (RuntimeException e) {
                SharedContext.release(sc);
                throw e;
            }
        }
    }

    @Override
    public String describe() {
        if (localTrials > 0) {
            int cores = Runtime.getRuntime().availableProcessors();
            return master + ": " + trials(localTrials) + " at once x " + threadsWord() + " each (" + cores
                    + (cores == 1 ? " core)" : " cores)");
        }
        ClusterCores now = ClusterCores.of(sc);
        return master + ": " + now.executors() + (now.executors() == 1 ? " executor, " : " executors, ") + now.cores()
                + (now.cores() == 1 ? " core: " : " cores: ") + trials(concurrentTrials()) + " at once x "
                + threadsWord() + " each";
    }

    private static String trials(int n) {
        return n + (n == 1 ? " trial" : " trials");
    }

    private String threadsWord() {
        return threads + (threads == 1 ? " thread" : " threads");
    }

    /** Local mode: the N of {@code local[N]}; a cluster: the trials its executors' cores hold now (at least 1). */
    @Override
    public int concurrentTrials() {
        return localTrials > 0 ? localTrials : Math.max(1, ClusterCores.of(sc).slots(threads));
    }

    @Override
    public int threadsPerTrial() {
        return threads;
    }

    @Override
    public String ship(Path file) {
        sc.addFile(file.toAbsolutePath().toString());
        return file.getFileName().toString();
    }

    @Override
    public CompletableFuture<TrialReturn> submit(TrialTask task) {
        JavaFutureAction<List<TrialReturn>> action;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the Spark backend of this study is closed");
            }
            sc.setJobGroup(group, "trial " + task.trialId(), true); // the submitting thread's job group
            try {
                action = sc.parallelize(List.of(task), 1).map(new TrialFunction()).collectAsync();
            } finally {
                sc.clearJobGroup();
            }
        }
        CompletableFuture<TrialReturn> out = new CompletableFuture<>();
        pending.add(out);
        out.whenComplete((r, e) -> pending.remove(out));
        waiters.execute(() -> {
            try {
                out.complete(action.get().get(0));
            } catch (ExecutionException e) {
                out.completeExceptionally(e.getCause() != null ? e.getCause() : e);
            } catch (InterruptedException | CancellationException e) {
                out.completeExceptionally(e);
            }
        });
        return out;
    }

    @Override
    public void cancelAll() {
        if (!pending.isEmpty()) {
            sc.cancelJobGroup(group);
        }
    }

    /** Cancels this study's trials still running and releases the context (stopped if no other study uses it). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        cancelAll();
        waiters.shutdown();
        SharedContext.release(sc);
    }

    /** JAR if given, else the jar this class was loaded from: what a cluster's executors load. */
    static Path appJar(Path jar) {
        if (jar != null) {
            if (!Files.isRegularFile(jar)) {
                throw UserInputException.forFile(jar, "is not the application jar", "build it with mvn package");
            }
            return jar.toAbsolutePath();
        }
        Path here;
        try {
            URI where = SparkBackend.class.getProtectionDomain().getCodeSource().getLocation().toURI();
            here = Path.of(where);
        } catch (URISyntaxException | RuntimeException e) {
            here = null;
        }
        if (here == null || !Files.isRegularFile(here) || !here.toString().endsWith(".jar")) {
            throw new UserInputException("a Spark cluster's executors load the application jar, but this process runs"
                    + " from " + (here == null ? "an unknown location" : here) + ", not a jar. Fix: run java -jar"
                    + " target/reprogram-workbench.jar (built by mvn package)");
        }
        return here;
    }

    /**
     * Fails fast when no master of a {@code spark://} URL answers: Spark itself would retry for a minute
     * before giving up (its registration retries), with nothing but warnings meanwhile.
     */
    static void checkReachable(String master) {
        if (!master.startsWith("spark://")) {
            return;
        }
        String problem = "no address";
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            try (Socket s = new Socket()) {
                int port = colon < 0 ? 7077 : Integer.parseInt(hostPort.substring(colon + 1));
                s.connect(new InetSocketAddress(colon < 0 ? hostPort : hostPort.substring(0, colon), port), 5000);
                return;
            } catch (IOException | NumberFormatException e) {
                problem = e.getMessage() != null ? e.getMessage() : e.toString();
            }
        }
        throw new UserInputException("--master " + master + ": no Spark master answers there (" + problem + ")."
                + " Fix: start the master (and a worker), or correct the host and port");
    }

    /** True for a master URL on 127.0.0.1 or localhost. */
    static boolean isLoopback(String master) {
        String rest = master.replaceFirst("^[a-z0-9]+://", "");
        return rest.startsWith("127.0.0.1") || rest.startsWith("localhost") || rest.startsWith("[::1]");
    }
}
