package org.personalshopper.sandbox.foodin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Demo mode starts the sandbox listening only and builds it after the service is ready; a connect may come first. */
class ListeningSandboxTest {

    @Test
    void aSandboxOnlyListeningServesTheWholeConnectOnItsFirstRequest() {
        try (FoodinSandbox sandbox = FoodinSandbox.listen(FoodinSandboxSettings.defaults()
                .withRedirectUris(List.of(FoodinSandboxExtension.CALLBACK)))) {
            SandboxClient.Tokens tokens = new SandboxClient(sandbox).connect("ada@example.com", "read_write");

            assertThat(tokens.accessToken()).isNotBlank();
        }
    }
}
