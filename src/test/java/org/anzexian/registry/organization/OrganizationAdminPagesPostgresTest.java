package org.anzexian.registry.organization;

import org.anzexian.support.PostgresTest;

@PostgresTest
class OrganizationAdminPagesPostgresTest extends OrganizationAdminPagesContract {
}
