package org.anzexian.platform;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class RoleRegrantTest extends RoleRegrantContract {
}
