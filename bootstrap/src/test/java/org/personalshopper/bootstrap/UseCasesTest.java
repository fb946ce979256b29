package org.personalshopper.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.personalshopper.application.port.in.AuthenticateShopper;
import org.junit.jupiter.api.Test;

/** Sign-in is bound before the use cases are wired (the session filter is built with the web application). */
class UseCasesTest {
    /** A method not written out (a default method, say) would skip the wired use case and its outage translation. */
    @Test
    void signInBoundBeforeTheWiringWritesOutEveryMethodOfItsPort() {
        for (Method method : AuthenticateShopper.class.getMethods()) {
            assertThat(Arrays.stream(UseCases.AuthenticateWhenWired.class.getDeclaredMethods())
                    .anyMatch(m -> m.getName().equals(method.getName())
                            && Arrays.equals(m.getParameterTypes(), method.getParameterTypes())))
                    .as("AuthenticateWhenWired writes out " + method).isTrue();
        }
    }

    @Test
    void aCallBeforeAFailedWiringEndsWithThatFailure() {
        IllegalStateException failure = new IllegalStateException("cannot connect to PostgreSQL");
        AuthenticateShopper signIn = new UseCases.AuthenticateWhenWired(CompletableFuture.failedFuture(failure));

        assertThatThrownBy(() -> signIn.identify("a-session")).isInstanceOf(CompletionException.class).hasCause(failure);
    }
}
