package org.anzexian.registry.organization;

import org.anzexian.support.PostgresTest;

@PostgresTest
class OrganizationAccountPostgresTest extends OrganizationAccountContract {
}
