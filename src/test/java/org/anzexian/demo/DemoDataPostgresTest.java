package org.anzexian.demo;

import org.anzexian.support.PostgresTest;

@PostgresTest
class DemoDataPostgresTest extends DemoDataContract {
}
