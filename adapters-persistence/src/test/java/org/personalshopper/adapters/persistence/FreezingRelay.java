package org.personalshopper.adapters.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A TCP relay on loopback to the test database that can freeze: while frozen it forwards nothing in either
 * direction, yet keeps every socket open and accepts new connections. To the driver that is a server that
 * stopped answering, or a network path that drops packets without a reset.
 */
final class FreezingRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private boolean frozen;

    FreezingRelay(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("relay-accept", this::acceptAll);
    }

    /** A relay to the database of {@code jdbcUrl}, a {@code jdbc:postgresql://host:port/...} URL. */
    static FreezingRelay to(String jdbcUrl) throws IOException {
        URI target = URI.create(jdbcUrl.substring("jdbc:".length()));
        return new FreezingRelay(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort());
    }

    /** {@code jdbcUrl} with its host and port replaced by the relay's. */
    String through(String jdbcUrl) {
        URI target = URI.create(jdbcUrl.substring("jdbc:".length()));
        String hostPort = target.getHost() + (target.getPort() < 0 ? "" : ":" + target.getPort());
        return jdbcUrl.replaceFirst(Pattern.quote(hostPort), "127.0.0.1:" + listener.getLocalPort());
    }

    void freeze() {
        synchronized (gate) {
            frozen = true;
        }
    }

    void thaw() {
        synchronized (gate) {
            frozen = false;
            gate.notifyAll();
        }
    }

    /** How many connections the relay has taken in (a frozen relay takes them in and answers nothing). */
    int connectionsAccepted() {
        return sockets.size() / 2;
    }

    @Override
    public void close() throws IOException {
        thaw();
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private void acceptAll() {
        try {
            while (true) {
                Socket client = listener.accept();
                Socket server = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(server);
                daemon("relay-up", () -> pump(client, server));
                daemon("relay-down", () -> pump(server, client));
            }
        } catch (IOException closed) {
            // the relay is closed
        }
    }

    /** Copies bytes from one socket to the other, holding every chunk read while frozen until the thaw. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                awaitThaw();
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException ended) {
            // one side closed, or the relay did
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void awaitThaw() throws InterruptedException {
        synchronized (gate) {
            while (frozen) {
                gate.wait();
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }
}
