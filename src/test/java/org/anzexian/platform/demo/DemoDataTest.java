package org.anzexian.platform.demo;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class DemoDataTest extends DemoDataContract {
}
