package io.infodesk.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A journey test in a real browser: the whole application on a random port with profiles {@code test}
 * (in-memory database, temporary data directory) and {@code demo} (the demo units, people and accounts of
 * the README), driven by headless Chromium through a {@link Browser} parameter. See {@link BrowserExtension}
 * for when it skips and when it fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {

}
