package org.personalshopper.benchmarks.bare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * The service's requests done the plain way: the same statements on the same tables, the same checks
 * (session by SHA-256 hash with idle and absolute expiry, input rules, shopper row lock before a write,
 * AES-GCM for stored secrets, PKCE), the same JSON. Resource registered once, one connection per request.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class BareResources {
    private static final Duration IDLE = Duration.ofDays(30);
    private static final Duration ABSOLUTE = Duration.ofDays(90);
    private static final Duration TOUCH = Duration.ofHours(1);
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,14}");
    private static final String SELECT_SELECTIONS = "select id, shopper_id, item, item_key, product_id, upc, description,"
            + " brand, size, quantity, created_at, updated_at from selection where shopper_id = ? order by item_key";

    private final DataSource pool;
    private final SecretKeySpec key;
    private final URI provider;
    private final String redirectUri;
    private final SecureRandom random = new SecureRandom();
    /** Configured as the service's provider client (no executor of its own, ADR 0008), so both do the same work. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).executor(Runnable::run).build();
    private final ObjectMapper mapper = new ObjectMapper();

    BareResources(DataSource pool, byte[] key, URI provider, URI redirectUri) {
        this.pool = pool;
        this.key = new SecretKeySpec(key, "AES");
        this.provider = provider;
        this.redirectUri = redirectUri.toString();
    }

    public record SelectionJson(String id, String item, String productId, String upc, String description, String brand,
                                String size, int quantity, Instant createdAt, Instant updatedAt) {
    }

    public record Items<T>(List<T> items) {
    }

    public record SelectionBody(String item, String productId, String upc, String description, String brand, String size,
                                Integer quantity) {
    }

    public record Connected(boolean connected, Instant accessTokenExpiresAt) {
    }

    public record ConnectionJson(String provider, String profileId, boolean connected, Instant accessExpiresAt) {
    }

    public record ShopperJson(String id, String provider, String profileId, String preferredLocationId, Instant createdAt,
                              Connected kroger, List<ConnectionJson> connections) {
    }

    @GET
    @Path("api/selections")
    public Response selections(@CookieParam("shopper_session") String session) throws SQLException {
        try (Connection c = pool.getConnection()) {
            UUID shopper = shopper(c, session);
            if (shopper == null) {
                return unauthenticated();
            }
            List<SelectionJson> items = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(SELECT_SELECTIONS)) {
                s.setObject(1, shopper);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        items.add(selection(r));
                    }
                }
            }
            return Response.ok(new Items<>(items)).build();
        }
    }

    @POST
    @Path("api/selections")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(@CookieParam("shopper_session") String session, SelectionBody body) throws SQLException {
        if (body == null || body.item() == null || body.quantity() == null || body.quantity() < 1 || body.quantity() > 99
                || !digits(body.productId()) || !digits(body.upc())) {
            return Response.status(400).build();
        }
        String item = body.item().strip();
        if (item.isEmpty() || item.length() > 200 || !text(item) || !text(body.description()) || !text(body.brand())
                || !text(body.size())) {
            return Response.status(400).build();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        try (Connection c = pool.getConnection()) {
            UUID shopper = shopper(c, session);
            if (shopper == null) {
                return unauthenticated();
            }
            // As the service: a replacement is one statement, no lock and no transaction (it changes no count);
            // only a new item locks the shopper row, tries the replace once more, then inserts.
            SelectionJson replaced = replace(c, body, item, now, shopper);
            if (replaced != null) {
                return Response.ok(replaced).build();
            }
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("select id from shopper where id = ? for no key update")) {
                    lock.setObject(1, shopper);
                    lock.executeQuery().close();
                }
                SelectionJson saved = replace(c, body, item, now, shopper);
                boolean created = false;
                if (saved == null) {
                    created = true;
                    try (PreparedStatement insert = c.prepareStatement("insert into selection (item, product_id, upc,"
                            + " description, brand, size, quantity, updated_at, shopper_id, item_key, id, created_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id, shopper_id, item, item_key,"
                            + " product_id, upc, description, brand, size, quantity, created_at, updated_at")) {
                        bindPick(insert, body, item, now);
                        insert.setObject(9, shopper);
                        insert.setString(10, item.toLowerCase(Locale.ROOT));
                        insert.setObject(11, UUID.randomUUID());
                        insert.setObject(12, now);
                        saved = first(insert);
                    }
                }
                c.commit();
                return created ? Response.created(URI.create("/api/selections/" + saved.id())).entity(saved).build()
                        : Response.ok(saved).build();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    @GET
    @Path("api/user")
    public Response user(@CookieParam("shopper_session") String session) throws SQLException {
        try (Connection c = pool.getConnection()) {
            UUID shopper = shopper(c, session);
            if (shopper == null) {
                return unauthenticated();
            }
            // the service's one statement: the shopper and their connections' status in one left join
            List<ConnectionJson> connections = new ArrayList<>();
            String id = null;
            String location = null;
            Instant created = null;
            try (PreparedStatement s = c.prepareStatement("select s.id, s.preferred_location_id, s.created_at, c.provider,"
                    + " c.profile_id, c.usable, c.access_token_expires_at from shopper s left join shopper_connection c"
                    + " on c.shopper_id = s.id where s.id = ? order by c.connected_at, c.provider")) {
                s.setObject(1, shopper);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (id == null) {
                            id = r.getObject(1).toString();
                            location = r.getString(2);
                            created = r.getObject(3, OffsetDateTime.class).toInstant();
                        }
                        String provider = r.getString(4);
                        if (provider != null) {
                            boolean connected = r.getBoolean(6);
                            connections.add(new ConnectionJson(provider, r.getString(5), connected,
                                    connected ? r.getObject(7, OffsetDateTime.class).toInstant() : null));
                        }
                    }
                }
            }
            if (id == null) {
                return Response.status(404).build();
            }
            ConnectionJson first = connections.isEmpty() ? null : connections.get(0);
            ConnectionJson kroger = connections.stream().filter(k -> k.provider().equals("kroger")).findFirst().orElse(null);
            ShopperJson json = new ShopperJson(id, first == null ? null : first.provider(),
                    first == null ? null : first.profileId(), location, created,
                    new Connected(kroger != null && kroger.connected(), kroger == null ? null : kroger.accessExpiresAt()),
                    connections);
            return Response.ok(json).build();
        }
    }

    /** The login attempt as the service keeps it: hashes of state and binding, the PKCE verifier encrypted. */
    @GET
    @Path("auth/login")
    public Response login() throws SQLException {
        String state = secret();
        String binding = secret();
        String verifier = secret();
        String stateHash = sha256(state);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("insert into login_attempt"
                + " (state_hash, browser_binding_hash, code_verifier_enc, return_to, created_at, expires_at, provider)"
                + " values (?, ?, ?, ?, ?, ?, 'kroger')")) {
            s.setString(1, stateHash);
            s.setString(2, sha256(binding));
            s.setString(3, encrypt(verifier, "login_attempt.code_verifier_enc/" + stateHash));
            s.setString(4, "/");
            s.setObject(5, now);
            s.setObject(6, now.plusMinutes(10));
            s.executeUpdate();
        }
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(digest(verifier));
        URI authorize = URI.create(provider + "/v1/connect/oauth2/authorize?client_id=bench&redirect_uri="
                + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8) + "&response_type=code&scope=profile.compact"
                + "&state=" + state + "&code_challenge=" + challenge + "&code_challenge_method=S256");
        return Response.status(302).location(authorize)
                .header("Set-Cookie", "shopper_login=" + binding + "; Path=/auth; Max-Age=600; HttpOnly; SameSite=Lax").build();
    }

    /** Takes the attempt, exchanges the code and reads the profile at the provider, stores shopper, tokens, session. */
    @GET
    @Path("auth/callback")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
                             @CookieParam("shopper_login") String binding) throws Exception {
        if (code == null || state == null || binding == null) {
            return Response.status(400).build();
        }
        String stateHash = sha256(state);
        String verifier;
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("delete from login_attempt"
                + " where state_hash = ? returning browser_binding_hash, code_verifier_enc, expires_at")) {
            s.setString(1, stateHash);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next() || !MessageDigest.isEqual(r.getString(1).getBytes(StandardCharsets.US_ASCII),
                        sha256(binding).getBytes(StandardCharsets.US_ASCII))
                        || r.getObject(3, OffsetDateTime.class).isBefore(OffsetDateTime.now())) {
                    return Response.status(400).build();
                }
                verifier = decrypt(r.getString(2), "login_attempt.code_verifier_enc/" + stateHash);
            }
        }
        Instant requestedAt = Instant.now();
        String basic = "Basic " + Base64.getEncoder().encodeToString("bench:bench-secret".getBytes(StandardCharsets.UTF_8));
        JsonNode grant = json(HttpRequest.newBuilder(provider.resolve("/v1/connect/oauth2/token"))
                .header("Authorization", basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                        + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8) + "&code_verifier=" + verifier)));
        String access = grant.path("access_token").asText();
        String refresh = grant.path("refresh_token").asText();
        long expiresIn = grant.path("expires_in").asLong();
        JsonNode profile = json(HttpRequest.newBuilder(provider.resolve("/v1/identity/profile"))
                .header("Authorization", "Bearer " + access).GET());
        String profileId = profile.path("data").path("id").asText();
        if (access.isEmpty() || refresh.isEmpty() || expiresIn <= 0 || profileId.isEmpty()) {
            return Response.status(502).build();
        }
        String sessionId = secret();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                // As the service: the account's shopper if it has one, else a new shopper; then the connection upsert.
                UUID shopper = null;
                try (PreparedStatement s = c.prepareStatement("select shopper_id from shopper_connection"
                        + " where provider = 'kroger' and profile_id = ?")) {
                    s.setString(1, profileId);
                    try (ResultSet r = s.executeQuery()) {
                        if (r.next()) {
                            shopper = r.getObject(1, UUID.class);
                        }
                    }
                }
                if (shopper == null) {
                    shopper = UUID.randomUUID();
                    try (PreparedStatement s = c.prepareStatement("insert into shopper (id, created_at, updated_at)"
                            + " values (?, ?, ?)")) {
                        s.setObject(1, shopper);
                        s.setObject(2, now);
                        s.setObject(3, now);
                        s.executeUpdate();
                    }
                }
                String rowKey = shopper + "/kroger";
                OffsetDateTime issued = OffsetDateTime.ofInstant(requestedAt.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
                String accessEnc = encrypt(access, "shopper_connection.access_token_enc/" + rowKey);
                String refreshEnc = encrypt(refresh, "shopper_connection.refresh_token_enc/" + rowKey);
                // As the service: an account already this shopper's is renewed in place, else delete + upsert.
                int renewed;
                try (PreparedStatement s = c.prepareStatement("update shopper_connection set access_token_enc = ?,"
                        + " refresh_token_enc = ?, issued_at = ?, access_token_expires_at = ?, usable = true,"
                        + " token_binding = 'connection', updated_at = current_timestamp"
                        + " where shopper_id = ? and provider = 'kroger' and profile_id = ?")) {
                    s.setString(1, accessEnc);
                    s.setString(2, refreshEnc);
                    s.setObject(3, issued);
                    s.setObject(4, issued.plusSeconds(expiresIn));
                    s.setObject(5, shopper);
                    s.setString(6, profileId);
                    renewed = s.executeUpdate();
                }
                if (renewed == 0) {
                    try (PreparedStatement s = c.prepareStatement("delete from shopper_connection where shopper_id = ?"
                            + " and provider = 'kroger' and profile_id <> ?")) {
                        s.setObject(1, shopper);
                        s.setString(2, profileId);
                        s.executeUpdate();
                    }
                    try (PreparedStatement s = c.prepareStatement("insert into shopper_connection (shopper_id, provider,"
                            + " profile_id, access_token_enc, refresh_token_enc, issued_at, access_token_expires_at, usable,"
                            + " token_binding, connected_at, updated_at) values (?, 'kroger', ?, ?, ?, ?, ?, true, 'connection', ?, now())"
                            + " on conflict (provider, profile_id) do update set access_token_enc = excluded.access_token_enc,"
                            + " refresh_token_enc = excluded.refresh_token_enc, issued_at = excluded.issued_at,"
                            + " access_token_expires_at = excluded.access_token_expires_at, usable = true,"
                            + " token_binding = 'connection', updated_at = now() where shopper_connection.shopper_id = ?")) {
                        s.setObject(1, shopper);
                        s.setString(2, profileId);
                        s.setString(3, accessEnc);
                        s.setString(4, refreshEnc);
                        s.setObject(5, issued);
                        s.setObject(6, issued.plusSeconds(expiresIn));
                        s.setObject(7, issued);
                        s.setObject(8, shopper);
                        s.executeUpdate();
                    }
                }
                try (PreparedStatement s = c.prepareStatement("insert into shopper_session (id_hash, shopper_id, created_at,"
                        + " last_used_at) values (?, ?, ?, ?)")) {
                    s.setString(1, sha256(sessionId));
                    s.setObject(2, shopper);
                    s.setObject(3, now);
                    s.setObject(4, now);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("delete from shopper_session where shopper_id = ? and id_hash"
                        + " not in (select id_hash from shopper_session where shopper_id = ? order by created_at desc,"
                        + " id_hash desc limit 10)")) {
                    s.setObject(1, shopper);
                    s.setObject(2, shopper);
                    s.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        return Response.status(302).location(URI.create("/"))
                .header("Set-Cookie", "shopper_session=" + sessionId + "; Path=/; Max-Age=7776000; HttpOnly; SameSite=Lax")
                .header("Set-Cookie", "shopper_login=; Path=/auth; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax")
                .build();
    }

    /** The session's shopper, or null: looked up by hash on the request's one connection, idle and absolute expiry. */
    private static UUID shopper(Connection c, String session) throws SQLException {
        if (session == null || session.isEmpty() || session.length() > 512) {
            return null;
        }
        String hash = sha256(session);
        try (PreparedStatement s = c.prepareStatement(
                "select shopper_id, created_at, last_used_at from shopper_session where id_hash = ?")) {
            s.setString(1, hash);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                Instant now = Instant.now();
                Instant created = r.getObject(2, OffsetDateTime.class).toInstant();
                Instant lastUsed = r.getObject(3, OffsetDateTime.class).toInstant();
                if (!now.isBefore(created.plus(ABSOLUTE)) || !now.isBefore(lastUsed.plus(IDLE))) {
                    return null;
                }
                UUID shopper = r.getObject(1, UUID.class);
                if (!now.isBefore(lastUsed.plus(TOUCH))) {
                    try (PreparedStatement touch = c.prepareStatement(
                            "update shopper_session set last_used_at = greatest(last_used_at, ?) where id_hash = ?")) {
                        touch.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                        touch.setString(2, hash);
                        touch.executeUpdate();
                    }
                }
                return shopper;
            }
        }
    }

    private static SelectionJson selection(ResultSet r) throws SQLException {
        return new SelectionJson(r.getObject(1).toString(), r.getString(3), r.getString(5), r.getString(6), r.getString(7),
                r.getString(8), r.getString(9), r.getInt(10), r.getObject(11, OffsetDateTime.class).toInstant(),
                r.getObject(12, OffsetDateTime.class).toInstant());
    }

    private static SelectionJson replace(Connection c, SelectionBody body, String item, OffsetDateTime now, UUID shopper)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("update selection set item = ?, product_id = ?, upc = ?,"
                + " description = ?, brand = ?, size = ?, quantity = ?, updated_at = ? where shopper_id = ? and item_key = ?"
                + " returning id, shopper_id, item, item_key, product_id, upc, description, brand, size, quantity,"
                + " created_at, updated_at")) {
            bindPick(update, body, item, now);
            update.setObject(9, shopper);
            update.setString(10, item.toLowerCase(Locale.ROOT));
            return first(update);
        }
    }

    private static SelectionJson first(PreparedStatement s) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            return r.next() ? selection(r) : null;
        }
    }

    private static void bindPick(PreparedStatement s, SelectionBody body, String item, OffsetDateTime now) throws SQLException {
        s.setString(1, item);
        s.setString(2, body.productId());
        s.setString(3, body.upc());
        s.setString(4, blankToNull(body.description()));
        s.setString(5, blankToNull(body.brand()));
        s.setString(6, blankToNull(body.size()));
        s.setInt(7, body.quantity());
        s.setObject(8, now);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static boolean digits(String value) {
        return value != null && DIGITS.matcher(value).matches();
    }

    /** Absent, or at most 500 characters without control characters. */
    private static boolean text(String value) {
        if (value == null) {
            return true;
        }
        if (value.length() > 500) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static Response unauthenticated() {
        return Response.status(401).type("application/problem+json")
                .entity("{\"title\":\"Not signed in\",\"status\":401}").build();
    }

    private JsonNode json(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("provider answered " + response.statusCode());
        }
        return mapper.readTree(response.body());
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(digest(text));
    }

    private String encrypt(String plain, String associated) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return "bench:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String decrypt(String stored, String associated) {
        byte[] bytes = Base64.getDecoder().decode(stored.substring(stored.indexOf(':') + 1));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, 12));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
