package org.anzexian.platform.engine;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class ModelRevisionTest extends ModelRevisionContract {
}
