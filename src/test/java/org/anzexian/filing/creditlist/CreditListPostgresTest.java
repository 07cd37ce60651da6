package org.anzexian.filing.creditlist;

import org.anzexian.support.PostgresTest;

@PostgresTest
class CreditListPostgresTest extends CreditListContract {
}
