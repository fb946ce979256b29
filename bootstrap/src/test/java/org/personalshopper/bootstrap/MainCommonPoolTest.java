package org.personalshopper.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * On a 2-CPU machine the service must not start a thread per asynchronous step: once Main's class is loaded
 * (its logger starts logging, which creates the common pool) the common pool must have room for two, so that
 * CompletableFuture's default executor is that pool and not a new thread per task. Checked in a fresh JVM
 * limited to 2 CPUs, as the pool is made once per JVM.
 */
class MainCommonPoolTest {
    /** Loads and initialises Main (without running it) and reports what its static set-up left behind. */
    public static final class Probe {
        public static void main(String[] args) throws ClassNotFoundException {
            Class.forName("org.personalshopper.bootstrap.Main", true, Probe.class.getClassLoader());
            System.out.println("parallelism=" + ForkJoinPool.getCommonPoolParallelism());
            System.out.println("defaultExecutorIsCommonPool="
                    + (new CompletableFuture<Void>().defaultExecutor() == ForkJoinPool.commonPool()));
        }
    }

    @Test
    void onTwoCpusAsynchronousStepsShareTheCommonPoolOnceMainIsLoaded() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process probe = new ProcessBuilder(List.of(java, "-XX:ActiveProcessorCount=2",
                "-cp", System.getProperty("java.class.path"), Probe.class.getName()))
                .redirectErrorStream(true)
                .start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).as("the probe JVM ended").isTrue();

        assertThat(output).contains("defaultExecutorIsCommonPool=true").doesNotContain("parallelism=1\n");
    }
}
