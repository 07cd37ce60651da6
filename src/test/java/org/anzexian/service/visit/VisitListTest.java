package org.anzexian.service.visit;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class VisitListTest extends VisitListContract {
}
