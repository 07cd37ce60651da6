package org.anzexian.registry.organization;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class OrganizationAccountTest extends OrganizationAccountContract {
}
