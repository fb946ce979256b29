package org.personalshopper.sandbox.kroger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Demo mode starts the sandbox listening only and builds it after the service is ready; a sign-in may come first. */
class ListeningSandboxTest {

    @Test
    void aSandboxOnlyListeningServesTheWholeSignInOnItsFirstRequest() {
        try (KrogerSandbox sandbox = KrogerSandbox.listen(SandboxSettings.defaults())) {
            SandboxClient.Tokens tokens = new SandboxClient(sandbox).shopperTokens("ada", SandboxClient.ALL_SCOPES);

            assertThat(tokens.accessToken()).isNotBlank();
        }
    }

    @Test
    void finishingTheStartAfterRequestsWereServedChangesNothing() {
        try (KrogerSandbox sandbox = KrogerSandbox.listen(SandboxSettings.defaults())) {
            SandboxClient client = new SandboxClient(sandbox);
            client.shopperTokens("ada", SandboxClient.ALL_SCOPES);
            sandbox.finishStarting();

            assertThat(client.shopperTokens("grace", SandboxClient.ALL_SCOPES).accessToken()).isNotBlank();
        }
    }
}
