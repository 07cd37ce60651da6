package org.anzexian.claim;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class ClaimListTest extends ClaimListContract {
}
