import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Target;

/**
 * Build step (run by exec-maven-plugin with the JDK's source launcher): applies the Flyway migrations to a
 * throwaway embedded PostgreSQL and generates jOOQ classes from the real schema. Skipped when the
 * migrations have not changed since the last run.
 *
 * Arguments: the migrations directory, the output directory.
 */
public class GenerateJooqSources {
    private static final String PACKAGE = "org.personalshopper.adapters.persistence.jooq";

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]).toAbsolutePath();
        Path output = Path.of(args[1]).toAbsolutePath();
        Path stamp = output.resolve(".migrations.sha256");
        String fingerprint = fingerprint(migrations);
        if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(fingerprint)) {
            System.out.println("jOOQ sources are up to date with " + migrations);
            return;
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(dataSource).locations("filesystem:" + migrations).load().migrate();
            try (Connection connection = dataSource.getConnection()) {
                GenerationTool tool = new GenerationTool();
                tool.setConnection(connection);
                tool.run(new Configuration().withGenerator(new Generator()
                        .withDatabase(new Database()
                                .withName("org.jooq.meta.postgres.PostgresDatabase")
                                .withInputSchema("public")
                                .withOutputSchemaToDefault(true)
                                .withExcludes("flyway_schema_history"))
                        .withGenerate(new Generate().withJavaTimeTypes(true).withDeprecated(false))
                        .withTarget(new Target().withPackageName(PACKAGE).withDirectory(output.toString()))));
            }
        }
        Files.writeString(stamp, fingerprint);
    }

    private static String fingerprint(Path migrations) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        List<Path> files;
        try (Stream<Path> listing = Files.list(migrations)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            digest.update(file.getFileName().toString().getBytes());
            digest.update(Files.readAllBytes(file));
        }
        digest.update(GenerateJooqSources.class.getName().getBytes());
        return HexFormat.of().formatHex(digest.digest());
    }
}
