package org.anzexian.platform;

import org.anzexian.support.PostgresTest;

@PostgresTest
class RoleRegrantPostgresTest extends RoleRegrantContract {
}
