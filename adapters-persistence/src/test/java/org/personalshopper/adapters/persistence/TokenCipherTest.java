package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCipherTest {
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.shopper-access-token";
    private static final String COLUMN = "shopper_token.access_token_enc";
    private static final String ROW = "0c9e6a3e-7d0b-4a53-9d7e-2f1f0b8c1a11";

    private final TokenKeyRing keys = TokenKeyRing.generate();
    private final TokenCipher cipher = new TokenCipher(keys);

    @Test
    void storesKeyIdAndBase64OfNonceCiphertextAndTagAndReadsItBack() {
        String stored = cipher.encrypt(TOKEN, COLUMN, ROW);

        assertThat(stored).matches("[0-9a-f]{8}:[A-Za-z0-9+/]+=*").startsWith(keys.currentKeyId() + ":").doesNotContain(TOKEN);
        byte[] sealed = Base64.getDecoder().decode(stored.substring(9));
        assertThat(sealed).hasSize(12 + TOKEN.length() + 16);
        assertThat(cipher.decrypt(stored, COLUMN, ROW)).isEqualTo(TOKEN);
    }

    @Test
    void everyValueGetsAFreshNonce() {
        String first = cipher.encrypt(TOKEN, COLUMN, ROW);
        String second = cipher.encrypt(TOKEN, COLUMN, ROW);

        byte[] firstNonce = Arrays.copyOf(Base64.getDecoder().decode(first.substring(9)), 12);
        byte[] secondNonce = Arrays.copyOf(Base64.getDecoder().decode(second.substring(9)), 12);
        assertThat(firstNonce).isNotEqualTo(secondNonce);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aCiphertextReadForAnotherRowFailsLoudlyWithoutShowingTheToken() {
        String stored = cipher.encrypt(TOKEN, COLUMN, ROW);

        assertThatThrownBy(() -> cipher.decrypt(stored, COLUMN, "another-shopper"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed authentication")
                .hasMessageContaining(keys.currentKeyId())
                .hasMessageNotContaining(TOKEN)
                .hasMessageNotContaining(stored);
    }

    @Test
    void aCiphertextReadForAnotherColumnFails() {
        String stored = cipher.encrypt(TOKEN, COLUMN, ROW);

        assertThatThrownBy(() -> cipher.decrypt(stored, "shopper_token.refresh_token_enc", ROW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAlteredCiphertextFails() {
        String stored = cipher.encrypt(TOKEN, COLUMN, ROW);
        byte[] sealed = Base64.getDecoder().decode(stored.substring(9));
        sealed[20] ^= 1;
        String altered = stored.substring(0, 9) + Base64.getEncoder().encodeToString(sealed);

        assertThatThrownBy(() -> cipher.decrypt(altered, COLUMN, ROW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aValueWrittenWithAKeyNotInTheRingNamesThatKeyId() {
        String stored = cipher.encrypt(TOKEN, COLUMN, ROW);
        TokenCipher otherRing = new TokenCipher(TokenKeyRing.generate());

        assertThatThrownBy(() -> otherRing.decrypt(stored, COLUMN, ROW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("key id " + keys.currentKeyId())
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void aRotatedRingReadsOldValuesAndWritesWithTheNewKey() {
        String old = cipher.encrypt(TOKEN, COLUMN, ROW);
        TokenKeyRing next = TokenKeyRing.generate();
        TokenKeyRing rotated = TokenKeyRing.fromBase64(next.currentKeyBase64(), List.of(keys.currentKeyBase64()));
        TokenCipher rotatedCipher = new TokenCipher(rotated);

        assertThat(rotatedCipher.decrypt(old, COLUMN, ROW)).isEqualTo(TOKEN);
        assertThat(rotatedCipher.encrypt(TOKEN, COLUMN, ROW)).startsWith(next.currentKeyId() + ":");
    }

    @Test
    void malformedStoredTextFailsInsteadOfDecryptingToGarbage() {
        assertThatThrownBy(() -> cipher.decrypt("no-key-id-here", COLUMN, ROW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(keys.currentKeyId() + ":%%%", COLUMN, ROW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(keys.currentKeyId() + ":AAAA", COLUMN, ROW))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("truncated");
    }
}
