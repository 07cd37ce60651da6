package org.anzexian.supervision.casepage;

import org.anzexian.support.PostgresTest;

@PostgresTest
class CasePagesPostgresTest extends CasePagesContract {
}
