package org.anzexian.platform.migration;

import org.anzexian.support.PostgresTest;

@PostgresTest
class ProcessMigrationPostgresTest extends ProcessMigrationContract {
}
