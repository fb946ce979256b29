package org.personalshopper.sandbox.kroger;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the Kroger sandbox on its own until the process is stopped. Settings come from arguments
 * ({@code --port=8081 --host=127.0.0.1 --client-id=... --client-secret=... --redirect-uri=a,b --token-lifetime=1800})
 * or, when an argument is absent, from {@code KROGER_SANDBOX_PORT}, {@code KROGER_SANDBOX_HOST},
 * {@code KROGER_SANDBOX_CLIENT_ID}, {@code KROGER_SANDBOX_CLIENT_SECRET}, {@code KROGER_SANDBOX_REDIRECT_URI}
 * (comma-separated) and {@code KROGER_SANDBOX_TOKEN_LIFETIME} (seconds). Port defaults to 8081.
 */
public final class KrogerSandboxMain {

    private static final Map<String, String> ENV_NAMES = Map.of(
            "port", "KROGER_SANDBOX_PORT",
            "host", "KROGER_SANDBOX_HOST",
            "client-id", "KROGER_SANDBOX_CLIENT_ID",
            "client-secret", "KROGER_SANDBOX_CLIENT_SECRET",
            "redirect-uri", "KROGER_SANDBOX_REDIRECT_URI",
            "token-lifetime", "KROGER_SANDBOX_TOKEN_LIFETIME");

    private KrogerSandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SandboxSettings settings;
        try {
            settings = settingsFrom(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("Kroger sandbox: " + e.getMessage());
            System.exit(2);
            return;
        }
        KrogerSandbox sandbox = KrogerSandbox.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "kroger-sandbox-shutdown"));
        System.out.println("Kroger sandbox - not the real Kroger - listening on " + sandbox.baseUri()
                + " (API base " + sandbox.baseUri() + "/v1)");
        System.out.println("client id " + settings.clientId() + ", redirect URIs " + settings.redirectUris()
                + ", access tokens live " + settings.accessTokenLifetime().toSeconds() + " s");
        stopped.await();
    }

    /** Arguments win over environment variables; anything unset keeps the demo default. */
    static SandboxSettings settingsFrom(String[] args, Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        ENV_NAMES.forEach((key, envName) -> {
            String value = env.get(envName);
            if (value != null && !value.isBlank()) {
                values.put(key, value.strip());
            }
        });
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments look like --name=value, got " + arg);
            }
            String key = arg.substring(2, arg.indexOf('='));
            if (!ENV_NAMES.containsKey(key)) {
                throw new IllegalArgumentException("unknown argument --" + key + "; known: " + ENV_NAMES.keySet());
            }
            values.put(key, arg.substring(arg.indexOf('=') + 1).strip());
        }
        SandboxSettings settings = SandboxSettings.defaults().withPort(8081);
        if (values.containsKey("host")) {
            settings = settings.withHost(values.get("host"));
        }
        if (values.containsKey("port")) {
            settings = settings.withPort(number(values.get("port"), "port"));
        }
        if (values.containsKey("client-id") || values.containsKey("client-secret")) {
            settings = settings.withClient(values.getOrDefault("client-id", settings.clientId()),
                    values.getOrDefault("client-secret", settings.clientSecret()));
        }
        if (values.containsKey("redirect-uri")) {
            List<String> uris = Arrays.stream(values.get("redirect-uri").split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
            settings = settings.withRedirectUris(uris);
        }
        if (values.containsKey("token-lifetime")) {
            settings = settings.withAccessTokenLifetime(Duration.ofSeconds(number(values.get("token-lifetime"), "token-lifetime")));
        }
        return settings;
    }

    private static int number(String value, String name) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got " + value);
        }
    }
}
