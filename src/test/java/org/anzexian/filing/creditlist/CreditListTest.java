package org.anzexian.filing.creditlist;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class CreditListTest extends CreditListContract {
}
