package org.anzexian.filing.creditlist;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class CreditListPagesTest extends CreditListPagesContract {
}
