package org.anzexian.underwriting;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class HistoryCleanupTest extends HistoryCleanupContract {
}
