package io.infodesk.publicity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.infodesk.audit.AuditTrail;
import io.infodesk.publicity.internal.OutletRepository;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.PermissionChecks;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Strings;
import io.infodesk.shared.text.Texts;

/**
 * The media directory (媒体名录): outlets with tier, kind and contacts, kept by the office; names are unique. Every
 * change audited. Contacts are shown only to holders of {@link Permissions#PUBLICITY_MEDIA_CONTACTS}.
 */
@Service
@Validated
@Transactional
public class Outlets {

	static final String ENTITY = "Outlet";

	private static final Sort ORDER = Sort.by("tier", "name");

	private final OutletRepository outlets;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	Outlets(OutletRepository outlets, AuditTrail audit, Texts texts, Clock clock) {
		this.outlets = outlets;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	public Outlet create(@Valid OutletForm form, AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.PUBLICITY_MEDIA_MANAGE);
		String name = form.name().strip();
		if (outlets.findByName(name).isPresent()) {
			throw new PublicityException("name", "publicity.outlet.name.taken", name);
		}
		Outlet outlet = outlets.saveAndFlush(new Outlet(name, form.tier(), form.kind(),
				Strings.blankToNull(form.note()), contacts(form), Instant.now(clock)));
		audit.record("PUBLICITY_OUTLET_CREATED", ENTITY, outlet.getId(), texts.get("publicity.audit.outletCreated",
				outlet.getName(), texts.get("publicity.tier." + outlet.getTier())));
		return outlet;
	}

	public Outlet update(long id, @Valid OutletForm form, AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.PUBLICITY_MEDIA_MANAGE);
		Outlet outlet = get(id);
		String name = form.name().strip();
		Optional<Outlet> same = outlets.findByName(name);
		if (same.isPresent() && !same.get().getId().equals(id)) {
			throw new PublicityException("name", "publicity.outlet.name.taken", name);
		}
		outlet.update(name, form.tier(), form.kind(), Strings.blankToNull(form.note()), contacts(form));
		outlets.saveAndFlush(outlet);
		audit.record("PUBLICITY_OUTLET_UPDATED", ENTITY, outlet.getId(), texts.get("publicity.audit.outletUpdated",
				outlet.getName(), texts.get("publicity.tier." + outlet.getTier())));
		return outlet;
	}

	@Transactional(readOnly = true)
	public Outlet get(long id) {
		return outlets.findById(id).orElseThrow(() -> PublicityException.of("publicity.outlet.notFound", id));
	}

	@Transactional(readOnly = true)
	public Optional<Outlet> find(long id) {
		return outlets.findById(id);
	}

	@Transactional(readOnly = true)
	public List<Outlet> all() {
		return outlets.findAll(ORDER);
	}

	@Transactional(readOnly = true)
	public Map<Long, Outlet> byId() {
		return outlets.findAll().stream().collect(Collectors.toMap(Outlet::getId, o -> o));
	}

	private static List<Outlet.Contact> contacts(OutletForm form) {
		return form.contacts()
			.stream()
			.filter(c -> c != null && c.name() != null && !c.name().isBlank())
			.map(c -> new Outlet.Contact(c.name().strip(), Strings.blankToNull(c.role()),
					Strings.blankToNull(c.phone()), Strings.blankToNull(c.email())))
			.toList();
	}

}
