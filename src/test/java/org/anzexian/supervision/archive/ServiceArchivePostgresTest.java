package org.anzexian.supervision.archive;

import org.anzexian.support.PostgresTest;

@PostgresTest
class ServiceArchivePostgresTest extends ServiceArchiveContract {
}
