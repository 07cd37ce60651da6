package org.anzexian.platform.migration;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class HazardRevisionTest extends HazardRevisionContract {
}
