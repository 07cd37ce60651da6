package org.anzexian.underwriting;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class UninsuredListTest extends UninsuredListContract {
}
