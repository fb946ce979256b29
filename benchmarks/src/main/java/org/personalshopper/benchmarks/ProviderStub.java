package org.personalshopper.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A provider that answers at once, as far as a sign-in needs one: the token endpoint exchanges code
 * {@code X} for access token {@code at-X}, and the profile of {@code at-X} is {@code profile-X}. So each
 * benchmarked app signs in as its own shopper (its code), again and again.
 *
 * <p>HTTP/1.1 with keep-alive on plain blocking sockets, one thread per connection (the apps' clients keep a
 * connection per concurrent call, a few dozen at most): it answers what the provider answers, status, JSON
 * and Content-Length, for a fraction of the CPU of {@code com.sun.net.httpserver}, whose dispatcher hands
 * every exchange to a worker and back through its selector (about 3x this stub's CPU per call on the benchmark
 * machine). The stub shares the machine's cores with the apps, so what it spends is taken from them.
 */
final class ProviderStub implements AutoCloseable {
    private static final String TOKEN_PATH = "/v1/connect/oauth2/token";
    private static final String PROFILE_PATH = "/v1/identity/profile";
    /** Far beyond any request an app sends the stub; anything longer is refused. */
    private static final int MAX_LINE = 8192;
    private static final int MAX_BODY = 64 * 1024;

    private final ServerSocket server;
    private final Thread acceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong profilesAnswered = new AtomicLong();

    ProviderStub() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        acceptor = new Thread(this::accept, "provider-stub-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /**
     * Profiles answered so far: the last provider call of every sign-in, so the count of sign-ins that reached
     * the end (a sign-in that failed after it answers an error, which stops the run).
     */
    long profilesAnswered() {
        return profilesAnswered.get();
    }

    private void accept() {
        int connections = 0;
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                // Without it each answer waits on Nagle and delayed ACKs: ~40 ms per call.
                socket.setTcpNoDelay(true);
                open.add(socket);
                Thread connection = new Thread(() -> serve(socket), "provider-stub-" + ++connections);
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    System.err.println("provider stub: accept failed: " + e.getMessage());
                }
            }
        }
    }

    /** Requests on one connection, one after the other, until the client closes it. */
    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
             OutputStream out = socket.getOutputStream()) {
            StringBuilder line = new StringBuilder(256);
            while (true) {
                String requestLine = readLine(in, line);
                if (requestLine == null) {
                    return;
                }
                int contentLength = 0;
                String authorization = "";
                boolean close = false;
                for (String header = readLine(in, line); header != null && !header.isEmpty(); header = readLine(in, line)) {
                    int colon = header.indexOf(':');
                    if (colon < 0) {
                        continue;
                    }
                    String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    String value = header.substring(colon + 1).trim();
                    switch (name) {
                        case "content-length" -> contentLength = Integer.parseInt(value);
                        case "authorization" -> authorization = value;
                        case "connection" -> close = value.equalsIgnoreCase("close");
                        default -> { }
                    }
                }
                if (contentLength < 0 || contentLength > MAX_BODY) {
                    answer(out, 413, "{\"error\":\"request too large\"}");
                    return;
                }
                byte[] body = in.readNBytes(contentLength);
                String[] parts = requestLine.split(" ");
                String path = parts.length > 1 ? parts[1] : "";
                int query = path.indexOf('?');
                path = query < 0 ? path : path.substring(0, query);
                if (path.equals(TOKEN_PATH) && parts[0].equals("POST")) {
                    answer(out, 200, token(new String(body, StandardCharsets.UTF_8)));
                } else if (path.equals(PROFILE_PATH) && parts[0].equals("GET")) {
                    answer(out, 200, profile(authorization));
                    profilesAnswered.incrementAndGet();
                } else {
                    answer(out, 404, "{\"error\":\"not found\"}");
                }
                if (close) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // The client closed or broke the connection; its next call opens another.
        } finally {
            open.remove(socket);
        }
    }

    private static String token(String form) {
        String code = "none";
        for (String pair : form.split("&")) {
            if (pair.startsWith("code=")) {
                code = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        return "{\"access_token\":\"at-" + code + "\",\"token_type\":\"bearer\",\"expires_in\":1800,"
                + "\"refresh_token\":\"rt-" + code + "\"}";
    }

    private static String profile(String authorization) {
        String code = authorization.startsWith("Bearer at-") ? authorization.substring("Bearer at-".length()) : "none";
        return "{\"data\":{\"id\":\"profile-" + code + "\"},\"meta\":{}}";
    }

    /** Status line, headers and body in one write: one segment per answer. */
    private static void answer(OutputStream out, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String reason = status == 200 ? "OK" : status == 404 ? "Not Found" : "Payload Too Large";
        byte[] head = ("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] answer = new byte[head.length + body.length];
        System.arraycopy(head, 0, answer, 0, head.length);
        System.arraycopy(body, 0, answer, head.length, body.length);
        out.write(answer);
        out.flush();
    }

    /** One CRLF-ended line (the CR dropped), or null at the end of the stream before any character. */
    private static String readLine(InputStream in, StringBuilder line) throws IOException {
        line.setLength(0);
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                int length = line.length();
                if (length > 0 && line.charAt(length - 1) == '\r') {
                    line.setLength(length - 1);
                }
                return line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new SocketException("request line or header longer than " + MAX_LINE);
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
    }
}
