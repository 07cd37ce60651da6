package org.anzexian.platform.security;

import org.anzexian.support.PostgresTest;

@PostgresTest
class LoginThrottlePostgresTest extends LoginThrottleContract {
}
