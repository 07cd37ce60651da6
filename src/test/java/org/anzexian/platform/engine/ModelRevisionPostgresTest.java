package org.anzexian.platform.engine;

import org.anzexian.support.PostgresTest;

@PostgresTest
class ModelRevisionPostgresTest extends ModelRevisionContract {
}
