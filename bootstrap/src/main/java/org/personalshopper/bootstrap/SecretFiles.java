package org.personalshopper.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Secrets the embedded mode generates once and keeps in the data directory: created owner-only (0600) in
 * an owner-only directory (0700), so no other account on the machine can read them.
 */
final class SecretFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private SecretFiles() {
    }

    /** Creates the directory if needed and takes every permission from group and others. */
    static void ownerOnlyDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIRECTORY);
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: nothing to tighten
        }
    }

    /** The password in {@code file}, generated (256 random bits, base64url) and written 0600 the first time. */
    static String loadOrCreatePassword(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n",
                        StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            } catch (FileAlreadyExistsException raced) {
                // another start created it first: use theirs
            }
        }
        String password = Files.readString(file, StandardCharsets.US_ASCII).trim();
        if (!password.matches("[A-Za-z0-9_-]{20,200}")) {
            throw new ConfigurationException(file + " must hold a generated database password (delete it only together"
                    + " with the database in the data directory)");
        }
        return password;
    }
}
