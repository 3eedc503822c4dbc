package dev.pauta;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the running service over real HTTP, on the fixture bundle (the {@code test} profile) and one in-memory
 * database shared by every class so marked: they run in one Spring context. A class that publishes, creates accounts or
 * keys, or signs in wrongly does so under names of its own, asserts release numbers relative to the one it started
 * from and leaves a valid release current, so the others cannot tell it ran.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:api;DB_CLOSE_DELAY=-1",
        // Every class signs in from the same address; SignInThrottleTest tests the address limit in a context of its own.
        "pauta.security.throttle.failures-per-address=1000"})
public @interface ApiTest {
}
