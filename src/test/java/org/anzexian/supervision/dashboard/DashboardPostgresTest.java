package org.anzexian.supervision.dashboard;

import org.anzexian.support.PostgresTest;

@PostgresTest
class DashboardPostgresTest extends DashboardContract {
}
