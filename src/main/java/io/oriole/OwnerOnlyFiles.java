package io.oriole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Makes the data directory, the embedded database and the log files readable by the account Oriole runs as only
 * (directories {@code rwx------}, files {@code rw-------}), whatever the umask. It runs once the configuration is
 * read but before logging starts and long before H2 opens the database, so those files are created owner-only; a
 * data directory from an older start is tightened the same way. Files created later (rolled logs, H2's trace and
 * temporary files) sit inside these directories, which nobody else can enter. File systems without POSIX permissions are left
 * as they are.
 */
class OwnerOnlyFiles implements EnvironmentPostProcessor, Ordered {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        List<Path> files = new ArrayList<>();
        String logFile = environment.getProperty("logging.file.name");
        if (logFile != null && !logFile.isBlank()) {
            files.add(Path.of(logFile));
        }
        Path database = h2File(environment.getProperty("spring.datasource.url"));
        if (database != null) {
            // H2 takes an empty file for a new database and keeps its permissions.
            files.add(database.resolveSibling(database.getFileName() + ".mv.db"));
        }
        String dataDir = environment.getProperty("oriole.data-dir");
        try {
            if (dataDir != null && !dataDir.isBlank()) {
                tighten(Path.of(dataDir));
            }
            for (Path file : files) {
                createOwnerOnly(file);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot make Oriole's files owner-only", e);
        }
    }

    /** The file path of an embedded H2 database URL ({@code jdbc:h2:file:./data/oriole;…}), or null. */
    static Path h2File(String url) {
        if (url == null || !url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:") || url.startsWith("jdbc:h2:tcp:")
                || url.startsWith("jdbc:h2:ssl:")) {
            return null;
        }
        String path = url.substring("jdbc:h2:".length()).split(";", 2)[0];
        path = path.startsWith("file:") ? path.substring("file:".length()) : path;
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Path.of(path).toAbsolutePath().normalize();
    }

    private static void createOwnerOnly(Path file) throws IOException {
        Path parent = file.toAbsolutePath().normalize().getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, FILE);
        }
        else {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            // The attribute is filtered through the umask; set it again to be sure.
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /** Creates missing directories owner-only, leaving existing parents above the first missing one alone. */
    private static void createDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
        Files.setPosixFilePermissions(directory, DIRECTORY);
    }

    /** The data directory and everything already in it. */
    private static void tighten(Path dataDir) throws IOException {
        createDirectories(dataDir);
        try (Stream<Path> all = Files.walk(dataDir)) {
            for (Path path : all.toList()) {
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                Files.setPosixFilePermissions(path, Files.isDirectory(path) ? DIRECTORY : FILE);
            }
        }
    }

    @Override
    public int getOrder() {
        // After the configuration files are read (ConfigDataEnvironmentPostProcessor), before logging starts.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
