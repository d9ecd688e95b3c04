package org.reprogram.workbench.core.study.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.UserInputException;

/** What the backend says instead of waiting forever or failing with a stack trace. */
class SparkBackendErrorsTest {

    @Test
    void aClusterWithoutWorkersTimesOutWithAClearError(@TempDir Path tmp) throws Exception {
        Path jar = Files.writeString(tmp.resolve("app.jar"), "not used: no executor comes");
        try (StandaloneCluster noWorkers = StandaloneCluster.start(0)) {
            UserInputException e = assertThrows(UserInputException.class, () -> new SparkBackend("nobody",
                    new SparkOptions(noWorkers.url(), 0, 1, Map.of(), jar), Duration.ofSeconds(2)).close());
            assertTrue(e.getMessage().startsWith("no executor registered with " + noWorkers.url()
                    + " within 2 s: is a worker running?"), e.getMessage());
        }
        try (SparkBackend local = new SparkBackend("after", new SparkOptions("local[1]", 0, 1, Map.of(), null))) {
            assertEquals(1, local.concurrentTrials(), "the failed backend gave its context back");
        }
    }

    @Test
    void noMasterThereFailsAtOnce(@TempDir Path tmp) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path jar = Files.writeString(tmp.resolve("app.jar"), "not used");
        String master = "spark://127.0.0.1:" + port;
        UserInputException e = assertThrows(UserInputException.class,
                () -> new SparkBackend("nobody", new SparkOptions(master, 0, 1, Map.of(), jar)).close());
        assertTrue(e.getMessage().startsWith("--master " + master + ": no Spark master answers there ("), e.getMessage());
    }

    @Test
    void aClusterNeedsTheApplicationJar() {
        UserInputException e = assertThrows(UserInputException.class, () -> SparkBackend.appJar(null));
        assertTrue(e.getMessage().contains("not a jar. Fix: run java -jar target/reprogram-workbench.jar"), e.getMessage());
        UserInputException missing = assertThrows(UserInputException.class,
                () -> SparkBackend.appJar(Path.of("no/such.jar")));
        assertTrue(missing.getMessage().contains("no/such.jar"), missing.getMessage());
    }

    @Test
    void loopbackMasters() {
        assertTrue(SparkBackend.isLoopback("spark://127.0.0.1:7077"));
        assertTrue(SparkBackend.isLoopback("spark://localhost:7077"));
        assertEquals(false, SparkBackend.isLoopback("spark://10.0.0.5:7077"));
        assertEquals(false, SparkBackend.isLoopback("k8s://https://kube.example:6443"));
    }
}
