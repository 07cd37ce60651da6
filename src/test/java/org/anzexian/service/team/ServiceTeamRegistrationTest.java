package org.anzexian.service.team;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class ServiceTeamRegistrationTest extends ServiceTeamRegistrationContract {
}
