package io.infodesk.account.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.account.AccountRuleViolation;
import io.infodesk.account.AccountStatus;
import io.infodesk.account.Accounts;
import io.infodesk.account.IssuedPassword;
import io.infodesk.account.Role;
import io.infodesk.account.UserAccount;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.audit.AuditTrail;
import io.infodesk.organization.Organization;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.DateFormats;
import io.infodesk.shared.web.FlashActions;
import io.infodesk.shared.web.FormErrors;
import io.infodesk.shared.web.ListSupport;

/**
 * The administrator's account pages (issue item 5, GB/T 22239 identification and access
 * control): list with filter, pagination and Excel export; create with an initial password shown
 * once; edit name, person and roles; reset a password; lock, unlock, disable, enable.
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasAuthority('account:user:manage')")
class UserAdminController {

	private static final String LIST = "account/userList";

	private static final String FORM = "account/userForm";

	private static final DateTimeFormatter DATE_TIME = DateFormats.MINUTES;

	private final Accounts accounts;

	private final Organization organization;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	UserAdminController(Accounts accounts, Organization organization, AuditTrail audit, Texts texts,
			Clock clock) {
		this.accounts = accounts;
		this.organization = organization;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	/** One line of the account list. */
	record UserRow(UserAccount account, PersonDirectory.PersonRef person, AccountStatus status, String roles,
			String lastLogin, String lockedUntil) {
	}

	// ---- list and export -----------------------------------------------------------------------

	@GetMapping
	String list(@ModelAttribute("filter") UserFilter filter, @RequestParam(defaultValue = "1") int page, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Page<UserAccount> found = accounts.search(filter.toFilter(), ListSupport.page(page, Sort.by("username")));
		PersonDirectory directory = new PersonDirectory(organization);
		Instant now = Instant.now(clock);
		ListSupport.addPage(model, found, found.map(account -> row(account, directory, now)).getContent(),
				ListSupport.Links.of("/admin/users", request));
		model.addAttribute("roles", Role.values());
		model.addAttribute("statuses", AccountStatus.values());
		return ListSupport.view(request, response, "account/fragments :: userTable", LIST);
	}

	@GetMapping("/export")
	void export(@ModelAttribute("filter") UserFilter filter, HttpServletResponse response) throws IOException {
		List<UserAccount> found = accounts.searchAll(filter.toFilter());
		PersonDirectory directory = new PersonDirectory(organization);
		Instant now = Instant.now(clock);
		List<String> headers = List.of(texts.get("account.user.username"), texts.get("account.user.displayName"),
				texts.get("account.user.person"), texts.get("account.user.unit"), texts.get("account.user.roles"),
				texts.get("common.status"), texts.get("account.user.lastLogin"), texts.get("account.user.createdAt"));
		List<List<String>> rows = new ArrayList<>();
		for (UserAccount account : found) {
			UserRow row = row(account, directory, now);
			rows.add(List.of(account.getUsername(), account.getDisplayName(),
					row.person() == null ? "" : row.person().name(), row.person() == null ? "" : row.person().unitName(),
					row.roles(), texts.get("account.status." + row.status().name()), row.lastLogin(),
					DATE_TIME.format(account.getCreatedAt())));
		}
		audit.record("ACCOUNTS_EXPORTED", "UserAccount", null, texts.get("account.audit.exported", found.size()));
		String filename = texts.get("account.user.exportFile") + "-" + LocalDate.now(clock) + ".xlsx";
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
		response.getOutputStream().write(ExcelExporter.table(texts.get("account.user.exportSheet"), headers, rows));
	}

	// ---- create and edit -----------------------------------------------------------------------

	@GetMapping("/new")
	String initCreationForm(Model model) {
		model.addAttribute("form", NewUserForm.empty());
		return creationForm(model, null);
	}

	@PostMapping("/new")
	String processCreationForm(@Valid @ModelAttribute("form") NewUserForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasFieldErrors("username") && accounts.usernameTaken(form.username())) {
			result.rejectValue("username", "account.user.username.taken", new Object[] { form.username().trim() }, null);
		}
		if (result.hasErrors()) {
			return creationForm(model, form.personId());
		}
		IssuedPassword issued;
		try {
			issued = accounts.create(form.username(), form.displayName(), form.personId(), form.roles());
		}
		catch (AccountRuleViolation violation) {
			FormErrors.reject(result, violation);
			return creationForm(model, form.personId());
		}
		issue(redirect, issued, "account.user.issued.created");
		return "redirect:/admin/users";
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(@PathVariable long id, Model model) {
		UserAccount account = require(id);
		model.addAttribute("form", UserForm.of(account));
		return updateForm(model, account, account.getPersonId());
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(@PathVariable long id, @Valid @ModelAttribute("form") UserForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		UserAccount account = require(id);
		if (result.hasErrors()) {
			return updateForm(model, account, form.personId());
		}
		try {
			accounts.update(id, form.displayName(), form.personId(), form.roles());
		}
		catch (AccountRuleViolation violation) {
			FormErrors.reject(result, violation);
			return updateForm(model, account, form.personId());
		}
		redirect.addFlashAttribute("flashSuccess", texts.get("common.saved"));
		return "redirect:/admin/users";
	}

	// ---- row actions ---------------------------------------------------------------------------

	@PostMapping("/{id}/reset-password")
	String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
		return FlashActions.run(texts, redirect, "/admin/users", () -> {
			issue(redirect, accounts.resetPassword(id), "account.user.issued.reset");
			return null;
		});
	}

	@PostMapping("/{id}/lock")
	String lock(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, accounts::lock, "account.user.locked", redirect);
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, accounts::unlock, "account.user.unlocked", redirect);
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, accounts::disable, "account.user.disabled", redirect);
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, accounts::enable, "account.user.enabled", redirect);
	}

	@PostMapping("/{id}/end-sessions")
	String endSessions(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, accounts::endSessions, "account.user.sessionsEnded", redirect);
	}

	// ---- helpers -------------------------------------------------------------------------------

	private String act(long id, LongConsumer action, String doneKey, RedirectAttributes redirect) {
		UserAccount account = require(id);
		return FlashActions.run(texts, redirect, "/admin/users", () -> {
			action.accept(id);
			return texts.get(doneKey, account.getUsername());
		});
	}

	private void issue(RedirectAttributes redirect, IssuedPassword issued, String messageKey) {
		redirect.addFlashAttribute("issuedMessage", texts.get(messageKey, issued.username()));
		redirect.addFlashAttribute("issuedPassword", issued.password());
	}

	private String creationForm(Model model, Long personId) {
		model.addAttribute("creating", true);
		return form(model, personId);
	}

	private String updateForm(Model model, UserAccount account, Long personId) {
		model.addAttribute("creating", false);
		model.addAttribute("account", account);
		return form(model, personId);
	}

	private String form(Model model, Long personId) {
		model.addAttribute("personChoices", new PersonDirectory(organization).choices(personId));
		model.addAttribute("roles", Role.values());
		return FORM;
	}

	private UserAccount require(long id) {
		return accounts.find(id).orElseThrow(() -> AccountRuleViolation.of("account.user.notFound"));
	}

	private UserRow row(UserAccount account, PersonDirectory directory, Instant now) {
		AccountStatus status = account.statusAt(now);
		// a lockout after failed logins ends by itself: show when
		String lockedUntil = status == AccountStatus.LOCKED && !account.isManuallyLocked()
				&& account.getLockedUntil() != null ? DATE_TIME.format(account.getLockedUntil()) : null;
		return new UserRow(account, directory.person(account.getPersonId()), status,
				accounts.roleLabels(account.getRoles()),
				account.getLastLoginAt() == null ? "" : DATE_TIME.format(account.getLastLoginAt()), lockedUntil);
	}

}
