package org.anzexian.platform.engine.gate;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class DeploymentGateTest extends DeploymentGateContract {
}
