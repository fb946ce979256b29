package org.personalshopper.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {
    @Test
    void aShopperIdParsesFromAUuidAndRefusesAnythingElseNamingTheField() {
        UUID uuid = UUID.randomUUID();
        assertThat(ShopperId.parse(uuid.toString())).isEqualTo(new ShopperId(uuid));
        assertThat(ShopperId.random()).isNotEqualTo(ShopperId.random());

        assertThatThrownBy(() -> ShopperId.parse("not-a-uuid"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("shopperId"));
        assertThatThrownBy(() -> ShopperId.parse(null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("shopperId"));
    }

    @Test
    void aProfileIdIsOpaqueVisibleAsciiUpTo128Characters() {
        assertThat(new ProfileId("8b5e3e59-3a8f-4a55-9c1e-6d1b0a3f0c11").value()).hasSize(36);
        assertThat(new ProfileId("x".repeat(128)).value()).hasSize(128);

        for (String bad : new String[] {"", "x".repeat(129), "has space", "tab\t", "caf\u00e9"}) {
            assertThatThrownBy(() -> new ProfileId(bad))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("profileId"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"01400943", "70500847", "ABC12345", "abcdefgh"})
    void aStoreLocationIdIsEightLettersOrDigits(String id) {
        assertThat(new StoreLocationId(id).toString()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0140094", "014009430", "0140-943", "01400 94", "0140094\u00e9"})
    void anythingElseIsNotAStoreLocationId(String id) {
        assertThatThrownBy(() -> new StoreLocationId(id))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("locationId"));
    }

    @Test
    void aUpcIsKeptAsDigitsWithLeadingZerosAndPaddedForTheGrocer() {
        Upc upc = new Upc("1111041700");
        assertThat(upc.padded(13)).isEqualTo("0001111041700");
        assertThat(new Upc("0001111041700").padded(13)).isEqualTo("0001111041700");
        assertThat(new Upc("00011110417001").padded(13)).isEqualTo("00011110417001");
        assertThat(new Upc("007").value()).isEqualTo("007");

        for (String bad : new String[] {"", "123456789012345", "12a4", "-1", " 1"}) {
            assertThatThrownBy(() -> new Upc(bad))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("upc"));
        }
    }

    @Test
    void aQuantityIsOneToNinetyNine() {
        assertThat(new Quantity(1).value()).isEqualTo(1);
        assertThat(new Quantity(Quantity.MAX).value()).isEqualTo(99);
        assertThatThrownBy(() -> new Quantity(0))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("quantity"));
        assertThatThrownBy(() -> new Quantity(100)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Quantity(-3)).isInstanceOf(InvalidValueException.class);
    }
}
