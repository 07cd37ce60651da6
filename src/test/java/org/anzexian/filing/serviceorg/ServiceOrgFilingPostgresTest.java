package org.anzexian.filing.serviceorg;

import org.anzexian.support.PostgresTest;

@PostgresTest
class ServiceOrgFilingPostgresTest extends ServiceOrgFilingContract {
}
