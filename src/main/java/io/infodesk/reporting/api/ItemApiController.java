package io.infodesk.reporting.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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
import io.infodesk.review.DocumentRef;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.InformationItems;
import io.infodesk.reporting.item.ItemFilter;
import io.infodesk.reporting.item.ItemForm;
import io.infodesk.reporting.ReportingException;
import io.infodesk.review.ReviewChains;
import io.infodesk.reporting.outcome.Submission;
import io.infodesk.reporting.outcome.SubmissionForm;
import io.infodesk.reporting.outcome.Submissions;
import io.infodesk.reporting.api.ApiModels.ItemJson;
import io.infodesk.reporting.api.ApiModels.ItemRequest;
import io.infodesk.reporting.api.ApiModels.ItemSummary;
import io.infodesk.reporting.api.ApiModels.PageJson;
import io.infodesk.reporting.api.ApiModels.ReviewRequest;
import io.infodesk.reporting.api.ApiModels.SubmissionJson;
import io.infodesk.reporting.api.ApiModels.SubmissionRequest;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.review.ReviewException;

/**
 * Information items over the REST API (issue 3 point 10): the register with the page's filters and paging, one
 * item with its review state, drafting, and the transitions — submit for review, approve or return at the current
 * step, record a submission. Same permissions as the pages; an item outside the data scope answers 404.
 */
@RestController
@RequestMapping(path = "/api/items", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "信息", description = "信息台账、起草、逐级审核和报送")
class ItemApiController {

	static final int MAX_PAGE_SIZE = 100;

	private final InformationItems items;

	private final ReviewChains reviewChains;

	private final Submissions submissions;

	private final DataScopes dataScopes;

	private final ApiJson json;

	private final Validator validator;

	ItemApiController(InformationItems items, ReviewChains reviewChains, Submissions submissions, DataScopes dataScopes,
			ApiJson json, Validator validator) {
		this.items = items;
		this.reviewChains = reviewChains;
		this.submissions = submissions;
		this.dataScopes = dataScopes;
		this.json = json;
		this.validator = validator;
	}

	static PageRequest pageRequest(int page, int size) {
		return PageRequest.of(Math.max(page, 1) - 1, Math.min(Math.max(size, 1), MAX_PAGE_SIZE));
	}

	@GetMapping
	@PreAuthorize("hasAuthority('reporting:view')")
	@Operation(summary = "信息台账", description = "与信息台账页面相同的筛选条件，按起草时间倒序分页；只含数据范围内的信息。")
	PageJson<ItemSummary> list(@ParameterObject ItemFilter filter, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		Page<InformationItem> result = items.search(filter, dataScopes.current(), CurrentUser.require(),
				pageRequest(page, size));
		return json.page(result, json.summaries(result.getContent()));
	}

	@GetMapping("/{itemId}")
	@PreAuthorize("hasAuthority('reporting:view')")
	@Operation(summary = "一条信息", description = "含正文、作者、审核进度（round、step）、报送和采用记录。")
	ItemJson get(@PathVariable long itemId) {
		return json.item(visible(itemId));
	}

	@PostMapping
	@PreAuthorize("hasAuthority('reporting:draft')")
	@Operation(summary = "起草信息", description = "新信息为草稿（第 1 版）。")
	ResponseEntity<ItemJson> create(@RequestBody ItemRequest request) {
		ItemForm form = ApiValidation.valid(validator, form(request), Map.of());
		InformationItem item = items.create(form, CurrentUser.require(), dataScopes.current());
		return ResponseEntity.created(URI.create("/api/items/" + item.getId())).body(json.item(item));
	}

	@PostMapping("/{itemId}/submit")
	@PreAuthorize("hasAuthority('reporting:draft')")
	@Operation(summary = "送审", description = "起草人或作者将草稿或退回的信息送入审核流程（普通信息须先有核实记录）。")
	ItemJson submitForReview(@PathVariable long itemId) {
		visible(itemId);
		items.submitForReview(itemId, CurrentUser.require(), dataScopes.current());
		return json.item(items.get(itemId));
	}

	@PostMapping("/{itemId}/approve")
	@PreAuthorize("hasAuthority('reporting:review')")
	@Operation(summary = "审核通过", description = "通过当前环节；round 和 step 取自详情中的 review，已被处理的环节会被拒绝。")
	ItemJson approve(@PathVariable long itemId, @RequestBody ReviewRequest request) {
		visible(itemId);
		reviewChains.approve(InformationItem.ref(itemId), orNone(request.round()), orNone(request.step()),
				request.comment(), CurrentUser.require());
		return json.item(items.get(itemId));
	}

	@PostMapping("/{itemId}/return")
	@PreAuthorize("hasAuthority('reporting:review')")
	@Operation(summary = "退回修改", description = "在当前环节退回起草人，comment 必填。")
	ItemJson returnToDrafter(@PathVariable long itemId, @RequestBody ReviewRequest request) {
		visible(itemId);
		reviewChains.returnToDrafter(InformationItem.ref(itemId), orNone(request.round()), orNone(request.step()),
				request.comment(), CurrentUser.require());
		return json.item(items.get(itemId));
	}

	@PostMapping("/{itemId}/submissions")
	@PreAuthorize("hasAuthority('reporting:submit')")
	@Operation(summary = "登记报送", description = "已审签的信息报送上级单位；首次报送停止当日报送计时并可完成约稿。")
	ResponseEntity<SubmissionJson> recordSubmission(@PathVariable long itemId, @RequestBody SubmissionRequest request) {
		visible(itemId);
		SubmissionForm form = ApiValidation.valid(validator,
				new SubmissionForm(request.bodyId(), request.channel(), request.submittedAt(), request.note()), Map.of());
		Submission submission = submissions.record(itemId, form, CurrentUser.require(), dataScopes.current());
		return ResponseEntity.created(URI.create("/api/items/" + itemId)).body(json.submission(submission));
	}

	/** The item, if it exists and the caller may see it; otherwise 404 (not 403: ids of other units stay unknown). */
	private InformationItem visible(long itemId) {
		InformationItem item;
		try {
			item = items.get(itemId);
		}
		catch (ReportingException | ReviewException notFound) {
			throw new ApiNotFound();
		}
		AuthenticatedUser me = CurrentUser.require();
		DataScope scope = dataScopes.current();
		if (!InformationItems.canSee(item, me, scope)) {
			throw new ApiNotFound();
		}
		return item;
	}

	private static ItemForm form(ItemRequest request) {
		List<ItemForm.AuthorEntry> authors = new ArrayList<>();
		if (request.authors() != null) {
			request.authors()
				.stream()
				.filter(java.util.Objects::nonNull)
				.forEach(author -> authors.add(new ItemForm.AuthorEntry(author.personId(), author.weight())));
		}
		return new ItemForm(request.title(), request.kind(), request.unitId(), request.body(),
				request.angles() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(request.angles()),
				request.sources() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(request.sources()), authors, 0,
				request.solicitationId(), request.urgent(), request.urgentCategory(), request.eventAt());
	}

	/** A request without round or step names no step: refused as a step handled meanwhile. */
	private static int orNone(Integer value) {
		return value == null ? -1 : value;
	}

}
