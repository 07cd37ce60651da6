package org.anzexian.supervision.casepage;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class CasePagesTest extends CasePagesContract {
}
