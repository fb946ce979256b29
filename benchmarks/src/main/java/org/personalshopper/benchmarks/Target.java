package org.personalshopper.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One benchmarked app: its own process, port and log file; CPU read from /proc/PID/stat. */
final class Target {
    final String name;
    private final int port;
    private final Process process;

    private Target(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** Starts with only the given environment (plus PATH and HOME) and waits until {@code readyPath} answers. */
    static Target start(String name, int port, List<String> command, Map<String, String> env, Path log, String readyPath,
                        HttpClient http) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        String path = environment.get("PATH");
        String home = environment.get("HOME");
        environment.clear();
        environment.put("PATH", path);
        environment.put("HOME", home);
        environment.putAll(env);
        long started = System.nanoTime();
        Target target = new Target(name, port, builder.start());
        long deadline = started + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            SideBySide.check(target.process.isAlive(), name + " exited while starting:\n" + Files.readString(log));
            try {
                // Any answer means it is up (the bare app answers 401 without a session).
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(target.uri(readyPath)).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200 || answer.statusCode() == 401) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            SideBySide.check(System.nanoTime() < deadline, name + " not ready after 120 s:\n" + Files.readString(log));
            Thread.sleep(20);
        }
        System.out.printf("%s (pid %d) ready on port %d in %d ms%n", name, target.process.pid(), port,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return target;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** utime + stime of the process, all its threads, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
    long cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
