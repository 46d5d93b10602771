package io.infodesk.organization;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The whole application on an in-memory H2 (profile test) with the clock fixed at
 * {@link OrganizationTestConfiguration#NOW}, MockMvc, recorded application events and the
 * {@link OrgFixtures}. All organisation tests share this one context, so each test names its own
 * units and people uniquely.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@RecordApplicationEvents
@Import(OrganizationTestConfiguration.class)
public @interface OrganizationIntegrationTest {

}
