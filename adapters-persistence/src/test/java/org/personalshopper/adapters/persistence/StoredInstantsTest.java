package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every time a shopper sees (when a pick was made, when a session began) is read back as it was stored, to the
 * microsecond, whether the driver received it as text (a statement's first runs) or in binary (once the
 * statement is prepared on the server).
 */
class StoredInstantsTest extends DatabaseTest {
    private static final List<String> STORED = List.of(
            "2026-11-22T10:15:30.123456Z",
            "2000-01-01T00:00:00Z",
            "1999-12-31T23:59:59.999999Z",
            "1970-01-01T00:00:00Z",
            "1969-07-20T20:17:40.000001Z",
            "9999-12-31T23:59:59.999999Z");

    @Test
    void everyRunOfAStatementReadsTheStoredInstantsInTextAndInBinary() throws SQLException {
        List<Integer> wireLengths = new ArrayList<>();
        try (Connection connection = TestDatabase.connect(schema)) {
            for (int run = 1; run <= 8; run++) {
                try (PreparedStatement select = connection.prepareStatement(
                        "select t from unnest(?::timestamptz[]) with ordinality as s(t, n) order by n")) {
                    select.setArray(1, connection.createArrayOf("text", STORED.toArray()));
                    List<Instant> read = new ArrayList<>();
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            wireLengths.add(rows.getBytes(1).length);
                            read.add(PlainSql.instant(rows, 1));
                        }
                    }
                    assertThat(read).as("run %d", run).containsExactlyElementsOf(STORED.stream().map(Instant::parse).toList());
                }
            }
        }
        // Both forms were read: text (27 bytes and more) in the first runs, eight binary bytes in the last.
        assertThat(wireLengths.get(0)).isGreaterThan(Long.BYTES);
        assertThat(wireLengths.get(wireLengths.size() - 1)).isEqualTo(Long.BYTES);
    }

    @Test
    void theInfinitiesAreReadAsTheDriverReadsThem() throws SQLException {
        try (Connection connection = TestDatabase.connect(schema)) {
            for (int run = 1; run <= 8; run++) {
                try (PreparedStatement select = connection.prepareStatement(
                        "select 'infinity'::timestamptz, '-infinity'::timestamptz where ? = 1")) {
                    select.setInt(1, 1);
                    try (ResultSet rows = select.executeQuery()) {
                        assertThat(rows.next()).isTrue();
                        for (int column = 1; column <= 2; column++) {
                            assertThat(PlainSql.instant(rows, column)).as("run %d, column %d", run, column)
                                    .isEqualTo(rows.getObject(column, OffsetDateTime.class).toInstant());
                        }
                    }
                }
            }
        }
    }
}
