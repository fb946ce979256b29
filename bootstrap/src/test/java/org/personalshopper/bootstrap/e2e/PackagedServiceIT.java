package org.personalshopper.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promise, checked on the packaged jar: with no configuration it runs in demo mode, a shopper
 * can sign in through the sandbox, SIGTERM stops it with exit code 0, and a restart finds the data. The run
 * command names the class data sharing archive the build makes; the service starts the same without it, with
 * an archive that does not fit, and with a flight recording from launch.
 */
class PackagedServiceIT {
    private static final Path JAR = Path.of("target", "personal-shopper.jar");
    private static final String ARCHIVE = "-XX:SharedArchiveFile=" + Path.of("target", "personal-shopper.jsa").toAbsolutePath();

    @TempDir
    Path work;

    @Test
    void withNoConfigurationItServesStopsCleanlyOnSigtermAndKeepsItsDataAcrossARestart() throws Exception {
        int port = freePort();
        Path dataDir = work.resolve("data");
        URI base = URI.create("http://localhost:" + port + "/");

        // As the README runs it (with the archive), then restarted as a plain java -jar
        Process first = start(Map.of("SHOPPER_PORT", Integer.toString(port), "SHOPPER_DATA_DIR", dataDir.toString()), "first", ARCHIVE);
        Browser browser = new Browser(base);
        try {
            awaitReady(base, first, "first");
            assertThat(output("first")).contains("Demo mode: open " + base);
            SandboxConsent.signIn(browser, "lifecycle-shopper");
            assertThat(browser.post("/api/guidance", "{\"text\":\"prefer organic\"}").statusCode()).isEqualTo(201);
        } finally {
            first.destroy();
        }
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as("SIGTERM is an orderly stop").isZero();

        Process second = start(Map.of("SHOPPER_PORT", Integer.toString(port), "SHOPPER_DATA_DIR", dataDir.toString()), "second");
        try {
            awaitReady(base, second, "second");
            HttpResponse<String> guidance = browser.get("/api/guidance");
            assertThat(guidance.statusCode()).as("the session survived the restart").isEqualTo(200);
            assertThat(guidance.body()).contains("prefer organic");
        } finally {
            second.destroy();
        }
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isZero();
    }

    @Test
    void withTheArchiveAndAFlightRecordingFromLaunchItStartsServesAndStops() throws Exception {
        int port = freePort();
        URI base = URI.create("http://localhost:" + port + "/");
        // -Xshare:on: the JVM refuses to start unless the archive fits this jar. JFR's class file load hook once
        // crashed JDK 17 on an archived class from a multi-release entry (docs/adr/0009-class-data-sharing.md).
        Process process = start(Map.of("SHOPPER_PORT", Integer.toString(port), "SHOPPER_DATA_DIR", work.resolve("data").toString()),
                "recorded", ARCHIVE, "-Xshare:on", "-XX:StartFlightRecording=filename=" + work.resolve("start.jfr"));
        try {
            awaitReady(base, process, "recorded");
            assertThat(new Browser(base).get("/auth/providers").statusCode()).isEqualTo(200);
        } finally {
            process.destroy();
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("SIGTERM is an orderly stop").isZero();
    }

    @Test
    void anArchiveThatDoesNotFitTheJarIsIgnored() throws Exception {
        Path elsewhere = Files.copy(JAR, work.resolve("moved.jar"));
        Process process = start(elsewhere, Map.of("SHOPPER_PORT", "abc", "SHOPPER_DATA_DIR", work.resolve("data").toString()), "moved",
                ARCHIVE);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("started, and stopped by the configuration check").isEqualTo(2);
        List<String> lines = Files.readAllLines(work.resolve("moved.log")).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).containsExactly("configuration error: SHOPPER_PORT must be a port number from 0 to 65535, got 'abc'");
    }

    @Test
    void aMalformedVariableStopsStartUpWithOneLineNamingItAndExitCode2() throws Exception {
        Process process = start(Map.of("SHOPPER_PORT", "abc", "SHOPPER_DATA_DIR", work.resolve("data").toString()), "bad");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        List<String> lines = Files.readAllLines(work.resolve("bad.log")).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).containsExactly("configuration error: SHOPPER_PORT must be a port number from 0 to 65535, got 'abc'");
    }

    private Process start(Map<String, String> variables, String name, String... jvmOptions) throws IOException {
        return start(JAR, variables, name, jvmOptions);
    }

    private Process start(Path jar, Map<String, String> variables, String name, String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("SHOPPER_") || k.startsWith("KROGER_"));
        builder.environment().putAll(variables);
        return builder.start();
    }

    private String output(String name) throws IOException {
        return Files.readString(work.resolve(name + ".log"));
    }

    private String outputOrWhy(String name) {
        try {
            return output(name);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static String exitOf(Process process) {
        return process.isAlive() ? "nothing yet" : "code " + process.exitValue();
    }

    /** Waits for readiness; a service that dies first fails with its output (the work directory goes with the test). */
    private void awaitReady(URI base, Process process, String name) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as(() -> "the service is still running; it exited with " + exitOf(process)
                    + ", its output:\n" + outputOrWhy(name)).isTrue();
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(base.resolve("/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not ready within 3 minutes");
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
