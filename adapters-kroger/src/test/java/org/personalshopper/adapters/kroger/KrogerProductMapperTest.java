package org.personalshopper.adapters.kroger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.personalshopper.adapters.http.ProviderHttp;
import org.personalshopper.domain.Fulfillment;

/** What a shopper sees of a Kroger product: its fulfillment flags as Kroger really spells them, its one picture. */
class KrogerProductMapperTest {
    private static JsonNode product(String images) throws Exception {
        return ProviderHttp.objectMapper().readTree("{\"images\":" + images + "}");
    }

    private static Fulfillment fulfillmentOf(String flags) throws Exception {
        JsonNode product = ProviderHttp.objectMapper().readTree("{\"productId\":\"0001111041700\",\"upc\":\"0001111041700\","
                + "\"description\":\"Milk\",\"items\":[{\"fulfillment\":" + flags + "}]}");
        return KrogerProductMapper.toProduct(product).orElseThrow().fulfillment().orElseThrow();
    }

    @Test
    void theLiveCamelCaseFlagsAreRead() throws Exception {
        // Every recorded live answer spells the flags this way; the published spec does not.
        assertThat(fulfillmentOf("{\"inStore\":true,\"shipToHome\":true,\"delivery\":false,\"curbside\":true}"))
                .isEqualTo(new Fulfillment(true, true, false, true));
    }

    @Test
    void theSpecSpellingIsReadTooAndTheLiveSpellingWinsWhenBothCome() throws Exception {
        assertThat(fulfillmentOf("{\"instore\":true,\"shiptohome\":true,\"delivery\":true,\"curbside\":false}"))
                .isEqualTo(new Fulfillment(true, false, true, true));
        assertThat(fulfillmentOf("{\"inStore\":false,\"instore\":true,\"shipToHome\":true,\"shiptohome\":false}"))
                .isEqualTo(new Fulfillment(false, false, false, true));
    }

    private static String size(String size) {
        return "{\"size\":\"" + size + "\",\"url\":\"https://img.example/" + size + "\"}";
    }

    @Test
    void theFrontAtMediumSizeWinsOverBiggerOnesAndOtherPerspectives() throws Exception {
        JsonNode p = product("[{\"perspective\":\"back\",\"featured\":true,\"sizes\":[" + size("medium") + "]},"
                + "{\"perspective\":\"front\",\"sizes\":[" + size("xlarge") + "," + size("medium") + "]}]");

        assertThat(KrogerProductMapper.imageUrl(p)).contains(URI.create("https://img.example/medium"));
    }

    @Test
    void withoutAMediumFrontTheFrontsLargestIsTaken() throws Exception {
        JsonNode p = product("[{\"perspective\":\"front\",\"sizes\":[" + size("thumbnail") + "," + size("large") + ","
                + size("small") + "]}]");

        assertThat(KrogerProductMapper.imageUrl(p)).contains(URI.create("https://img.example/large"));
    }

    @Test
    void withoutAFrontTheFeaturedOrDefaultImageIsTaken() throws Exception {
        JsonNode featured = product("[{\"perspective\":\"left\",\"sizes\":[" + size("medium") + "]},"
                + "{\"perspective\":\"top\",\"featured\":true,\"sizes\":[" + size("xlarge") + "]}]");
        JsonNode byDefault = product("[{\"perspective\":\"left\",\"sizes\":[" + size("medium") + "]},"
                + "{\"perspective\":\"top\",\"default\":true,\"sizes\":[" + size("small") + "]}]");

        assertThat(KrogerProductMapper.imageUrl(featured)).contains(URI.create("https://img.example/xlarge"));
        assertThat(KrogerProductMapper.imageUrl(byDefault)).contains(URI.create("https://img.example/small"));
    }

    @Test
    void noFrontNoFeaturedOrOnlyNonWebLinksMeansNoPicture() throws Exception {
        assertThat(KrogerProductMapper.imageUrl(product("[{\"perspective\":\"back\",\"sizes\":[" + size("medium") + "]}]")))
                .isEmpty();
        assertThat(KrogerProductMapper.imageUrl(product(
                "[{\"perspective\":\"front\",\"sizes\":[{\"size\":\"medium\",\"url\":\"javascript:alert(1)\"}]}]"))).isEmpty();
        assertThat(KrogerProductMapper.imageUrl(product("[]"))).isEmpty();
    }
}
