package org.anzexian.supervision.assessment;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class AssessmentTest extends AssessmentContract {
}
