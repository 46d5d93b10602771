package io.infodesk.reporting.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.infodesk.shared.web.ApiNotFound;
import io.infodesk.shared.web.ApiValidation;
import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.solicitation.Solicitation;
import io.infodesk.reporting.solicitation.SolicitationFilter;
import io.infodesk.reporting.solicitation.SolicitationForm;
import io.infodesk.reporting.solicitation.Solicitations;
import io.infodesk.reporting.api.ApiModels.PageJson;
import io.infodesk.reporting.api.ApiModels.SolicitationJson;
import io.infodesk.reporting.api.ApiModels.SolicitationRequest;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.review.ReviewException;

/**
 * Solicitations (约稿) over the REST API: the list with the page's filters (state {@code OPEN},
 * {@code DELIVERED_ON_TIME}, {@code DELIVERED_LATE}, {@code MISSED} or {@code DUE_SOON}), one solicitation, and
 * registering one (the office). Visible as on the pages: all-unit scope, a responsible unit in scope, or an owner.
 */
@RestController
@RequestMapping(path = "/api/solicitations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "约稿", description = "约稿登记与状态")
class SolicitationApiController {

	private final Solicitations solicitations;

	private final DataScopes dataScopes;

	private final ApiJson json;

	private final Validator validator;

	SolicitationApiController(Solicitations solicitations, DataScopes dataScopes, ApiJson json, Validator validator) {
		this.solicitations = solicitations;
		this.dataScopes = dataScopes;
		this.json = json;
		this.validator = validator;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('reporting:view')")
	@Operation(summary = "约稿列表", description = "按截止时间排序分页。")
	PageJson<SolicitationJson> list(@ParameterObject SolicitationFilter filter,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		Page<Solicitation> result = solicitations.search(filter, dataScopes.current(), CurrentUser.require(),
				ItemApiController.pageRequest(page, size));
		return json.page(result, json.solicitations(result.getContent()));
	}

	@GetMapping("/{solicitationId}")
	@PreAuthorize("hasAuthority('reporting:view')")
	@Operation(summary = "一条约稿")
	SolicitationJson get(@PathVariable long solicitationId) {
		try {
			return json.solicitations(List.of(solicitations.visible(solicitationId, CurrentUser.require(),
					dataScopes.current()))).get(0);
		}
		catch (ReportingException | ReviewException | AccessDeniedException notVisible) {
			throw new ApiNotFound();
		}
	}

	@PostMapping
	@PreAuthorize("hasAuthority('reporting:solicitation:manage')")
	@Operation(summary = "登记约稿", description = "办公室登记上级单位的约稿：截止时间为北京时间。")
	ResponseEntity<SolicitationJson> create(@RequestBody SolicitationRequest request) {
		SolicitationForm form = ApiValidation.valid(validator,
				new SolicitationForm(request.bodyId(), request.topic(), request.requirements(), request.receivedOn(),
						request.deadline(), request.unitIds(), request.ownerIds()),
				Map.of());
		Solicitation solicitation = solicitations.register(form, CurrentUser.require());
		return ResponseEntity.created(URI.create("/api/solicitations/" + solicitation.getId()))
			.body(json.solicitations(List.of(solicitation)).get(0));
	}

}
