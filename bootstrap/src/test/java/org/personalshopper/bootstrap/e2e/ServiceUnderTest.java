package org.personalshopper.bootstrap.e2e;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.personalshopper.application.port.out.ConfiguredProvider;
import org.personalshopper.bootstrap.Configuration;
import org.personalshopper.bootstrap.PersonalShopper;

/** The whole service, started from an environment as {@code main} would, for tests over real HTTP. */
final class ServiceUnderTest implements AutoCloseable {
    private final PersonalShopper service;
    private final Configuration config;

    private ServiceUnderTest(PersonalShopper service, Configuration config) {
        this.service = service;
        this.config = config;
    }

    /** Starts on a free port with its embedded database in {@code dataDir}, plus the given variables. */
    static ServiceUnderTest start(Path dataDir, Map<String, String> variables) {
        return start(dataDir, variables, List.of());
    }

    /** As above, with providers wired after the configured ones: a provider that exists only in tests. */
    static ServiceUnderTest start(Path dataDir, Map<String, String> variables, List<ConfiguredProvider> additional) {
        Map<String, String> env = new HashMap<>();
        env.put("SHOPPER_PORT", "0");
        env.put("SHOPPER_BIND_ADDRESS", "127.0.0.1");
        env.put("SHOPPER_DATA_DIR", dataDir.toString());
        // Tests sign in many times from one address; the flood test sets the real limits itself.
        env.put("SHOPPER_SIGN_INS_PER_CLIENT_PER_MINUTE", "100000");
        env.put("SHOPPER_SIGN_INS_PER_MINUTE", "100000");
        env.putAll(variables);
        Configuration config = Configuration.fromEnvironment(env);
        return new ServiceUnderTest(PersonalShopper.start(config, additional), config);
    }

    URI baseUri() {
        return service.baseUri();
    }

    PersonalShopper service() {
        return service;
    }

    Configuration config() {
        return config;
    }

    Browser newBrowser() {
        return new Browser(baseUri());
    }

    @Override
    public void close() {
        service.close();
    }
}
