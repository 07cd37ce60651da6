package org.anzexian.demo;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class DemoDataTest extends DemoDataContract {
}
