package org.anzexian.platform.archive;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.api.Trigger;

/**
 * Makes the database itself refuse UPDATE and DELETE on an archive table (DESIGN.md §4), for the migrations
 * that create one: a PL/pgSQL function and triggers on PostgreSQL (TRUNCATE too), a Java trigger on H2.
 */
public final class AppendOnlyTables {

    private AppendOnlyTables() {
    }

    /**
     * @param rules    the rule ids the refusal names, e.g. {@code N6.4}
     * @param h2Trigger H2 stores a trigger by its class name: the class must keep its name and package
     */
    public static void protect(Connection connection, String table, String rules, Class<? extends Trigger> h2Trigger)
            throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        try (Statement statement = connection.createStatement()) {
            if (product.startsWith("PostgreSQL")) {
                statement.execute("CREATE FUNCTION " + table + "_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                        + "BEGIN\n"
                        + "    RAISE EXCEPTION '" + table + " is append-only (" + rules + "): % refused', TG_OP;\n"
                        + "END\n"
                        + "$$");
                statement.execute("CREATE TRIGGER " + table + "_append_only BEFORE UPDATE OR DELETE ON " + table
                        + " FOR EACH ROW EXECUTE FUNCTION " + table + "_refuse_change()");
                statement.execute("CREATE TRIGGER " + table + "_no_truncate BEFORE TRUNCATE ON " + table
                        + " FOR EACH STATEMENT EXECUTE FUNCTION " + table + "_refuse_change()");
            } else if (product.startsWith("H2")) {
                statement.execute("CREATE TRIGGER " + table + "_append_only BEFORE UPDATE, DELETE ON " + table
                        + " FOR EACH ROW CALL '" + h2Trigger.getName() + "'");
            } else {
                throw new IllegalStateException("no append-only trigger for " + product);
            }
        }
    }
}
