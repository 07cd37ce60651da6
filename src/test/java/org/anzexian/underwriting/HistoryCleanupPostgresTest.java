package org.anzexian.underwriting;

import org.anzexian.support.PostgresTest;

@PostgresTest
class HistoryCleanupPostgresTest extends HistoryCleanupContract {
}
