package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {
    @Test
    void onlyPostgresqlJdbcUrlsAreAccepted() {
        assertThatThrownBy(() -> DatabaseSettings.of("jdbc:mysql://db/shop", Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql:");
        assertThat(DatabaseSettings.of("jdbc:postgresql://db:5432/shop", Optional.of("app"), Optional.empty()).maxPoolSize())
                .isEqualTo(DatabaseSettings.DEFAULT_POOL_SIZE);
    }

    @Test
    void theSchemaMustBeAPlainIdentifier() {
        DatabaseSettings settings = DatabaseSettings.of("jdbc:postgresql://db/shop", Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> settings.inSchema("x; drop table shopper")).isInstanceOf(IllegalArgumentException.class);
        assertThat(settings.inSchema("shop_test_1").schema()).contains("shop_test_1");
    }

    @Test
    void thePoolSizeMustBeSane() {
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:postgresql://db/shop", Optional.empty(), Optional.empty(), Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:postgresql://db/shop", Optional.empty(), Optional.empty(), Optional.empty(), 1000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passwordsNeverShowInToStringWhetherInTheUrlOrAField() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://db/shop?user=app&password=hunter2&ssl=true",
                Optional.of("app"), Optional.of("s3cret"), Optional.empty(), 10);

        assertThat(settings.toString()).doesNotContain("hunter2").doesNotContain("s3cret").contains("ssl=true");
        assertThat(settings.redactedUrl()).isEqualTo("jdbc:postgresql://db/shop?user=app&password=***&ssl=true");
        assertThat(DatabaseSettings.redact("jdbc:postgresql://app:pw@db/shop")).isEqualTo("jdbc:postgresql://***@db/shop");
    }
}
