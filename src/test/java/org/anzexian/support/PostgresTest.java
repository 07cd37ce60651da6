package org.anzexian.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The same application context as {@link AnzexianTest}, on the {@code postgres} profile against a
 * database of this test run's own on the local PostgreSQL (see {@link PostgresTestDatabase}). The
 * profile's variables are given here exactly as an operator would set them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("postgres")
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
@TestPropertySource(properties = {
        "SPRING_DATASOURCE_URL=${anzexian.test.postgres.url}",
        "SPRING_DATASOURCE_USERNAME=postgres",
        "ANZEXIAN_ADMIN_USER=demo",
        "ANZEXIAN_ADMIN_PASSWORD=demo",
        "ANZEXIAN_DEMO_DATA=true"
})
public @interface PostgresTest {
}
