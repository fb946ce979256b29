package org.personalshopper.adapters.http;

import java.util.List;

/** A provider's own words made fit to show and log. */
public final class SafeText {
    static final int MAX_REASON_CHARS = 200;

    private SafeText() {
    }

    /** No secret of the call (each replaced by {@code [redacted]}), no control characters, bounded length. */
    public static String scrub(String text, List<String> secrets) {
        String clean = text;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                clean = clean.replace(secret, "[redacted]");
            }
        }
        clean = clean.replaceAll("\\p{Cntrl}+", " ").replaceAll("\\s+", " ").strip();
        if (clean.length() > MAX_REASON_CHARS) {
            clean = clean.substring(0, MAX_REASON_CHARS) + "...";
        }
        return clean;
    }
}
