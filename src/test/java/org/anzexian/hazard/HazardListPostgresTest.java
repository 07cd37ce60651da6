package org.anzexian.hazard;

import org.anzexian.support.PostgresTest;

@PostgresTest
class HazardListPostgresTest extends HazardListContract {
}
