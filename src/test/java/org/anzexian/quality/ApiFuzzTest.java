package org.anzexian.quality;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class ApiFuzzTest extends ApiFuzzContract {
}
