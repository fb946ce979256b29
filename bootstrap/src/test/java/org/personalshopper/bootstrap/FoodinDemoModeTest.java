package org.personalshopper.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.personalshopper.adapters.foodin.FoodinIdentityProvider;
import org.personalshopper.adapters.foodin.FoodinScope;
import org.personalshopper.adapters.foodin.FoodinSettings;
import org.personalshopper.application.port.out.AuthorizationRequest;
import org.personalshopper.sandbox.foodin.FoodinSandbox;

/** With no provider credentials, the Foodin sandbox stands in for Foodin and the real adapter reaches it. */
class FoodinDemoModeTest {

    @Test
    void theSandboxKnowsTheServicesFoodinCallbackAndTheAdapterOpensItsConsentPage() throws Exception {
        Map<String, String> env = Map.of("FOODIN_SCOPE", "read_only");
        try (FoodinSandbox sandbox = FoodinDemoMode.startSandbox(env, 8123, Duration.ofSeconds(90))) {
            FoodinSettings settings = FoodinDemoMode.foodinSettings(env, 8123, sandbox);

            assertThat(sandbox.settings().redirectUris()).containsExactly("http://localhost:8123/auth/callback/foodin");
            assertThat(settings.baseUrl()).isEqualTo(sandbox.baseUri());
            assertThat(settings.scope()).isEqualTo(FoodinScope.READ_ONLY);
            URI consent = FoodinIdentityProvider.create(settings)
                    .authorizationUrl(new AuthorizationRequest("state-1", Optional.empty(), Optional.empty()));
            HttpResponse<String> page = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(consent).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Foodin sandbox - not the real Foodin", "<code>read_only</code>");
        }
    }
}
