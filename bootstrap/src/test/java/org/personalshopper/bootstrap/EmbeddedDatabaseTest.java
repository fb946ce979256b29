package org.personalshopper.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {
    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestartAndTheServerIsDurable() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir);
             Connection c = DriverManager.getConnection(db.jdbcUrl());
             Statement s = c.createStatement()) {
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('milk')");
            assertThat(setting(s, "fsync")).isEqualTo("on");
            assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
        }

        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir);
             Connection c = DriverManager.getConnection(db.jdbcUrl());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select v from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("milk");
        }
    }

    @Test
    void aServerOrphanedByAKilledRunIsStoppedAndTheDataIsStillThere() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphaningRun.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals(OrphaningRun.READY)) {
                // skip the child's log lines
            }
            assertThat(line).as("the child run reports its database ready").isEqualTo(OrphaningRun.READY);
        }
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);

        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        List<String> pid = Files.readAllLines(pidFile);
        ProcessHandle orphan = ProcessHandle.of(Long.parseLong(pid.get(0).trim())).orElseThrow();
        assertThat(orphan.isAlive()).as("kill -9 of the JVM leaves the postmaster running").isTrue();

        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir);
             Connection c = DriverManager.getConnection(db.jdbcUrl());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select v from kept")) {
            assertThat(orphan.isAlive()).isFalse();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("eggs");
        }
    }

    private static String setting(Statement s, String name) throws Exception {
        try (ResultSet rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Run in a child JVM: starts the database, writes a row, says so, and waits to be killed. */
    public static final class OrphaningRun {
        static final String READY = "ORPHANING-RUN-READY";

        public static void main(String[] args) throws Exception {
            EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]));
            try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("create table kept (v text)");
                s.execute("insert into kept values ('eggs')");
            }
            System.out.println(READY);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
