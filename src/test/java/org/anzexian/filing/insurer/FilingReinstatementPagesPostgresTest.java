package org.anzexian.filing.insurer;

import org.anzexian.support.PostgresTest;

@PostgresTest
class FilingReinstatementPagesPostgresTest extends FilingReinstatementPagesContract {
}
