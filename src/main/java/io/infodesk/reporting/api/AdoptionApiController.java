package io.infodesk.reporting.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import io.infodesk.reporting.outcome.Adoption;
import io.infodesk.reporting.outcome.AdoptionForm;
import io.infodesk.reporting.outcome.Adoptions;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.InformationItems;
import io.infodesk.reporting.outcome.OutcomeFilter;
import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.api.ApiModels.AdoptionJson;
import io.infodesk.reporting.api.ApiModels.AdoptionRequest;
import io.infodesk.reporting.api.ApiModels.PageJson;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.review.ReviewException;

/**
 * Adoptions (采用) over the REST API: the register across items (filters of the page, data scope of the items) and
 * recording an adoption of a submitted item (the office).
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "采用", description = "采用登记")
class AdoptionApiController {

	private final Adoptions adoptions;

	private final InformationItems items;

	private final DataScopes dataScopes;

	private final ApiJson json;

	private final Validator validator;

	AdoptionApiController(Adoptions adoptions, InformationItems items, DataScopes dataScopes, ApiJson json,
			Validator validator) {
		this.adoptions = adoptions;
		this.items = items;
		this.dataScopes = dataScopes;
		this.json = json;
		this.validator = validator;
	}

	@GetMapping("/adoptions")
	@PreAuthorize("hasAuthority('reporting:view')")
	@Operation(summary = "采用登记", description = "数据范围内信息的采用记录，按采用日期倒序分页。")
	PageJson<AdoptionJson> list(@ParameterObject OutcomeFilter filter, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		Page<Adoption> result = adoptions.searchAdoptions(filter, dataScopes.current(), CurrentUser.require(),
				ItemApiController.pageRequest(page, size));
		return json.page(result, json.adoptions(result.getContent()));
	}

	@PostMapping("/items/{itemId}/adoptions")
	@PreAuthorize("hasAuthority('reporting:adopt')")
	@Operation(summary = "登记采用", description = "已报送的信息被刊物采用；日期不能晚于今天，也不能早于首次报送。")
	ResponseEntity<AdoptionJson> create(@PathVariable long itemId, @RequestBody AdoptionRequest request) {
		InformationItem item;
		try {
			item = items.get(itemId);
		}
		catch (ReportingException | ReviewException notFound) {
			throw new ApiNotFound();
		}
		if (!InformationItems.canSee(item, CurrentUser.require(), dataScopes.current())) {
			throw new ApiNotFound();
		}
		AdoptionForm form = ApiValidation.valid(validator, new AdoptionForm(request.outlet(), request.issue(),
				request.level(), request.adoptedOn(), request.evidence()), Map.of());
		Adoption adoption = adoptions.recordAdoption(itemId, form, CurrentUser.require(), dataScopes.current());
		return ResponseEntity.created(URI.create("/api/items/" + itemId)).body(json.adoptions(List.of(adoption)).get(0));
	}

}
