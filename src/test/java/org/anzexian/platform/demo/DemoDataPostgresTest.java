package org.anzexian.platform.demo;

import org.anzexian.support.PostgresTest;

@PostgresTest
class DemoDataPostgresTest extends DemoDataContract {
}
