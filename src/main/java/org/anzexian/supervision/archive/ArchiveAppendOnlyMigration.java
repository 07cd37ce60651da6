package org.anzexian.supervision.archive;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 13: the database itself refuses UPDATE and DELETE on {@code service_archive} (N6.4, DESIGN.md
 * §4), so not even a hand-written statement can change the archive. The trigger differs per database,
 * hence Java rather than SQL: a PL/pgSQL function on PostgreSQL, {@link AppendOnlyTrigger} on H2.
 * Spring Boot hands every {@link JavaMigration} bean to Flyway.
 */
@Component
class ArchiveAppendOnlyMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("13");
    }

    @Override
    public String getDescription() {
        return "service archive append only";
    }

    @Override
    public Integer getChecksum() {
        return 13;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName();
        try (Statement statement = connection.createStatement()) {
            if (product.startsWith("PostgreSQL")) {
                statement.execute("""
                        CREATE FUNCTION service_archive_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            RAISE EXCEPTION 'service_archive is append-only (N6.4): % refused', TG_OP;
                        END
                        $$""");
                statement.execute("CREATE TRIGGER service_archive_append_only BEFORE UPDATE OR DELETE ON service_archive "
                        + "FOR EACH ROW EXECUTE FUNCTION service_archive_refuse_change()");
                statement.execute("CREATE TRIGGER service_archive_no_truncate BEFORE TRUNCATE ON service_archive "
                        + "FOR EACH STATEMENT EXECUTE FUNCTION service_archive_refuse_change()");
            } else if (product.startsWith("H2")) {
                statement.execute("CREATE TRIGGER service_archive_append_only BEFORE UPDATE, DELETE ON service_archive "
                        + "FOR EACH ROW CALL '" + AppendOnlyTrigger.class.getName() + "'");
            } else {
                throw new IllegalStateException("no append-only trigger for " + product);
            }
        }
    }
}
