package org.personalshopper.adapters.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Strict RFC 3986 percent-encoding: only {@code A-Z a-z 0-9 - . _ ~} stay as they are, a space becomes
 * {@code %20} (Kroger was seen refusing {@code +} in a {@code scope}).
 */
public final class UriEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    public static String encode(String text) {
        // Most values (states, codes, verifiers, ids, grant types) need no escape: returned as they are,
        // without the UTF-8 copy and the builder (every sign-in encodes a dozen of them).
        int n = text.length();
        int plain = 0;
        while (plain < n && unreserved(text.charAt(plain))) {
            plain++;
        }
        if (plain == n) {
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (unreserved((char) c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0x0F]);
            }
        }
        return out.toString();
    }

    private static boolean unreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** {@code a=1&b=2}, each name and value encoded; used for query strings and form bodies alike. */
    public static String form(List<Map.Entry<String, String>> fields) {
        StringBuilder out = new StringBuilder(32 * fields.size());
        for (int i = 0; i < fields.size(); i++) { // a loop, not a stream: every provider call builds one or two
            Map.Entry<String, String> field = fields.get(i);
            if (i > 0) {
                out.append('&');
            }
            out.append(encode(field.getKey())).append('=').append(encode(field.getValue()));
        }
        return out.toString();
    }
}
