package org.personalshopper.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Embedded mode's key for tokens at rest when SHOPPER_TOKEN_KEY is not set: generated once into the data
 * directory (owner-only permissions) and reused on every start, so tokens stored earlier stay readable.
 */
final class TokenKeyFile {
    static final String FILE_NAME = "token-key";

    private TokenKeyFile() {
    }

    static String loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
                            StandardOpenOption.TRUNCATE_EXISTING);
                } catch (FileAlreadyExistsException raced) {
                    // another start created it first: use theirs
                }
            }
            String key = Files.readString(file, StandardCharsets.US_ASCII).trim();
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(key);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(file + " must hold a base64 256-bit key");
            }
            if (decoded.length != 32) {
                throw new ConfigurationException(file + " must hold a base64 256-bit key");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the token key in " + file, e);
        }
    }
}
