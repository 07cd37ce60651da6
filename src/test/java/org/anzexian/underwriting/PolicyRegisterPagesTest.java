package org.anzexian.underwriting;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class PolicyRegisterPagesTest extends PolicyRegisterPagesContract {
}
