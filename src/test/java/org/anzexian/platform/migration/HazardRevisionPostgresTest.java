package org.anzexian.platform.migration;

import org.anzexian.support.PostgresTest;

@PostgresTest
class HazardRevisionPostgresTest extends HazardRevisionContract {
}
