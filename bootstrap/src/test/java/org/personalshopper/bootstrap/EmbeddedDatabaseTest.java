package org.personalshopper.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {
    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestartAndTheServerIsDurable() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir);
             Connection c = db.connect();
             Statement s = c.createStatement()) {
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('milk')");
            assertThat(setting(s, "fsync")).isEqualTo("on");
            assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
        }

        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir);
             Connection c = db.connect();
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
             Connection c = db.connect();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select v from kept")) {
            assertThat(orphan.isAlive()).isFalse();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("eggs");
        }
    }

    @Test
    void aSecondStartOnTheDataOfARunningServiceIsRefusedAndLeavesItsDatabaseRunning() throws Exception {
        Process running = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphaningRun.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        try {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(running.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null && !line.equals(OrphaningRun.READY)) {
                    // skip the child's log lines
                }
                assertThat(line).as("the running service reports its database ready").isEqualTo(OrphaningRun.READY);
            }
            ProcessHandle server = ProcessHandle.of(Long.parseLong(
                    Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).trim())).orElseThrow();

            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir))
                    .hasMessageContaining("in use by another running Personal Shopper")
                    .hasMessageContaining("SHOPPER_DATA_DIR");
            assertThat(server.isAlive()).as("the running service's PostgreSQL is left alone").isTrue();
            assertThat(running.isAlive()).isTrue();
        } finally {
            running.destroyForcibly();
            running.waitFor(30, TimeUnit.SECONDS);
            // what the killed run left behind is an orphan now: the next start stops it
            EmbeddedDatabase.start(dataDir).close();
        }
    }

    @Test
    void onlyThePasswordOpensTheDatabaseAndTheServiceRoleCannotReadServerFiles() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
            String url = db.jdbcUrl();
            for (String[] credentials : List.of(new String[] {"postgres", ""}, new String[] {"postgres", "postgres"},
                    new String[] {"shopper", ""}, new String[] {"shopper", "wrong"})) {
                assertThatThrownBy(() -> DriverManager.getConnection(url, credentials[0], credentials[1]).close())
                        .as("%s with password '%s'", credentials[0], credentials[1])
                        .isInstanceOf(SQLException.class).hasMessageContaining("password");
            }
            for (String file : List.of(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE, EmbeddedDatabase.SERVICE_PASSWORD_FILE)) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(file))))
                        .as(file).isEqualTo("rw-------");
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
            Files.writeString(dataDir.resolve("token-key"), "the-token-key");

            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                assertThat(setting(s, "listen_addresses")).isEqualTo("127.0.0.1");
                try (ResultSet rs = s.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
                    rs.next();
                    assertThat(rs.getBoolean(1)).as("the service's role is a superuser").isFalse();
                }
                String keyFile = dataDir.resolve("token-key").toAbsolutePath().toString().replace("'", "''");
                assertThatThrownBy(() -> s.executeQuery("select pg_read_file('" + keyFile + "')"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                s.execute("create table owned_by_the_service (v text)");
                try (ResultSet rs = s.executeQuery("select tableowner from pg_tables where tablename = 'owned_by_the_service'")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo(EmbeddedDatabase.SERVICE_ROLE);
                }
            }
        }
    }

    /** Random passwords need no stretching: each connection of a start would pay the rounds again (docs/security.md). */
    @Test
    void thePasswordVerifiersAreStoredWithOneRoundAtEveryStart() throws Exception {
        for (int start = 1; start <= 2; start++) {
            try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir);
                 Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.SUPERUSER,
                         Files.readString(dataDir.resolve(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE)).trim());
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select rolname, rolpassword from pg_authid where rolname in ('postgres', 'shopper')")) {
                int roles = 0;
                while (rs.next()) {
                    roles++;
                    assertThat(rs.getString(2)).as("start %d, %s", start, rs.getString(1))
                            .startsWith("SCRAM-SHA-256$" + EmbeddedDatabase.SCRAM_ITERATIONS + ":");
                }
                assertThat(roles).isEqualTo(2);
            }
        }
    }

    @Test
    void aPasswordlessDataDirectoryOfAnEarlierVersionIsUpgradedInPlace() throws Exception {
        // What earlier versions left: trust authentication and the service's tables owned by the superuser.
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
             Connection c = DriverManager.getConnection(earlier.getJdbcUrl("postgres", "postgres"));
             Statement s = c.createStatement()) {
            s.execute("create table kept (id bigint generated always as identity, v text)");
            s.execute("insert into kept (v) values ('bread')");
        }

        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("insert into kept (v) values ('butter')");
                try (ResultSet rs = s.executeQuery("select string_agg(v, ',' order by id) from kept")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("bread,butter");
                }
            }
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl() + "?user=postgres").close())
                    .as("the password-less superuser of the earlier version").isInstanceOf(SQLException.class);
        }

        try (EmbeddedDatabase again = EmbeddedDatabase.start(dataDir);
             Connection c = again.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from kept")) {
            rs.next();
            assertThat(rs.getInt(1)).as("a second start of the upgraded directory").isEqualTo(2);
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
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("create table kept (v text)");
                s.execute("insert into kept values ('eggs')");
            }
            System.out.println(READY);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
