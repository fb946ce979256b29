package org.personalshopper.sandbox.foodin;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs one Foodin sandbox for a test class, on any free port, with a clock the tests move. Register it as
 * {@code @RegisterExtension static final FoodinSandboxExtension FOODIN = FoodinSandboxExtension.withDefaults();}.
 */
final class FoodinSandboxExtension implements BeforeAllCallback, AfterAllCallback {

    static final String CALLBACK = "http://localhost:8080/auth/callback/foodin";
    static final String OTHER_CALLBACK = "https://shop.example/auth/callback/foodin";

    private final UnaryOperator<FoodinSandboxSettings> customize;
    private final MutableClock clock = new MutableClock();
    private FoodinSandbox sandbox;
    private SandboxClient client;

    private FoodinSandboxExtension(UnaryOperator<FoodinSandboxSettings> customize) {
        this.customize = customize;
    }

    /** The demo application with two redirect URIs: {@link #CALLBACK} (the default) and the https {@link #OTHER_CALLBACK}. */
    static FoodinSandboxExtension withDefaults() {
        return with(UnaryOperator.identity());
    }

    static FoodinSandboxExtension with(UnaryOperator<FoodinSandboxSettings> customize) {
        return new FoodinSandboxExtension(customize);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        sandbox = FoodinSandbox.start(customize.apply(FoodinSandboxSettings.defaults()
                .withRedirectUris(List.of(CALLBACK, OTHER_CALLBACK))
                .withClock(clock)));
        client = new SandboxClient(sandbox);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    FoodinSandbox sandbox() {
        return sandbox;
    }

    SandboxClient client() {
        return client;
    }

    MutableClock clock() {
        return clock;
    }
}
