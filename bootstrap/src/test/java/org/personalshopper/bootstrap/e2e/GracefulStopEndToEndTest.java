package org.personalshopper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the service lets a request in flight finish (here: a cart add Kroger is slow to answer). */
class GracefulStopEndToEndTest {
    @RegisterExtension
    static WireMockExtension kroger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dataDir;

    @Test
    void aCartAddInFlightWhenTheServiceStopsStillCompletes() throws Exception {
        KrogerStub.signInWorks(kroger);
        KrogerStub.catalogWorks(kroger);
        kroger.stubFor(put(urlPathEqualTo("/v1/cart/add")).atPriority(1)
                .willReturn(aResponse().withStatus(204).withFixedDelay(1_500)));
        ServiceUnderTest service = ServiceUnderTest.start(dataDir, KrogerStub.environment(kroger));
        Browser browser = service.newBrowser();
        assertThat(browser.signInWithCode("stop-code").statusCode()).isEqualTo(302);

        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(
                () -> browser.post("/api/cart", "{\"items\":[{\"upc\":\"0001234500017\",\"quantity\":1}]}"));
        while (kroger.findAll(putRequestedFor(urlPathEqualTo("/v1/cart/add"))).isEmpty()) {
            assertThat(inFlight).as("the add reaches Kroger before anything else happens").isNotDone();
            Thread.sleep(10);
        }
        service.close();

        HttpResponse<String> added = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(204);
        assertThatThrownBy(() -> service.newBrowser().get("/health/live"))
                .as("a stopped service accepts no new connections").isInstanceOf(java.io.UncheckedIOException.class);
    }
}
