package io.oriole.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Where the PostgreSQL server for tests is, from the environment, and how to connect to it directly. */
final class PostgresTestDatabase {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final int CONNECT_TIMEOUT_SECONDS = 3;

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
