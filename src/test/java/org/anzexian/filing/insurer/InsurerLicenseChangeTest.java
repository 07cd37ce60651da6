package org.anzexian.filing.insurer;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class InsurerLicenseChangeTest extends InsurerLicenseChangeContract {
}
