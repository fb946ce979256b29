package org.personalshopper.bootstrap;

import java.util.List;
import org.personalshopper.adapters.kroger.KrogerSettings;
import org.personalshopper.sandbox.kroger.KrogerSandbox;
import org.personalshopper.sandbox.kroger.SandboxSettings;

/**
 * With no Kroger credentials the service runs against the built-in Kroger sandbox: started on a free
 * loopback port, registered with this service's redirect URI, and reached by the real Kroger adapter,
 * so the demo walks the same code path as production.
 */
final class DemoMode {
    private DemoMode() {
    }

    /** Listening at once; its web application is built on its first request or by {@link KrogerSandbox#finishStarting()}. */
    static KrogerSandbox startSandbox(Configuration config) {
        return KrogerSandbox.listen(SandboxSettings.defaults()
                .withRedirectUris(List.of(config.redirectUri().toString()))
                .withAccessTokenLifetime(config.sandboxTokenLifetime()));
    }

    static KrogerSettings krogerSettings(Configuration config, KrogerSandbox sandbox) {
        return KrogerSettings.of(sandbox.baseUri(), SandboxSettings.DEMO_CLIENT_ID, SandboxSettings.DEMO_CLIENT_SECRET,
                config.redirectUri(), config.scopes(), config.pkce());
    }
}
