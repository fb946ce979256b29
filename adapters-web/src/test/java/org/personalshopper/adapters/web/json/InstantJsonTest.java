package org.personalshopper.adapters.web.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The API's instants are written character for character as the Java time module wrote them. */
class InstantJsonTest {
    private static final ObjectMapper OURS = JsonMapperResolver.strictMapper();
    private static final ObjectMapper JACKSONS = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Test
    void writesEveryInstantAsTheJavaTimeModuleDoes() throws Exception {
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.ofEpochSecond(-1), Instant.ofEpochSecond(0, 1),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59Z"), Instant.MIN, Instant.MAX,
                Instant.parse("2024-02-29T12:00:00.100Z"), Instant.parse("2026-11-28T06:14:03.123456Z"),
                Instant.parse("2026-11-28T06:14:03.000001Z"), Instant.parse("2026-11-28T06:14:03.120000001Z")));
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < 200_000; i++) {
            long second = random.nextLong(-70_000_000_000L, 260_000_000_000L);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(second, nano));
        }
        for (Instant instant : instants) {
            assertThat(OURS.writeValueAsString(instant)).as("%s", instant).isEqualTo(JACKSONS.writeValueAsString(instant));
        }
    }

    @Test
    void isTheSerializerTheApiUses() throws Exception {
        Instant at = Instant.parse("2026-11-28T06:14:03.123456Z");
        assertThat(OURS.writeValueAsString(Map.of("at", at))).isEqualTo("{\"at\":\"2026-11-28T06:14:03.123456Z\"}");
        assertThat(OURS.getSerializerProviderInstance().findValueSerializer(Instant.class)).isInstanceOf(InstantJson.class);
    }
}
