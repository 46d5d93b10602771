package io.infodesk.audit.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on Spring scheduling for the daily retention purge ({@link AuditRetention}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfiguration {

}
