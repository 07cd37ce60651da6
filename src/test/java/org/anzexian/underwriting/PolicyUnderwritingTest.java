package org.anzexian.underwriting;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class PolicyUnderwritingTest extends PolicyUnderwritingContract {
}
