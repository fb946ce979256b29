package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.personalshopper.domain.Shopper;

class PostgresPersistenceTest extends DatabaseTest {
    @Test
    void readinessSaysYesWhileTheDatabaseAnswers() {
        assertThat(persistence.storageHealth().answers()).isTrue();
    }

    @Test
    void readinessSaysNoInsteadOfThrowingOnceThePoolIsClosed() throws SQLException {
        String otherSchema = TestDatabase.newSchemaName();
        try {
            PostgresPersistence closed = PostgresPersistence.open(TestDatabase.settings(otherSchema), keys);
            closed.close();

            assertThat(closed.storageHealth().answers()).isFalse();
        } finally {
            TestDatabase.dropSchema(otherSchema);
        }
    }

    @Test
    void openingAnAlreadyMigratedSchemaKeepsItsData() {
        Shopper shopper = newShopper();

        try (PostgresPersistence reopened = PostgresPersistence.open(TestDatabase.settings(schema), keys)) {
            assertThat(reopened.shoppers().find(shopper.id())).contains(shopper);
        }
    }

    @Test
    void anUnreachableDatabaseFailsWithAClearMessageThatHidesThePassword() {
        DatabaseSettings unreachable = new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/shop?user=app&password=hunter2",
                Optional.empty(), Optional.of("s3cret-field"), Optional.empty(), 2);

        assertThatThrownBy(() -> PostgresPersistence.open(unreachable, keys))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/shop")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("s3cret-field");
    }
}
