package org.anzexian.supervision.assessment;

import org.anzexian.support.PostgresTest;

@PostgresTest
class AssessmentPostgresTest extends AssessmentContract {
}
