package org.anzexian.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL database of this test JVM's own on the local server (127.0.0.1:5432, user postgres).
 * Named after the JVM's pid and created once. Dropping it while Spring contexts shut down makes
 * their pools hang, so instead each run drops the databases of runs whose JVM no longer lives.
 * Other databases are never touched.
 */
public final class PostgresTestDatabase {

    static final String SERVER = System.getProperty("anzexian.test.postgres.server", "127.0.0.1:5432");
    static final String USER = System.getProperty("anzexian.test.postgres.user", "postgres");
    private static final String PREFIX = "anzexian_test_";
    private static final String NAME = PREFIX + ProcessHandle.current().pid();

    private static volatile String url;

    private PostgresTestDatabase() {
    }

    public static boolean reachable() {
        try (Connection ignored = DriverManager.getConnection(adminUrl(), USER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Creates the database on first use and returns its JDBC URL. */
    public static synchronized String url() {
        if (url == null) {
            try (Connection admin = DriverManager.getConnection(adminUrl(), USER, "");
                    Statement statement = admin.createStatement()) {
                dropLeftovers(statement);
                statement.execute("CREATE DATABASE " + NAME);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create test database " + NAME + " on " + SERVER, e);
            }
            url = "jdbc:postgresql://" + SERVER + "/" + NAME;
        }
        return url;
    }

    public static String user() {
        return USER;
    }

    private static void dropLeftovers(Statement statement) throws SQLException {
        List<String> stale = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(
                "SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
            while (rows.next()) {
                String name = rows.getString(1);
                String pid = name.substring(PREFIX.length());
                boolean alive = pid.chars().allMatch(Character::isDigit)
                        && ProcessHandle.of(Long.parseLong(pid)).isPresent();
                if (!alive || name.equals(NAME)) {
                    stale.add(name);
                }
            }
        }
        for (String name : stale) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static String adminUrl() {
        return "jdbc:postgresql://" + SERVER + "/postgres?connectTimeout=3";
    }
}
