package dev.pauta;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the running service over real HTTP, on the shipped bundle and one in-memory database shared by every class
 * so marked: they run in one Spring context. Only for classes that decide, read and refuse without publishing a release,
 * signing in wrongly or changing accounts, so they cannot disturb one another.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.datasource.url=jdbc:h2:mem:api;DB_CLOSE_DELAY=-1")
public @interface ApiTest {
}
