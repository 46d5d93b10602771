package io.infodesk.monitoring.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.infodesk.monitoring.MatchJson;
import io.infodesk.monitoring.internal.Matching;
import io.infodesk.monitoring.internal.SchemeInvalid;
import io.infodesk.monitoring.internal.TextAnalysis;

/**
 * {@code POST /api/monitoring/match}: the enabled schemes applied to a list of {@code {id, title, text}} without
 * storing anything (issue 14 point 6); the answer has one {@link MatchJson} per text, in order. At most
 * {@value #MAX_TEXTS} texts of at most {@value #MAX_CHARS} characters each, else 400 with a Chinese message.
 */
@RestController
@RequestMapping(path = "/api/monitoring", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "舆情监测", description = "监测方案匹配")
class MatchApiController {

	static final int MAX_TEXTS = 1000;

	static final int MAX_CHARS = 100_000;

	/** One text to match. */
	record MatchRequest(Object id, String title, String text) {

	}

	private final Matching matching;

	MatchApiController(Matching matching) {
		this.matching = matching;
	}

	@PostMapping(path = "/match", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('monitoring:view')")
	@Operation(summary = "按监测方案匹配文本（不保存）")
	List<MatchJson> match(@RequestBody(required = false) Object body) {
		// read as plain JSON and checked here, after the permission check (a typed body refused before it)
		if (!(body instanceof List<?> list)) {
			throw invalid("monitoring.match.error.empty");
		}
		List<MatchRequest> texts = new java.util.ArrayList<>();
		for (Object element : list) {
			if (!(element instanceof java.util.Map<?, ?> map)) {
				throw invalid("monitoring.match.error.empty");
			}
			texts.add(new MatchRequest(map.get("id"), map.get("title") == null ? null : String.valueOf(map.get("title")),
					map.get("text") == null ? null : String.valueOf(map.get("text"))));
		}
		if (texts.size() > MAX_TEXTS) {
			throw invalid("monitoring.match.error.tooMany", MAX_TEXTS);
		}
		for (MatchRequest text : texts) {
			if (text == null) {
				throw invalid("monitoring.match.error.empty");
			}
			int length = (text.title() == null ? 0 : text.title().length())
					+ (text.text() == null ? 0 : text.text().length());
			if (length > MAX_CHARS) {
				throw invalid("monitoring.match.error.tooLong", MAX_CHARS);
			}
		}
		TextAnalysis analysis = matching.analysis();
		return texts.stream()
			.map(t -> MatchJson.of(t.id(), analysis.analyse(String.valueOf(t.id()), t.title(), t.text())))
			.toList();
	}

	/** Bad input of the match request (the JSON body as a whole): 400 with the message. */
	private static SchemeInvalid invalid(String key, Object... args) {
		return SchemeInvalid.about("body", key, args);
	}

}
