package org.personalshopper.adapters.web.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.personalshopper.adapters.web.json.JsonMapperResolver;
import org.personalshopper.adapters.web.resource.SelectionResource.SelectionJson;

/** A selection's hand-written JSON is, byte for byte, what Jackson writes for the record by itself. */
class SelectionJsonTest {
    private static final ObjectMapper OURS = JsonMapperResolver.strictMapper();
    /** Jackson's own record serializer: the serializer named by the annotation is not used. */
    private static final ObjectMapper JACKSONS = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(MapperFeature.USE_ANNOTATIONS).build();

    @Test
    void writesWhatJacksonWritesForTheRecord() throws Exception {
        Instant created = Instant.parse("2026-11-28T06:14:03.123456Z");
        Instant updated = Instant.parse("2026-11-28T07:00:00Z");
        List<SelectionJson> selections = List.of(
                new SelectionJson("0b0e4f9a-2c3d-4e5f-8a9b-0c1d2e3f4a5b", "Milk \"2%\" \\ ünïcødé 🥛", "0001111041700",
                        "0001111041700", "Simple Truth Organic\t2% Milk", "Simple Truth", "1/2 gal", 2, created, updated),
                new SelectionJson("1b0e4f9a-2c3d-4e5f-8a9b-0c1d2e3f4a5b", "eggs", "1", "1", null, null, null, 99, created, created));

        assertThat(OURS.writeValueAsString(new Items<>(selections))).isEqualTo(JACKSONS.writeValueAsString(new Items<>(selections)));
        for (SelectionJson selection : selections) {
            assertThat(OURS.writeValueAsString(selection)).isEqualTo(JACKSONS.writeValueAsString(selection));
        }
        assertThat(OURS.getSerializerProviderInstance().findValueSerializer(SelectionJson.class))
                .isInstanceOf(SelectionJson.Writer.class);
        assertThat(OURS.writeValueAsString(selections.get(1))).contains("\"description\":null,\"brand\":null,\"size\":null");
    }
}
