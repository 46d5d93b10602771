package io.infodesk.organization.web;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.infodesk.organization.PeriodStatus;

/**
 * What the pages of dated assignments (leaders in charge, publicists) show beside their rows: the
 * period filter's choices and today, the default day to end an assignment on.
 */
@ControllerAdvice(assignableTypes = { LeaderController.class, PublicistController.class })
class PeriodModelAdvice {

	private final Clock clock;

	PeriodModelAdvice(Clock clock) {
		this.clock = clock;
	}

	@ModelAttribute("periods")
	PeriodStatus[] periods() {
		return PeriodStatus.values();
	}

	@ModelAttribute("today")
	LocalDate today() {
		return LocalDate.now(clock);
	}

}
