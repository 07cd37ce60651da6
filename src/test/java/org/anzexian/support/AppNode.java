package org.anzexian.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One application JVM on the test classpath and the PostgreSQL profile, its output in a log file: a node of the
 * cluster test, the restart test and the scale benchmark (#15). The node gets its own free HTTP port, the
 * database from {@code url} (user postgres, trust auth) and the admin login {@code demo}/{@link #ADMIN_PASSWORD}.
 */
public final class AppNode {

    public static final String ADMIN_USER = "demo";
    public static final String ADMIN_PASSWORD = "Cluster2026x";

    public final String name;
    public final int port;
    public final Path log;
    private final Process process;
    private volatile boolean killed;

    private AppNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a node; {@code jvmOptions} such as the heap go to the JVM, {@code args} are Spring Boot arguments ({@code --key=value}) after the defaults: WARN
     * logging but INFO for our code, no banner, no history cleanup (a job of no case, README "History cleanup").
     */
    public static AppNode start(String name, String url, Path logs, List<String> jvmOptions, List<String> args)
            throws IOException {
        Files.createDirectories(logs);
        Path log = logs.resolve("node-" + name + ".log");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"),
                "org.anzexian.AnzexianApplication",
                "--server.port=" + port,
                "--spring.profiles.active=postgres",
                "--ANZEXIAN_HISTORY_CLEANUP_ENABLED=false",
                "--logging.level.root=WARN",
                "--logging.level.org.anzexian=INFO",
                "--spring.main.banner-mode=off"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SPRING_DATASOURCE_URL", url);
        env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        env.put("SPRING_DATASOURCE_PASSWORD", "");
        env.put("ANZEXIAN_ADMIN_USER", ADMIN_USER);
        env.put("ANZEXIAN_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process process = builder.start();
        // a JVM stopped half-way (Ctrl-C) takes its nodes with it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new AppNode(name, port, process, log);
    }

    /**
     * Arguments that send a test node's mail to a local test SMTP server: short SMTP timeouts, and an outbox
     * polled every 200 ms whose lease stays above them, so a live send is never doubled.
     */
    public static List<String> mailInto(int smtpPort, Duration lease) {
        return List.of("--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--spring.mail.properties.mail.smtp.connectiontimeout=5000",
                "--spring.mail.properties.mail.smtp.timeout=5000",
                "--spring.mail.properties.mail.smtp.writetimeout=5000",
                "--anzexian.notification.poll-interval=200ms",
                "--anzexian.notification.batch-size=50",
                "--anzexian.notification.lease=" + lease.toSeconds() + "s");
    }

    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits for a line of the node's output starting with {@code prefix}; returns the rest of it. */
    public String awaitLine(String prefix, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            Optional<String> line = lines().stream().filter(l -> l.startsWith(prefix)).findFirst();
            if (line.isPresent()) {
                return line.get().substring(prefix.length()).strip();
            }
            if (!process.isAlive()) {
                throw new AssertionError("node " + name + " exited (" + process.exitValue() + ") before '"
                        + prefix.strip() + "'; log tail:\n" + tail(80));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("node " + name + " printed no '" + prefix.strip() + "' within "
                        + bound.toSeconds() + " s; log tail:\n" + tail(80));
            }
            Thread.sleep(200);
        }
    }

    /** Waits until the node answers HTTP (Spring Boot prints "Started" once it listens). */
    public void awaitStarted(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (lines().stream().noneMatch(l -> l.contains("Started AnzexianApplication"))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("node " + name + " did not start; log tail:\n" + tail(80));
            }
            Thread.sleep(200);
        }
    }

    /** True while the node runs, or once it was killed on purpose. */
    public boolean aliveOrKilled() {
        return killed || process.isAlive();
    }

    /** kill -9. */
    public void kill() throws InterruptedException {
        killed = true;
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    public List<String> lines() {
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    public String tail(int count) {
        List<String> all = lines();
        return String.join("\n", all.subList(Math.max(0, all.size() - count), all.size()));
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
