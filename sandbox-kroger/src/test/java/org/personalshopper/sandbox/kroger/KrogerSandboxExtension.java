package org.personalshopper.sandbox.kroger;

import java.net.URI;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A running Kroger sandbox for a test class, and a client for it. Registered on a static field it serves the
 * whole class (started before {@code @BeforeAll}, stopped after {@code @AfterAll}); on an instance field every
 * test gets a fresh one (for tests that spend quotas or arm faults).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KrogerSandboxExtension sandbox = KrogerSandboxExtension.with(SandboxSettings.defaults());
 * }</pre>
 */
final class KrogerSandboxExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final SandboxSettings settings;
    private KrogerSandbox sandbox;
    private SandboxClient client;
    private String appToken;
    private boolean perTest;

    private KrogerSandboxExtension(SandboxSettings settings) {
        this.settings = Objects.requireNonNull(settings);
    }

    static KrogerSandboxExtension with(SandboxSettings settings) {
        return new KrogerSandboxExtension(settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (sandbox == null) {
            perTest = true;
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void start() {
        sandbox = KrogerSandbox.start(settings);
        client = new SandboxClient(sandbox);
    }

    private void stop() {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
            client = null;
            appToken = null;
        }
    }

    KrogerSandbox sandbox() {
        return running();
    }

    SandboxClient client() {
        running();
        return client;
    }

    /** A client-credentials token ({@code product.compact}) of this sandbox, fetched once. */
    String appToken() {
        if (appToken == null) {
            appToken = client().appToken();
        }
        return appToken;
    }

    URI baseUri() {
        return running().baseUri();
    }

    SandboxSettings settings() {
        return running().settings();
    }

    SandboxFaults faults() {
        return running().faults();
    }

    private KrogerSandbox running() {
        if (sandbox == null) {
            throw new IllegalStateException("the Kroger sandbox runs only while a test does");
        }
        return sandbox;
    }
}
