package org.anzexian.quality;

import org.anzexian.support.PostgresTest;
import org.junit.jupiter.api.Tag;

@PostgresTest
@Tag("fuzz")
class ApiFuzzPostgresTest extends ApiFuzzContract {
}
