package org.anzexian.supervision.archive;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class ServiceArchiveTest extends ServiceArchiveContract {
}
