package io.infodesk.account.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import io.infodesk.account.AccountRuleViolation;
import io.infodesk.account.internal.LoginCompletion;
import io.infodesk.account.internal.SecondFactors;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.text.Texts;

/**
 * The second factor's pages (issue 17): the code asked after the password ({@code /login/factor}), and the enrolment
 * ({@code /account/factor}): a QR code rendered here to PNG with ZXing (nothing from the internet), the secret for
 * typing in by hand, a first code to confirm, then the one-time recovery codes, shown once. A wrong code counts towards
 * the lockout like a wrong password.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class FactorController {

	private static final String CODE_VIEW = "account/factorCode";

	private static final String ENROL_VIEW = "account/factorEnrol";

	private final SecondFactors factors;

	private final LoginCompletion completion;

	private final Texts texts;

	FactorController(SecondFactors factors, LoginCompletion completion, Texts texts) {
		this.factors = factors;
		this.completion = completion;
		this.texts = texts;
	}

	@GetMapping("/login/factor")
	String codeForm(HttpServletRequest request) {
		if (!"verify".equals(LoginCompletion.pending(request))) {
			return "redirect:/";
		}
		return CODE_VIEW;
	}

	@PostMapping("/login/factor")
	String processCode(@RequestParam(required = false) String code, HttpServletRequest request,
			HttpServletResponse response, Model model) throws IOException, ServletException {
		if (!"verify".equals(LoginCompletion.pending(request))) {
			return "redirect:/";
		}
		AuthenticatedUser me = CurrentUser.require();
		if (factors.verify(me.userId(), me.getUsername(), code)) {
			completion.factorPassed(request, response, me);
			return null;
		}
		if (completion.factorFailed(request, me)) {
			return "redirect:/login?error=bad";
		}
		model.addAttribute("codeError", texts.get("account.factor.codeWrong"));
		return CODE_VIEW;
	}

	@GetMapping("/account/factor")
	String enrolForm(HttpServletRequest request, Model model) {
		AuthenticatedUser me = CurrentUser.require();
		if (factors.enrolled(me.userId())) {
			model.addAttribute("enrolled", true);
			model.addAttribute("codesLeft", factors.recoveryCodesLeft(me.userId()));
			return ENROL_VIEW;
		}
		return enrolment(request, model, me);
	}

	@PostMapping("/account/factor")
	String confirm(@RequestParam(required = false) String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		AuthenticatedUser me = CurrentUser.require();
		List<String> codes;
		try {
			codes = factors.confirm(me.userId(), me.getUsername(), code);
		}
		catch (AccountRuleViolation violation) {
			model.addAttribute("codeError", texts.get(violation.messageKey(), violation.args()));
			return enrolment(request, model, me);
		}
		model.addAttribute("recoveryCodes", codes);
		model.addAttribute("continueLogin", "enrol".equals(LoginCompletion.pending(request)));
		return "account/factorCodes";
	}

	/** After the recovery codes were shown to a user who had to enrol at login: the login completes. */
	@PostMapping("/account/factor/continue")
	String continueLogin(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
		AuthenticatedUser me = CurrentUser.require();
		if ("enrol".equals(LoginCompletion.pending(request)) && factors.enrolled(me.userId())) {
			completion.factorPassed(request, response, me);
			return null;
		}
		return "redirect:/";
	}

	@GetMapping(value = "/account/factor/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> qr() throws IOException {
		AuthenticatedUser me = CurrentUser.require();
		String uri = factors.enrolmentUri(me.userId(), me.getUsername());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG).body(png(uri));
	}

	private String enrolment(HttpServletRequest request, Model model, AuthenticatedUser me) {
		String secret = factors.enrolmentSecret(me.userId());
		model.addAttribute("enrolled", false);
		model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").trim());
		model.addAttribute("forced", "enrol".equals(LoginCompletion.pending(request)));
		return ENROL_VIEW;
	}

	static byte[] png(String text) throws IOException {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 240, 240,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
			BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
			for (int y = 0; y < matrix.getHeight(); y++) {
				for (int x = 0; x < matrix.getWidth(); x++) {
					image.setRGB(x, y, matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (WriterException ex) {
			throw new IOException(ex);
		}
	}

}
