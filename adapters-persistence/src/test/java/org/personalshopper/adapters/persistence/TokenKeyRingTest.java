package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenKeyRingTest {
    private static final byte[] KEY = bytes(32, 7);

    @Test
    void keyIdIsTheFirstEightHexDigitsOfTheKeysSha256() throws Exception {
        TokenKeyRing ring = TokenKeyRing.fromBase64(Base64.getEncoder().encodeToString(KEY), List.of());

        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(KEY));
        assertThat(ring.currentKeyId()).isEqualTo(sha256.substring(0, 8));
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedNamingTheVariableButNotTheValue() {
        String tooShort = Base64.getEncoder().encodeToString(bytes(16, 3));

        assertThatThrownBy(() -> TokenKeyRing.fromBase64(tooShort, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SHOPPER_TOKEN_KEY")
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining(tooShort);
    }

    @Test
    void textThatIsNotBase64IsRefusedWithoutEchoingIt() {
        String secretLooking = "not*base64*but-maybe-a-password!";

        assertThatThrownBy(() -> TokenKeyRing.fromBase64(secretLooking, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SHOPPER_TOKEN_KEY")
                .hasMessageNotContaining(secretLooking);
    }

    @Test
    void aMissingKeyIsRefused() {
        assertThatThrownBy(() -> TokenKeyRing.fromBase64("  ", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SHOPPER_TOKEN_KEY is missing");
    }

    @Test
    void aBadPreviousKeyIsNamedByItsPosition() {
        String good = Base64.getEncoder().encodeToString(KEY);

        assertThatThrownBy(() -> TokenKeyRing.fromBase64(good, List.of(good, "AAAA")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("previous SHOPPER_TOKEN_KEY #2");
    }

    @Test
    void urlSafeBase64IsAcceptedAsWell() {
        byte[] key = bytes(32, 0xFB); // encodes with '+' and '/' in the standard alphabet
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(key);

        assertThat(TokenKeyRing.fromBase64(urlSafe, List.of()).currentKeyBase64())
                .isEqualTo(Base64.getEncoder().encodeToString(key));
    }

    @Test
    void aGeneratedKeyCanBeStoredAndReadBackAsTheSameKey() {
        TokenKeyRing generated = TokenKeyRing.generate();

        TokenKeyRing reloaded = TokenKeyRing.fromBase64(generated.currentKeyBase64(), List.of());

        assertThat(Base64.getDecoder().decode(generated.currentKeyBase64())).hasSize(32);
        assertThat(reloaded.currentKeyId()).isEqualTo(generated.currentKeyId());
        assertThat(TokenKeyRing.generate().currentKeyId()).isNotEqualTo(generated.currentKeyId());
    }

    @Test
    void theRingListsEveryKeyItCanReadWithTheCurrentOneFirst() {
        TokenKeyRing old = TokenKeyRing.generate();
        TokenKeyRing current = TokenKeyRing.generate();

        TokenKeyRing ring = TokenKeyRing.fromBase64(current.currentKeyBase64(), List.of(old.currentKeyBase64()));

        assertThat(ring.keyIds()).containsExactly(current.currentKeyId(), old.currentKeyId());
    }

    @Test
    void toStringShowsKeyIdsOnly() {
        TokenKeyRing ring = TokenKeyRing.generate();

        assertThat(ring.toString()).contains(ring.currentKeyId()).doesNotContain(ring.currentKeyBase64());
    }

    private static byte[] bytes(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
