package org.anzexian.filing.serviceorg;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class ServiceOrgFilingTest extends ServiceOrgFilingContract {
}
