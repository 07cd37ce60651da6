package org.anzexian.platform.security;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class PasswordPolicyTest extends PasswordPolicyContract {
}
