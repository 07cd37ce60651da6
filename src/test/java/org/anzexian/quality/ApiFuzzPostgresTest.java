package org.anzexian.quality;

import org.anzexian.support.PostgresTest;

@PostgresTest
class ApiFuzzPostgresTest extends ApiFuzzContract {
}
