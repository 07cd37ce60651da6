package org.anzexian.platform.engine;

import org.anzexian.support.PostgresTest;

@PostgresTest
class DoorAttackPostgresTest extends DoorAttackContract {
}
