package org.anzexian.registry;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class RegistryApiTest extends RegistryApiContract {
}
