package org.anzexian.filing.creditlist;

import org.anzexian.support.PostgresTest;

@PostgresTest
class CreditListPagesPostgresTest extends CreditListPagesContract {
}
