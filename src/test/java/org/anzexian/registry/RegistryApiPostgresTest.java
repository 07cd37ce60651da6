package org.anzexian.registry;

import org.anzexian.support.PostgresTest;

@PostgresTest
class RegistryApiPostgresTest extends RegistryApiContract {
}
