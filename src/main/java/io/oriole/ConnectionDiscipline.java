package io.oriole;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Watches the rule that keeps a node standing under load: no thread asks the pool for a second connection while it
 * holds one. A pool of N connections with N threads each holding one and waiting for another is a deadlock that
 * only the pool's timeout breaks; that is how ten concurrent message sends once took a node down. Every breach is
 * counted ({@code oriole.db.nested.connections}) and logged with its stack; in {@code strict} mode, which the test
 * suite uses, the second request fails at once so that the test that caused it fails too.
 * <p>
 * Only connections taken after start-up are watched: schema migration may legitimately hold two.
 */
final class ConnectionDiscipline extends DelegatingDataSource {

    private static final Logger log = LoggerFactory.getLogger(ConnectionDiscipline.class);
    private static final ThreadLocal<int[]> HELD = ThreadLocal.withInitial(() -> new int[1]);

    /**
     * @param check {@code off}, {@code warn} (the default: count and log) or {@code strict} (also refuse)
     */
    @ConfigurationProperties("oriole.db.single-connection")
    record Settings(String check) {

        Settings {
            check = check == null || check.isBlank() ? "warn" : check.strip().toLowerCase(java.util.Locale.ROOT);
            if (!check.equals("off") && !check.equals("warn") && !check.equals("strict")) {
                throw new IllegalArgumentException("oriole.db.single-connection.check must be off, warn or strict");
            }
        }
    }

    private final boolean strict;
    private final Counter breaches;
    private volatile boolean watching;

    ConnectionDiscipline(DataSource pool, Settings settings, MeterRegistry meters) {
        super(pool);
        this.strict = settings.check().equals("strict");
        this.breaches = Counter.builder("oriole.db.nested.connections")
                .description("times a thread asked for a second pooled connection while holding one")
                .register(meters);
    }

    void startWatching() {
        watching = true;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return watched(() -> super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return watched(() -> super.getConnection(username, password));
    }

    private interface Source {
        Connection open() throws SQLException;
    }

    private Connection watched(Source source) throws SQLException {
        if (!watching) {
            return source.open();
        }
        int[] held = HELD.get();
        if (held[0] > 0) {
            breaches.increment();
            SQLException breach = new SQLException("thread " + Thread.currentThread().getName()
                    + " asked for a second pooled connection while holding " + held[0]);
            if (strict) {
                throw breach;
            }
            log.warn("nested connection", breach);
        }
        Connection connection = source.open();
        held[0]++;
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] { Connection.class }, new Release(connection, held));
    }

    /** Counts the connection as returned when it is closed, once. */
    private static final class Release implements InvocationHandler {

        private final Connection target;
        private final int[] held;
        private boolean closed;

        Release(Connection target, int[] held) {
            this.target = target;
            this.held = held;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("close") && !closed) {
                closed = true;
                held[0]--;
            }
            if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> type
                    && type.isInstance(proxy)) {
                return proxy;
            }
            try {
                return method.invoke(target, args);
            }
            catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
