package org.personalshopper.bootstrap;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.personalshopper.adapters.foodin.FoodinSettings;
import org.personalshopper.sandbox.foodin.FoodinSandbox;
import org.personalshopper.sandbox.foodin.FoodinSandboxSettings;

/**
 * Demo mode's Foodin: the built-in Foodin sandbox on a free loopback port, registered with this service's Foodin
 * callback ({@code FOODIN_REDIRECT_URI} or its default), and reached by the real Foodin adapter with the sandbox's
 * test-mode application, so the demo walks the same code path as production. Like the Kroger sandbox, the caller
 * owns the sandbox and closes it on stop.
 */
final class FoodinDemoMode {
    private FoodinDemoMode() {
    }

    /**
     * Starts the sandbox for the service on {@code shopperPort}, with access tokens living {@code tokenLifetime}
     * ({@code SHOPPER_SANDBOX_TOKEN_LIFETIME_SECONDS}, as for the Kroger sandbox).
     *
     * @throws IllegalArgumentException a malformed {@code FOODIN_REDIRECT_URI}, naming it
     */
    static FoodinSandbox startSandbox(Map<String, String> env, int shopperPort, Duration tokenLifetime) {
        URI callback = FoodinSettings.redirectUri(env, shopperPort);
        return FoodinSandbox.start(FoodinSandboxSettings.defaults()
                .withRedirectUris(List.of(callback.toString()))
                .withAccessTokenLifetime(tokenLifetime));
    }

    /**
     * As above, for the service as configured ({@code FOODIN_REDIRECT_URI}, {@code FOODIN_SCOPE} already read), but
     * only listening: its web application is built on its first request or by {@link FoodinSandbox#finishStarting()}.
     */
    static FoodinSandbox startSandbox(Configuration config) {
        return FoodinSandbox.listen(FoodinSandboxSettings.defaults()
                .withRedirectUris(List.of(config.foodinRedirectUri().toString()))
                .withAccessTokenLifetime(config.sandboxTokenLifetime()));
    }

    /** The Foodin adapter's settings for the running sandbox and the service as configured. */
    static FoodinSettings foodinSettings(Configuration config, FoodinSandbox sandbox) {
        return FoodinSettings.of(sandbox.baseUri(), FoodinSandboxSettings.DEMO_TEST_CLIENT_ID,
                FoodinSandboxSettings.DEMO_TEST_SECRET_KEY, config.foodinRedirectUri(), config.foodinScope());
    }

    /** The Foodin adapter's settings for the running sandbox: its test-mode application, the service's callback. */
    static FoodinSettings foodinSettings(Map<String, String> env, int shopperPort, FoodinSandbox sandbox) {
        return FoodinSettings.of(sandbox.baseUri(), FoodinSandboxSettings.DEMO_TEST_CLIENT_ID,
                FoodinSandboxSettings.DEMO_TEST_SECRET_KEY, FoodinSettings.redirectUri(env, shopperPort),
                FoodinSettings.scope(env));
    }
}
