package io.oriole;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.support.DependencyInjectionTestExecutionListener;
import org.springframework.test.context.support.DirtiesContextTestExecutionListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Oriole started as it is run, on its embedded H2 file database in a fresh data directory: the files it creates are
 * its own account's only, and a shutdown lets a request in flight finish and commit before the database closes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "oriole.data-dir=" + FilesAndShutdownIntegrationTests.DATA_DIR, "oriole.demo.enabled=false" })
@DirtiesContext
// The last test closes the context itself: only the listeners that do not ask the context cache for it again.
@TestExecutionListeners(listeners = { DependencyInjectionTestExecutionListener.class,
        DirtiesContextTestExecutionListener.class }, mergeMode = TestExecutionListeners.MergeMode.REPLACE_DEFAULTS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FilesAndShutdownIntegrationTests {

    static final String DATA_DIR = "./target/files-and-shutdown/data";

    static {
        // A fresh directory for every run, so that the test sees files as Oriole creates them.
        deleteRecursively(Path.of(DATA_DIR).getParent());
    }

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    Environment environment;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SlowWrite slowWrite;
    @LocalServerPort
    int port;

    @Test
    @org.junit.jupiter.api.Order(1)
    void theDataDirectoryTheDatabaseAndTheLogsAreTheOwnersOnly() throws IOException {
        Path data = Path.of(DATA_DIR);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("logs"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("oriole.mv.db"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("logs/oriole.log"))))
                .isEqualTo("rw-------");
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aRequestInFlightWhenShutdownBeginsCommitsBeforeTheDatabaseCloses() throws Exception {
        assertThat(environment.getProperty("spring.datasource.url")).contains("DB_CLOSE_ON_EXIT=FALSE");
        jdbc.sql("CREATE TABLE shutdown_probe (id INT)").update();
        CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/test/slow-write"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(slowWrite.entered.await(30, TimeUnit.SECONDS)).isTrue();

        context.close();

        assertThat(inFlight.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(slowWrite.order).containsExactly("request committed", "datasource closing");
        String url = environment.getProperty("spring.datasource.url");
        try (Connection reopened = DriverManager.getConnection(url, "sa", "");
                ResultSet rows = reopened.createStatement().executeQuery("SELECT count(*) FROM shutdown_probe")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request that is still running when the context starts closing, and then writes. */
    @RestController
    static class SlowWrite {

        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch closing = new CountDownLatch(1);
        final List<String> order = new CopyOnWriteArrayList<>();
        private final JdbcClient jdbc;
        private final TransactionTemplate tx;

        SlowWrite(JdbcClient jdbc, TransactionTemplate tx, DataSource dependsOnIt) {
            this.jdbc = jdbc;
            this.tx = tx;
        }

        @PostMapping("/test/slow-write")
        String write() throws InterruptedException {
            entered.countDown();
            if (!closing.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the context never started closing");
            }
            tx.executeWithoutResult(s -> jdbc.sql("INSERT INTO shutdown_probe (id) VALUES (1)").update());
            order.add("request committed");
            return "ok";
        }

        @EventListener
        void on(ContextClosedEvent closed) {
            closing.countDown();
        }

        /** Runs before the datasource it depends on is closed. */
        @PreDestroy
        void datasourceClosing() {
            order.add("datasource closing");
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Probe {

        @Bean
        SlowWrite slowWrite(JdbcClient jdbc, TransactionTemplate tx, DataSource dataSource) {
            return new SlowWrite(jdbc, tx, dataSource);
        }

        @Bean
        @Order(0)
        SecurityFilterChain slowWriteDoor(HttpSecurity http) throws Exception {
            http.securityMatcher("/test/**").csrf(c -> c.disable()).authorizeHttpRequests(a -> a.anyRequest().permitAll());
            return http.build();
        }
    }
}
