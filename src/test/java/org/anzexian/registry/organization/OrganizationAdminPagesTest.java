package org.anzexian.registry.organization;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class OrganizationAdminPagesTest extends OrganizationAdminPagesContract {
}
