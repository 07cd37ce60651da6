package org.anzexian.hazard;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class HazardListTest extends HazardListContract {
}
