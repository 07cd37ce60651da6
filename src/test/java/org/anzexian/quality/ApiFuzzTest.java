package org.anzexian.quality;

import org.anzexian.support.AnzexianTest;
import org.junit.jupiter.api.Tag;

@AnzexianTest
@Tag("fuzz")
class ApiFuzzTest extends ApiFuzzContract {
}
