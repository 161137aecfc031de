package io.oriole.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Schemas of killed runs are swept; schemas of runs still going, here or in another worktree, are not. */
@RequiresPostgres
class PostgresTestDatabaseTests {

    @Test
    void sweepDropsOnlyAbandonedTestSchemas() throws SQLException {
        String abandoned = "oriole_it_1_deadbeef";
        String running = PostgresTestDatabase.newSchemaName();
        try (Connection connection = PostgresTestDatabase.connect()) {
            create(connection, abandoned);
            create(connection, running);
            try {
                PostgresTestDatabase.dropAbandonedSchemas(connection);

                assertThat(testSchemas(connection)).doesNotContain(abandoned).contains(running);
            }
            finally {
                PostgresTestDatabase.dropSchema(connection, running);
                PostgresTestDatabase.dropSchema(connection, abandoned);
            }
        }
    }

    @Test
    void refusesToDropAnythingButATestSchema() throws SQLException {
        try (Connection connection = PostgresTestDatabase.connect()) {
            assertThatThrownBy(() -> PostgresTestDatabase.dropSchema(connection, "public"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static void create(Connection connection, String schema) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
    }

    private static List<String> testSchemas(Connection connection) throws SQLException {
        var names = new ArrayList<String>();
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'oriole_it%'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
