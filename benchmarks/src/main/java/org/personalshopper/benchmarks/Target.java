package org.personalshopper.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

    /**
     * Methods the JIT has compiled so far (jstat's "Compiled"), to tell whether a run measured the app's steady
     * state or still paid for warming up; -1 when jstat is missing or cannot read the process.
     */
    long compilations() throws InterruptedException {
        Process jstat;
        String[] lines;
        try {
            jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(), "-compiler",
                    String.valueOf(process.pid())).redirectErrorStream(true).start();
            lines = new String(jstat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n");
        } catch (IOException e) {
            return -1;
        }
        if (jstat.waitFor() != 0 || lines.length < 2 || !lines[0].trim().startsWith("Compiled")) {
            return -1;
        }
        return Long.parseLong(lines[1].trim().split("\\s+")[0]);
    }

    /** utime + stime of the process, all its threads, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
    long cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /**
     * utime + stime of the PostgreSQL backends serving this app's open connections, per backend pid, in clock
     * ticks: the backends are found by the client ports of the app's sockets (/proc/PID/fd and /proc/PID/net/tcp*)
     * in pg_stat_activity. Empty when PostgreSQL is not on this machine or its processes cannot be read.
     */
    Map<Integer, Long> databaseTicks(java.sql.Connection admin) {
        try {
            java.util.Set<String> inodes = new java.util.HashSet<>();
            try (var fds = Files.newDirectoryStream(Path.of("/proc/" + process.pid() + "/fd"))) {
                for (Path fd : fds) {
                    try {
                        String link = Files.readSymbolicLink(fd).toString();
                        if (link.startsWith("socket:[")) {
                            inodes.add(link.substring(8, link.length() - 1));
                        }
                    } catch (IOException gone) {
                        // closed meanwhile
                    }
                }
            }
            List<Integer> ports = new java.util.ArrayList<>();
            for (String table : List.of("tcp", "tcp6")) {
                Path file = Path.of("/proc/" + process.pid() + "/net/" + table);
                if (!Files.exists(file)) {
                    continue;
                }
                for (String line : Files.readAllLines(file)) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 9 && inodes.contains(f[9])) {
                        String local = f[1];
                        ports.add(Integer.parseInt(local.substring(local.indexOf(':') + 1), 16));
                    }
                }
            }
            Map<Integer, Long> ticks = new java.util.HashMap<>();
            try (java.sql.PreparedStatement backends = admin.prepareStatement(
                    "select pid from pg_stat_activity where client_port = any(?)")) {
                backends.setArray(1, admin.createArrayOf("int4", ports.toArray()));
                try (java.sql.ResultSet rows = backends.executeQuery()) {
                    while (rows.next()) {
                        int pid = rows.getInt(1);
                        ticks.put(pid, ticks(Path.of("/proc/" + pid + "/stat")));
                    }
                }
            }
            return ticks;
        } catch (IOException | java.sql.SQLException | RuntimeException e) {
            return Map.of();
        }
    }

    private static long ticks(Path stat) throws IOException {
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
