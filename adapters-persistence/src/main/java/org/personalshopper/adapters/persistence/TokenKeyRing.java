package org.personalshopper.adapters.persistence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys that protect grocer tokens at rest: the current key encrypts every new value, older
 * keys stay here so values written before a rotation can still be read. Each key is known by its id: the
 * first 8 hex digits of the SHA-256 of the key bytes, written in front of every ciphertext. Key material
 * never appears in {@link #toString()} or in any message.
 */
public final class TokenKeyRing {
    static final int KEY_BYTES = 32;
    private static final String VARIABLE = "SHOPPER_TOKEN_KEY";

    private final Key current;
    private final Map<String, Key> byId;

    record Key(String id, SecretKey secret) {
        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }

    private TokenKeyRing(byte[] currentKey, List<byte[]> previousKeys) {
        this.current = key(currentKey);
        Map<String, Key> keys = new LinkedHashMap<>();
        keys.put(current.id(), current);
        for (byte[] previous : previousKeys) {
            Key key = key(previous);
            keys.putIfAbsent(key.id(), key);
        }
        this.byId = Map.copyOf(keys);
    }

    /**
     * The ring from base64 text (standard or URL-safe alphabet): {@code current} encrypts, {@code previous}
     * (oldest last or in any order) only decrypt. Each must decode to exactly 32 bytes.
     */
    public static TokenKeyRing fromBase64(String current, List<String> previous) {
        Objects.requireNonNull(previous, "previous");
        byte[] currentKey = decode(current, VARIABLE);
        List<byte[]> previousKeys = new ArrayList<>();
        for (int i = 0; i < previous.size(); i++) {
            previousKeys.add(decode(previous.get(i), "previous " + VARIABLE + " #" + (i + 1)));
        }
        return new TokenKeyRing(currentKey, previousKeys);
    }

    /** A ring holding one new random key, e.g. for an embedded database; keep {@link #currentKeyBase64()} safe. */
    public static TokenKeyRing generate() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return new TokenKeyRing(key, List.of());
    }

    /** The id written in front of new ciphertexts; not secret, fine to log. */
    public String currentKeyId() {
        return current.id();
    }

    /** Ids of every key that can decrypt, current first. */
    public List<String> keyIds() {
        List<String> ids = new ArrayList<>();
        ids.add(current.id());
        byId.keySet().stream().filter(id -> !id.equals(current.id())).sorted().forEach(ids::add);
        return List.copyOf(ids);
    }

    /** The current key as standard base64: the secret to store (e.g. in the data dir) and pass back to {@link #fromBase64}. */
    public String currentKeyBase64() {
        return Base64.getEncoder().encodeToString(current.secret().getEncoded());
    }

    Key current() {
        return current;
    }

    Optional<Key> find(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    @Override
    public String toString() {
        return "TokenKeyRing[current=" + current.id() + ", keys=" + keyIds() + "]";
    }

    private static byte[] decode(String text, String name) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(name + " is missing: it must be the base64 of a 32-byte (256-bit) key");
        }
        String trimmed = text.strip();
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException notStandard) {
            try {
                bytes = Base64.getUrlDecoder().decode(trimmed);
            } catch (IllegalArgumentException notUrlSafe) {
                // The value itself is a secret: say what is wrong, never what it was.
                throw new IllegalArgumentException(name + " is not valid base64: it must be the base64 of a 32-byte (256-bit) key");
            }
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException(name + " must be the base64 of exactly 32 bytes (256 bits), but it decodes to "
                    + bytes.length + " bytes");
        }
        return bytes;
    }

    private static Key key(byte[] bytes) {
        return new Key(idOf(bytes), new SecretKeySpec(bytes, "AES"));
    }

    static String idOf(byte[] keyBytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBytes);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
