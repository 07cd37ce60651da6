package org.anzexian.claim;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class ClaimHandlingTest extends ClaimHandlingContract {
}
