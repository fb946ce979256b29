package org.personalshopper.sandbox.foodin;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the Foodin sandbox on its own until the process is stopped. Settings come from arguments
 * ({@code --port=8082 --host=127.0.0.1 --redirect-uri=a,b --token-lifetime=3600}) or, when an argument is absent,
 * from {@code FOODIN_SANDBOX_PORT}, {@code FOODIN_SANDBOX_HOST}, {@code FOODIN_SANDBOX_REDIRECT_URI}
 * (comma-separated) and {@code FOODIN_SANDBOX_TOKEN_LIFETIME} (seconds; 0: no {@code expires_in}). Port defaults to
 * 8082; the client ids and secret keys are always the demo application's.
 */
public final class FoodinSandboxMain {

    private static final Map<String, String> ENV_NAMES = Map.of(
            "port", "FOODIN_SANDBOX_PORT",
            "host", "FOODIN_SANDBOX_HOST",
            "redirect-uri", "FOODIN_SANDBOX_REDIRECT_URI",
            "token-lifetime", "FOODIN_SANDBOX_TOKEN_LIFETIME");

    private FoodinSandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        FoodinSandboxSettings settings;
        try {
            settings = settingsFrom(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("Foodin sandbox: " + e.getMessage());
            System.exit(2);
            return;
        }
        FoodinSandbox sandbox = FoodinSandbox.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "foodin-sandbox-shutdown"));
        System.out.println("Foodin sandbox - not the real Foodin - listening on " + sandbox.baseUri());
        System.out.println("test client id " + settings.testClientId() + ", live client id " + settings.liveClientId()
                + ", redirect URIs " + settings.redirectUris());
        stopped.await();
    }

    /** Arguments win over environment variables; anything unset keeps the demo default. */
    static FoodinSandboxSettings settingsFrom(String[] args, Map<String, String> env) {
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
        FoodinSandboxSettings settings = FoodinSandboxSettings.defaults().withPort(8082);
        if (values.containsKey("host")) {
            settings = settings.withHost(values.get("host"));
        }
        if (values.containsKey("port")) {
            settings = settings.withPort(number(values.get("port"), "port"));
        }
        if (values.containsKey("redirect-uri")) {
            List<String> uris = Arrays.stream(values.get("redirect-uri").split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
            settings = settings.withRedirectUris(uris);
        }
        if (values.containsKey("token-lifetime")) {
            int seconds = number(values.get("token-lifetime"), "token-lifetime");
            settings = seconds == 0 ? settings.withoutExpiresIn() : settings.withAccessTokenLifetime(Duration.ofSeconds(seconds));
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
