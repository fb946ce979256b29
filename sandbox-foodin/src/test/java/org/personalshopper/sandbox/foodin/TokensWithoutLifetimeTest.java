package org.personalshopper.sandbox.foodin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A sandbox set up like a Foodin that does not say how long its access tokens live. */
class TokensWithoutLifetimeTest {

    @RegisterExtension
    static final FoodinSandboxExtension FOODIN = FoodinSandboxExtension.with(FoodinSandboxSettings::withoutExpiresIn);

    @Test
    void theAnswerHasNoExpiresInAndTheTokenLivesUntilRevoked() {
        SandboxClient client = FOODIN.client();
        String code = client.approvedCode("ada@example.com", client.authorizeParams("read_write", "s"));

        JsonNode json = client.json(client.exchange(code, client.testSecret()));
        FOODIN.clock().advance(Duration.ofDays(400));

        assertThat(json.has("expires_in")).isFalse();
        assertThat(FOODIN.sandbox().isAccessTokenActive(json.get("access_token").asText())).isTrue();
    }
}
