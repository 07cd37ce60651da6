package org.anzexian.service.visit;

import org.anzexian.support.PostgresTest;

@PostgresTest
class VisitListPostgresTest extends VisitListContract {
}
