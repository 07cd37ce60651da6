package org.anzexian.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, for tests that must stop, crash or restart the database (#15) — never
 * the shared server on 5432 that the other tests use. A fresh cluster ({@code initdb}, trust auth, user
 * {@code postgres}) in a temporary directory under {@code /tmp}, listening on 127.0.0.1 on a free port, run with
 * {@code pg_ctl}; {@link #close()} stops it and deletes the directory.
 *
 * <p>PostgreSQL refuses to run as root: when this JVM runs as root (as in CI) the commands run as the
 * {@code postgres} user ({@code runuser -u postgres}) and the directory belongs to it. {@code /tmp} because
 * {@code target/} may lie under a directory that user cannot enter.
 *
 * <p>The binaries: {@code -Danzexian.test.postgres.bin=<dir>}, else the newest {@code /usr/lib/postgresql/<v>/bin},
 * else {@code /usr/local/bin}, {@code /usr/bin}. {@link #available()} is false when none has {@code initdb}.
 */
public final class OwnPostgres implements AutoCloseable {

    public static final String USER = "postgres";

    private final Path bin;
    private final Path directory;
    private final Path data;
    private final Path serverLog;
    public final int port;
    private final boolean asPostgresUser;
    private final Thread stopOnExit;

    private OwnPostgres(Path bin, Path directory, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.directory = directory;
        this.data = directory.resolve("data");
        this.serverLog = directory.resolve("server.log");
        this.port = port;
        this.asPostgresUser = asPostgresUser;
        // a test JVM stopped half-way must not leave a server running
        this.stopOnExit = new Thread(() -> {
            try {
                pgCtl(List.of("stop", "-m", "immediate", "-w", "-t", "10"));
            } catch (RuntimeException ignored) {
                // already stopped
            }
        });
    }

    /** True when {@code initdb} and {@code pg_ctl} were found (and, as root, {@code runuser}). */
    public static boolean available() {
        return binaries().isPresent() && (!runningAsRoot() || Files.isExecutable(Path.of("/usr/sbin/runuser"))
                || Files.isExecutable(Path.of("/sbin/runuser")) || Files.isExecutable(Path.of("/usr/bin/runuser")));
    }

    /** Creates a cluster in a new temporary directory and starts it. */
    public static OwnPostgres start(String name) throws IOException {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException("no initdb found"));
        boolean root = runningAsRoot();
        Path directory = Files.createTempDirectory(Path.of("/tmp"), "anzexian-pg-" + name + "-");
        if (root) {
            UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(directory, users.lookupPrincipalByName(USER));
        }
        OwnPostgres server = new OwnPostgres(bin, directory, AppNode.freePort(), root);
        try {
            server.run(List.of(bin.resolve("initdb").toString(), "-D", server.data.toString(), "-U", USER,
                    "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"), 120);
            Runtime.getRuntime().addShutdownHook(server.stopOnExit);
            server.start();
        } catch (RuntimeException e) {
            server.deleteDirectory();
            throw e;
        }
        return server;
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database) + "?connectTimeout=3", USER, "");
    }

    public void createDatabase(String database) throws SQLException {
        try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
    }

    /**
     * Starts the server and waits until it accepts connections. fsync off: a test server, and a stop in mode
     * immediate kills the server's processes, not the operating system, so what was written survives it.
     */
    public void start() {
        pgCtl(List.of("start", "-w", "-t", "60", "-l", serverLog.toString(), "-o",
                "-c listen_addresses=127.0.0.1 -c port=" + port + " -c unix_socket_directories=" + directory
                        + " -c fsync=off -c max_connections=100"));
    }

    /**
     * Stops the server: {@code fast} rolls back open transactions and disconnects cleanly, {@code immediate} kills
     * every server process at once, as a crash would (recovery from the WAL at the next start).
     */
    public void stop(String mode) {
        pgCtl(List.of("stop", "-m", mode, "-w", "-t", "60"));
    }

    public String serverLogTail(int lines) {
        try {
            List<String> all = Files.exists(serverLog) ? Files.readAllLines(serverLog) : List.of();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(server log unreadable: " + e + ")";
        }
    }

    /** Stops the server (immediate: nothing of it is kept) and deletes its directory. */
    @Override
    public void close() {
        try {
            stop("immediate");
        } catch (RuntimeException alreadyStopped) {
            // nothing to stop
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        deleteDirectory();
    }

    private void deleteDirectory() {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }

    private void pgCtl(List<String> args) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString()));
        command.addAll(args);
        run(command, 90);
    }

    private void run(List<String> command, int timeoutSeconds) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", USER, "--"));
        }
        full.addAll(command);
        try {
            Path output = Files.createTempFile("anzexian-pg-command", ".log");
            try {
                Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile())
                        .directory(Path.of("/tmp").toFile()).start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", full) + " did not end within " + timeoutSeconds
                            + " s:\n" + Files.readString(output));
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", full) + " failed (" + process.exitValue() + "):\n"
                            + Files.readString(output) + "\n" + serverLogTail(20));
                }
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", full), e);
        }
    }

    private static Optional<Path> binaries() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("anzexian.test.postgres.bin");
        if (configured != null) {
            candidates.add(Path.of(configured));
        }
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> installed = Files.list(versions)) {
                installed.filter(version -> version.getFileName().toString().chars().allMatch(Character::isDigit))
                        .sorted(Comparator.comparing((Path version) -> Integer.parseInt(version.getFileName().toString()))
                                .reversed())
                        .forEach(version -> candidates.add(version.resolve("bin")));
            } catch (IOException e) {
                // fall through to the usual places
            }
        }
        candidates.add(Path.of("/usr/local/bin"));
        candidates.add(Path.of("/usr/bin"));
        return candidates.stream()
                .filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
                .findFirst();
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
