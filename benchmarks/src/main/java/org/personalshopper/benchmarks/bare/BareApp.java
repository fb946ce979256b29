package org.personalshopper.benchmarks.bare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.ws.rs.ext.ContextResolver;
import java.net.URI;
import java.util.Base64;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The baseline: the same requests as the service, answered by the plain stack it is built on (Jersey on
 * Grizzly, Jackson, HikariCP, JDBC) with nothing in between: no layers, no value objects, one pooled
 * connection per request. It reads and writes the service's own tables, so both answer from the same rows.
 *
 * <p>Environment: {@code BARE_PORT}, {@code BARE_DB_URL} (JDBC URL, user in it), {@code BARE_PROVIDER_URL}
 * (the provider stub), {@code BARE_TOKEN_KEY} (base64 AES-256 key).
 */
public final class BareApp {
    private BareApp() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv("BARE_PORT"));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(System.getenv("BARE_DB_URL"));
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(2);
        HikariDataSource pool = new HikariDataSource(config);
        byte[] key = Base64.getDecoder().decode(System.getenv("BARE_TOKEN_KEY"));
        URI provider = URI.create(System.getenv("BARE_PROVIDER_URL"));
        URI self = URI.create("http://127.0.0.1:" + port + "/");

        ObjectMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        ResourceConfig app = new ResourceConfig();
        app.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        app.register(JacksonFeature.withoutExceptionMappers());
        app.register(new Mapper(mapper));
        app.register(new BareResources(pool, key, provider, self.resolve("auth/callback")));
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(self, app, true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            pool.close();
        }));
        System.out.println("bare app ready on " + self);
        Thread.currentThread().join();
    }

    /** The Jackson mapper Jersey uses: ISO-8601 instants, as the service writes them. */
    private static final class Mapper implements ContextResolver<ObjectMapper> {
        private final ObjectMapper mapper;

        Mapper(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        public ObjectMapper getContext(Class<?> type) {
            return mapper;
        }
    }
}
