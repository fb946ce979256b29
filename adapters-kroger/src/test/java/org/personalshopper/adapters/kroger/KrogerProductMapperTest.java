package org.personalshopper.adapters.kroger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.personalshopper.adapters.http.ProviderHttp;

/** Which single picture a shopper sees for a product. */
class KrogerProductMapperTest {
    private static JsonNode product(String images) throws Exception {
        return ProviderHttp.objectMapper().readTree("{\"images\":" + images + "}");
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
