package org.anzexian.claim;

import org.anzexian.support.PostgresTest;

@PostgresTest
class ClaimListPostgresTest extends ClaimListContract {
}
