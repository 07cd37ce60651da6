package org.anzexian.supervision.dashboard;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class DashboardTest extends DashboardContract {
}
