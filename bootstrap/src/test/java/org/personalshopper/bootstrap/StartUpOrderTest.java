package org.personalshopper.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web application is built while the database opens (docs/adr/0011-*), but the HTTP port opens only once
 * the database is open and checked: a database that does not answer keeps the port closed, then fails the
 * start naming the database, with the port free again.
 */
class StartUpOrderTest {
    private static final long SILENCE_MS = 4_000;
    @TempDir
    Path dataDir;

    @Test
    @Timeout(60)
    void whileTheDatabaseIsStillOpeningNothingAnswersAndItsFailureIsTheOneReported() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        AtomicInteger answered = new AtomicInteger();
        int port = FreePort.find();
        // A "database" that accepts a connection, says nothing for a while (long enough for the web application to
        // be built meanwhile), then hangs up.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        Socket connection = silent.accept();
                        held.add(connection);
                        Thread.sleep(SILENCE_MS);
                        connection.close();
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Map<String, String> env = new HashMap<>();
            env.put("SHOPPER_PORT", Integer.toString(port));
            env.put("SHOPPER_BIND_ADDRESS", "127.0.0.1");
            env.put("SHOPPER_DATA_DIR", dataDir.toString());
            env.put("SHOPPER_DB_URL", "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/shopper?user=shopper&password=secret");
            env.put("SHOPPER_TOKEN_KEY", Base64.getEncoder().encodeToString(new byte[32]));
            Configuration config = Configuration.fromEnvironment(env);

            CompletableFuture<PersonalShopper> starting = CompletableFuture.supplyAsync(() -> PersonalShopper.start(config));
            List<Integer> attempts = new ArrayList<>();
            while (!starting.isDone()) {
                try (Socket probe = new Socket()) {
                    probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                    answered.incrementAndGet();
                } catch (IOException refused) {
                    // nobody listens: as it must be
                }
                attempts.add(1);
                Thread.sleep(20);
            }

            assertThat(held).as("the start reached the database").isNotEmpty();
            assertThat(attempts).as("probed while the database was opening").hasSizeGreaterThan(1);
            assertThat(answered).as("connections the service's port accepted before the database was open").hasValue(0);
            assertThatThrownBy(starting::join).hasCauseInstanceOf(IllegalStateException.class)
                    .cause().hasMessageContaining("PostgreSQL at jdbc:postgresql://127.0.0.1:" + silent.getLocalPort())
                    .hasMessageNotContaining("secret");
            try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(again.getLocalPort()).as("the failed start left the port free").isEqualTo(port);
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
