package org.anzexian.underwriting;

import org.anzexian.support.PostgresTest;

@PostgresTest
class UninsuredListPostgresTest extends UninsuredListContract {
}
