package org.personalshopper.application.fakes;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.personalshopper.application.port.out.RandomTokens;

/** Real random tokens, remembered with the number of bytes asked for, so tests can check strength and use. */
public final class CountingRandomTokens implements RandomTokens {
    public record Issued(int bytes, String token) {
    }

    private final SecureRandom random = new SecureRandom();
    private final List<Issued> issued = new CopyOnWriteArrayList<>();

    @Override
    public String urlSafe(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
        issued.add(new Issued(bytes, token));
        return token;
    }

    public List<Issued> issued() {
        return List.copyOf(issued);
    }
}
