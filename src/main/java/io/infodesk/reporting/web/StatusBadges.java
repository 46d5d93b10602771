package io.infodesk.reporting.web;

import io.infodesk.reporting.item.ItemStatus;

/** Status as a coloured tag, in the colours bureau staff know from Element UI tags. */
public final class StatusBadges {

	private StatusBadges() {
	}

	public static String of(ItemStatus status) {
		return switch (status) {
			case DRAFT -> "text-bg-secondary";
			case IN_REVIEW -> "text-bg-primary";
			case RETURNED -> "text-bg-warning";
			case SIGNED_OFF -> "text-bg-info";
			case SUBMITTED -> "text-bg-light border";
			case ADOPTED -> "text-bg-success";
		};
	}

}
