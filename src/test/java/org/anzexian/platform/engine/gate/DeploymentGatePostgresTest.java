package org.anzexian.platform.engine.gate;

import org.anzexian.support.PostgresTest;

@PostgresTest
class DeploymentGatePostgresTest extends DeploymentGateContract {
}
