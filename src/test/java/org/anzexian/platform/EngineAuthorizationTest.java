package org.anzexian.platform;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class EngineAuthorizationTest extends EngineAuthorizationContract {
}
