package org.personalshopper.application.port.out;

/** Unguessable secrets (session ids, states, PKCE verifiers) from a cryptographically strong source. */
public interface RandomTokens {
    /** {@code bytes} random bytes as unpadded base64url text. */
    String urlSafe(int bytes);
}
