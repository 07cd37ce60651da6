package org.anzexian.filing.insurer;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class FilingReinstatementPagesTest extends FilingReinstatementPagesContract {
}
