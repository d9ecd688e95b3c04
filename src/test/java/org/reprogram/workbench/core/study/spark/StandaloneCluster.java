package org.reprogram.workbench.core.study.spark;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.reprogram.workbench.core.TestPaths;

/**
 * A Spark standalone cluster on 127.0.0.1 for tests: Spark's own Master and N Workers (1 core, 1 GB
 * each) as separate JVM processes, started from the jars of this JVM's class path but those the
 * driver ships to executors ({@link ExecutorJars}: DJL, PyTorch, ...), nothing installed.
 * SPARK_HOME is a folder whose {@code jars} holds links to those jars (the Worker builds its executors'
 * class path from it; SPARK_SCALA_VERSION=2.13 keeps it from looking for a build tree); the
 * application's classes and libraries reach the executors only as the jars the driver ships
 * ({@link #appJar()} and {@link ExecutorJars}), as on a cluster that has nothing but Spark.
 * Logs and work folders stay under {@code target/spark-cluster/} for debugging.
 */
public final class StandaloneCluster implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(90);

    private final Path dir;
    private final Path sparkHome;
    private final Path appJar;
    private final int port;
    private final int webPort;
    private final Process master;
    private final List<Process> workers = new ArrayList<>();
    private final double startSeconds;

    private StandaloneCluster(int workerCount) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        dir = TestPaths.root().resolve("target/spark-cluster/" + System.currentTimeMillis());
        sparkHome = dir.resolve("sparkhome");
        Path jars = sparkHome.resolve("jars");
        Files.createDirectories(jars);
        List<Path> shipped = ExecutorJars.libraries(); // what the driver sends: a real Spark installation lacks them
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            if (p.toString().endsWith(".jar") && Files.isRegularFile(p) && !Files.exists(jars.resolve(p.getFileName()))
                    && !shipped.contains(p)) {
                Files.createSymbolicLink(jars.resolve(p.getFileName()), p);
            }
        }
        appJar = jarOf(TestPaths.root().resolve("target/classes"), dir.resolve("app.jar"));
        port = freePort();
        webPort = freePort();
        master = launch("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--webui-port", Integer.toString(webPort));
        for (int i = 0; i < workerCount; i++) {
            Path work = Files.createDirectories(dir.resolve("worker-" + i));
            workers.add(launch("worker-" + i, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--cores", "1", "--memory", "1g", "--webui-port", Integer.toString(freePort()), "--work-dir",
                    work.toString(), url()));
        }
        awaitWorkers(workerCount);
        startSeconds = (System.nanoTime() - t0) / 1e9;
    }

    /** Starts a master and WORKERS workers and waits until they registered. */
    public static StandaloneCluster start(int workers) throws IOException, InterruptedException {
        StandaloneCluster c = new StandaloneCluster(workers);
        return c;
    }

    /** spark://127.0.0.1:PORT */
    public String url() {
        return "spark://127.0.0.1:" + port;
    }

    /** The application jar made of target/classes, for {@link SparkOptions#appJar()}. */
    public Path appJar() {
        return appJar;
    }

    /** The file names in SPARK_HOME/jars: the class path of the master, the workers and the executors. */
    public List<String> sparkJars() throws IOException {
        try (Stream<Path> files = Files.list(sparkHome.resolve("jars"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** Seconds from launch until every worker had registered. */
    public double startSeconds() {
        return startSeconds;
    }

    /** Where the processes' logs and the workers' work folders are. */
    public Path dir() {
        return dir;
    }

    /** Workers the master counts as alive (its JSON page). */
    public int aliveWorkers() throws IOException {
        return state().get("aliveworkers").getAsInt();
    }

    /** Tasks the executors of worker I have logged as started so far (their stderr in its work folder). */
    public int tasksStarted(int i) throws IOException {
        int n = 0;
        for (Path f : executorLogs(i)) {
            String log = Files.readString(f, StandardCharsets.ISO_8859_1);
            for (int at = log.indexOf("Running task"); at >= 0; at = log.indexOf("Running task", at + 1)) {
                n++;
            }
        }
        return n;
    }

    /** Waits (at most TIMEOUT) until the executors of worker I have started more than AFTER tasks; true if they did. */
    public boolean awaitTaskStarted(int i, int after, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (tasksStarted(i) > after) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** The ids of the executors worker I launched (its work folder: APP/ID/stderr). */
    public List<String> executorIds(int i) throws IOException {
        return executorLogs(i).stream().map(f -> f.getParent().getFileName().toString()).toList();
    }

    private List<Path> executorLogs(int i) throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("worker-" + i))) {
            return files.filter(f -> f.getFileName().toString().equals("stderr")).sorted().toList();
        }
    }

    /** kill -9 of worker I and of its executors (the JVMs it started). */
    public void killWorker(int i) throws InterruptedException {
        kill(workers.get(i).toHandle());
    }

    private static void kill(ProcessHandle process) throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(0, process);
        all.forEach(ProcessHandle::destroyForcibly); // SIGKILL
        for (ProcessHandle p : all) {
            p.onExit().join();
        }
    }

    /** Kills every process and deletes the jars and zips the executors fetched (about 120 MB each); logs stay. */
    @Override
    public void close() throws InterruptedException {
        for (Process w : workers) {
            kill(w.toHandle());
        }
        kill(master.toHandle());
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(f -> dir.relativize(f).toString().startsWith("worker-")
                    && f.getFileName().toString().matches(".*\\.(jar|zip)") && Files.isRegularFile(f)).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // only space: the next run starts in a folder of its own
        }
    }

    private Process launch(String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", sparkHome.resolve("jars") + File.separator + "*", mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return pb.start();
    }

    private void awaitWorkers(int n) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                JsonObject s = state();
                if (s.get("aliveworkers").getAsInt() >= n) {
                    return;
                }
                last = s.get("aliveworkers") + " of " + n + " workers alive";
            } catch (IOException e) {
                last = e.toString();
            }
            if (!master.isAlive()) {
                break;
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("the test cluster did not start (" + last + "); logs in " + dir);
    }

    private JsonObject state() throws IOException {
        try (InputStream in = URI.create("http://127.0.0.1:" + webPort + "/json/").toURL().openStream()) {
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** CLASSES (a folder) as the jar JAR. */
    private static Path jarOf(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> walk = Files.walk(classes)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
