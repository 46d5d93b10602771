package io.infodesk.reporting.bulletin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Unit;
import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.bulletin.internal.PeriodicalRepository;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.InformationItems;
import io.infodesk.reporting.item.internal.InformationItemRepository;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.text.Strings;
import io.infodesk.shared.text.Texts;

/** The checks of a bulletin form, before {@link Bulletins} writes anything. */
@Component
class BulletinValidation {

	private final PeriodicalRepository periodicals;

	private final InformationItemRepository items;

	private final Organization organization;

	private final Texts texts;

	BulletinValidation(PeriodicalRepository periodicals, InformationItemRepository items, Organization organization,
			Texts texts) {
		this.periodicals = periodicals;
		this.items = items;
		this.organization = organization;
		this.texts = texts;
	}

	/** A bulletin form checked and resolved: what a save writes. */
	record Content(Periodical periodical, boolean supplement, String title, String editorNote,
			String reportTo, String copyTo, int copies, List<BulletinEntry> entries) {

		void writeTo(Bulletin bulletin, Instant now) {
			bulletin.write(periodical, supplement, title, editorNote, reportTo, copyTo, copies, entries, now);
		}

	}

	/**
	 * Checks a form before anything is written: an active periodical, one to {@link BulletinForm#MAX_ITEMS} items,
	 * each visible to the user (or already in the issue) and signed off.
	 */
	Content validate(BulletinForm form, AuthenticatedUser actor, DataScope scope, List<Long> kept) {
		Periodical periodical = periodicals.findById(form.periodicalId())
			.orElseThrow(() -> new ReportingException("periodicalId", "reporting.periodical.notFound",
					form.periodicalId()));
		if (!periodical.isActive()) {
			throw new ReportingException("periodicalId", "reporting.bulletin.periodical.inactive",
					periodical.getName());
		}
		List<Long> ids = form.orderedItemIds();
		if (ids.isEmpty()) {
			throw new ReportingException("itemIds", "reporting.bulletin.items.required");
		}
		if (ids.size() > BulletinForm.MAX_ITEMS) {
			throw new ReportingException("itemIds", "reporting.bulletin.items.tooMany", BulletinForm.MAX_ITEMS);
		}
		Map<Long, InformationItem> found = items.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(InformationItem::getId, Function.identity()));
		List<BulletinEntry> entries = new ArrayList<>();
		for (Long itemId : ids) {
			InformationItem item = found.get(itemId);
			if (item == null || !(InformationItems.canSee(item, actor, scope) || kept.contains(itemId))) {
				throw new ReportingException("itemIds", "reporting.bulletin.item.unavailable", itemId);
			}
			if (!item.getStatus().signedOff()) {
				throw new ReportingException("itemIds", "reporting.bulletin.item.notSignedOff", item.getTitle(),
						texts.label("reporting.status.", item.getStatus()));
			}
			String unitName = organization.unit(item.getUnitId()).map(Unit::getName).orElse(null);
			entries.add(new BulletinEntry(item.getId(), item.getTitle(), item.getBodyText(), unitName));
		}
		return new Content(periodical, Boolean.TRUE.equals(form.supplement()), Strings.blankToNull(form.title()),
				Strings.blankToNull(form.editorNote()), Strings.blankToNull(form.reportTo()), Strings.blankToNull(form.copyTo()), form.copies(),
				entries);
	}

}
