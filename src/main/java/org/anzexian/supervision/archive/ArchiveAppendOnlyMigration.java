package org.anzexian.supervision.archive;

import org.anzexian.platform.archive.AppendOnlyTables;
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
        AppendOnlyTables.protect(context.getConnection(), "service_archive", "N6.4", AppendOnlyTrigger.class);
    }
}
