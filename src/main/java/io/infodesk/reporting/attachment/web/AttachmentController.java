package io.infodesk.reporting.attachment.web;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.reporting.attachment.Attachment;
import io.infodesk.reporting.attachment.Attachments;
import io.infodesk.reporting.ReportingException;
import io.infodesk.shared.files.Upload;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.review.ReviewException;
import io.infodesk.shared.web.FlashActions;

/**
 * Files on items and their download (S3.1-b): uploading and removing (whoever may edit the item now — the
 * service decides), and the download of any attachment whose record the user may see.
 */
@Controller
class AttachmentController {

	private final Attachments attachments;

	private final DataScopes dataScopes;

	private final Texts texts;

	AttachmentController(Attachments attachments, DataScopes dataScopes, Texts texts) {
		this.attachments = attachments;
		this.dataScopes = dataScopes;
		this.texts = texts;
	}

	@PostMapping("/reporting/items/{itemId}/attachments")
	@PreAuthorize("hasAuthority('reporting:view')")
	String processUpload(@PathVariable long itemId, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes redirect) {
		AuthenticatedUser me = CurrentUser.require();
		return FlashActions.run(texts, redirect, "/reporting/items/" + itemId + "#attachments", () -> texts.get(
				"reporting.attachment.added",
				attachments.attachToItem(itemId, Upload.of(file), me, dataScopes.current()).getFileName()));
	}

	/** An evidence file (采用证明) added to an adoption recorded earlier, by the office. */
	@PostMapping("/reporting/adoptions/{adoptionId}/evidence")
	@PreAuthorize("hasAuthority('reporting:adopt')")
	String processEvidenceUpload(@PathVariable long adoptionId,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
		AuthenticatedUser me = CurrentUser.require();
		long itemId = attachments.itemOfAdoption(adoptionId);
		return FlashActions.run(texts, redirect, "/reporting/items/" + itemId + "#adoptions", () -> texts.get(
				"reporting.attachment.added",
				attachments.attachEvidence(adoptionId, Upload.of(file), me, dataScopes.current()).getFileName()));
	}

	@GetMapping("/reporting/attachments/{attachmentId}")
	@PreAuthorize("hasAuthority('reporting:view')")
	ResponseEntity<Resource> download(@PathVariable long attachmentId) {
		return attachments.download(attachmentId, CurrentUser.require(), dataScopes.current()).response();
	}

	@PostMapping("/reporting/attachments/{attachmentId}/remove")
	@PreAuthorize("hasAuthority('reporting:view')")
	String processRemove(@PathVariable long attachmentId, RedirectAttributes redirect) {
		AuthenticatedUser me = CurrentUser.require();
		try {
			Attachment removed = attachments.remove(attachmentId, me, dataScopes.current());
			redirect.addFlashAttribute("flashSuccess", texts.get("reporting.attachment.removed", removed.getFileName()));
			return "redirect:" + attachments.pageOf(removed);
		}
		catch (ReportingException | ReviewException refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.args()));
			return "redirect:/reporting/items";
		}
	}

}
