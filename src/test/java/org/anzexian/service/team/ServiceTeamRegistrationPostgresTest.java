package org.anzexian.service.team;

import org.anzexian.support.PostgresTest;

@PostgresTest
class ServiceTeamRegistrationPostgresTest extends ServiceTeamRegistrationContract {
}
