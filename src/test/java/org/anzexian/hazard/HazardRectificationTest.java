package org.anzexian.hazard;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class HazardRectificationTest extends HazardRectificationContract {
}
