package io.oriole.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the PostgreSQL server for tests is, from the environment, and how to connect to it directly. */
final class PostgresTestDatabase {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final int CONNECT_TIMEOUT_SECONDS = 3;
    private static final String SCHEMA_PREFIX = "oriole_it_";
    private static final Pattern SCHEMA_NAME = Pattern.compile(SCHEMA_PREFIX + "(\\d+)_[0-9a-f]+");
    /**
     * Older test schemas belong to runs that were killed before they could drop them. Other worktrees test against
     * the same server at the same time, so the limit sits far above the length of any test run.
     */
    private static final Duration ABANDONED_AFTER = Duration.ofHours(6);

    private PostgresTestDatabase() {
    }

    static String url() {
        return env("ORIOLE_TEST_PG_URL", DEFAULT_URL);
    }

    static String user() {
        return env("ORIOLE_TEST_PG_USER", "postgres");
    }

    static String password() {
        return env("ORIOLE_TEST_PG_PASSWORD", "");
    }

    /** The same server with {@code schema} as the connection's current schema. */
    static String urlWithSchema(String schema) {
        return url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /**
     * A new schema name that tells when it was made, {@code oriole_it_<epoch seconds>_<random>}: wall-clock time on
     * purpose, because it is compared across processes and machines, not within the application.
     */
    static String newSchemaName() {
        return SCHEMA_PREFIX + Instant.now().getEpochSecond() + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    static void dropAbandonedSchemas(Connection connection) throws SQLException {
        long cutoff = Instant.now().minus(ABANDONED_AFTER).getEpochSecond();
        List<String> abandoned = new ArrayList<>();
        try (var statement = connection.prepareStatement(
                "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'oriole\\_it\\_%'");
                var rows = statement.executeQuery()) {
            while (rows.next()) {
                Matcher name = SCHEMA_NAME.matcher(rows.getString(1));
                if (name.matches() && Long.parseLong(name.group(1)) < cutoff) {
                    abandoned.add(rows.getString(1));
                }
            }
        }
        for (String schema : abandoned) {
            dropSchema(connection, schema);
        }
    }

    static void dropSchema(Connection connection, String schema) throws SQLException {
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a test schema: " + schema);
        }
        try (var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    static Connection connect() throws SQLException {
        var props = new Properties();
        props.setProperty("user", user());
        props.setProperty("password", password());
        props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        props.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        return DriverManager.getConnection(url(), props);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
