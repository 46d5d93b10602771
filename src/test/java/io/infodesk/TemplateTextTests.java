package io.infodesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;

import io.infodesk.support.SourceFiles;

/**
 * No visible text is written into a template (STYLE.md: every visible string is a message key): a text or a
 * visible attribute with letters or Chinese characters must sit where Thymeleaf replaces it. Also no inline
 * script and no {@code on…} handler, which the CSP ({@code script-src 'self'}) would block anyway.
 */
class TemplateTextTests {

	/** Letters of any script (Latin, CJK …) after Thymeleaf's inline expressions are taken out. */
	static final Pattern LETTERS = Pattern.compile("\\p{L}");

	static final Pattern INLINE_EXPRESSION = Pattern.compile("\\[\\[.*?]]|\\[\\(.*?\\)]", Pattern.DOTALL);

	/** Attributes a user sees or hears (tooltips, placeholders, screen readers, confirm dialogs). */
	static final Set<String> VISIBLE_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label",
			"aria-description", "aria-placeholder", "aria-roledescription", "aria-valuetext", "label", "data-confirm");

	/** Attributes that replace an element's whole body, so text written inside is only a design-time sample. */
	static final Set<String> BODY_REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:include",
			"th:substituteby", "th:errors", "data-th-text", "data-th-utext", "data-th-replace", "data-th-insert",
			"data-th-errors");

	static boolean hasLetters(String text) {
		return LETTERS.matcher(INLINE_EXPRESSION.matcher(text).replaceAll("")).find();
	}

	static boolean removesBody(Element element) {
		String remove = element.hasAttr("th:remove") ? element.attr("th:remove") : element.attr("data-th-remove");
		return remove.equals("all") || remove.equals("body") || remove.equals("all-but-first");
	}

	/**
	 * Whether Thymeleaf replaces what is inside {@code element}. {@code th:replace} on {@code <html>} does not
	 * count: a page hands its own {@code <section>} to the layout ({@code ~{::section}}), which is rendered.
	 */
	static boolean bodyReplaced(Element element) {
		for (Element current = element; current != null; current = current.parent()) {
			if (current.nameIs("html") || current instanceof Document) {
				return false;
			}
			boolean textareaField = current.nameIs("textarea") && current.hasAttr("th:field");
			if (removesBody(current) || textareaField || BODY_REPLACING.stream().anyMatch(current::hasAttr)) {
				return true;
			}
		}
		return false;
	}

	static boolean attributeReplaced(Element element, String attribute) {
		if (element.hasAttr("th:" + attribute) || element.hasAttr("data-th-" + attribute)
				|| element.attr("th:attr").matches("(?s).*\\b" + Pattern.quote(attribute) + "\\s*=.*")
				|| element.hasAttr("th:replace") || element.hasAttr("th:remove") && element.attr("th:remove").equals("all")) {
			return true;
		}
		return element.parent() != null && bodyReplaced(element.parent());
	}

	static boolean visibleValue(Element element) {
		String type = element.attr("type").toLowerCase(Locale.ROOT);
		return element.nameIs("input") && Set.of("submit", "button", "reset").contains(type);
	}

	static List<String> hardCodedTextIn(Path file) {
		Document template = SourceFiles.parseTemplate(file);
		List<String> problems = new ArrayList<>();
		NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
			if (node instanceof TextNode text && node.parent() instanceof Element parent) {
				if (parent.nameIs("style") || parent.nameIs("script")) {
					return;
				}
				if (hasLetters(text.text()) && !bodyReplaced(parent)) {
					problems.add(SourceFiles.name(file) + ": text \"" + text.text().strip() + "\" in <" + parent.tagName() + ">");
				}
			}
			if (node instanceof Element element) {
				for (Attribute attribute : element.attributes()) {
					String key = attribute.getKey().toLowerCase(Locale.ROOT);
					boolean visible = VISIBLE_ATTRIBUTES.contains(key) || key.equals("value") && visibleValue(element);
					if (visible && hasLetters(attribute.getValue()) && !attributeReplaced(element, key)) {
						problems.add(SourceFiles.name(file) + ": " + key + "=\"" + attribute.getValue() + "\" on <"
								+ element.tagName() + ">");
					}
				}
			}
		}, template);
		return problems;
	}

	@Test
	void everyTemplateIsChecked() {
		assertThat(SourceFiles.templates()).extracting(SourceFiles::name)
			.contains("src/main/resources/templates/fragments/layout.html",
					"src/main/resources/templates/account/login.html");
	}

	@Test
	void noTemplateHasHardCodedVisibleText() {
		List<String> problems = new ArrayList<>();
		SourceFiles.templates().forEach(file -> problems.addAll(hardCodedTextIn(file)));
		assertThat(problems).as("visible text must come from messages_zh_CN.properties (th:text=\"#{key}\", "
				+ "th:placeholder, th:title …)").isEmpty();
	}

	@Test
	void theCheckFindsTextOutsideThymeleafAndAcceptsSamplesInsideIt(@org.junit.jupiter.api.io.TempDir Path dir)
			throws Exception {
		Path sample = dir.resolve("sample.html");
		java.nio.file.Files.writeString(sample, """
				<html xmlns:th="http://www.thymeleaf.org" th:replace="~{fragments/layout :: layout (#{t}, ~{::section}, 'home')}">
				<body><section>
				  <h1>单位列表</h1>
				  <p th:text="#{ok}">sample</p>
				  <input type="text" placeholder="请输入姓名">
				  <input type="text" th:placeholder="#{ok}" placeholder="sample">
				  <button type="submit" title="Save">42</button>
				  <tr th:fragment="row"><td th:text="${x}">sample</td><td>Edit</td></tr>
				  <span>[[#{inline.key}]]</span> <span>2026-11-27 · 100%</span>
				  <div class="invalid-feedback" th:errors="*{name}">error</div>
				</section></body></html>
				""");
		assertThat(hardCodedTextIn(sample)).hasSize(4)
			.anySatisfy(problem -> assertThat(problem).contains("单位列表"))
			.anySatisfy(problem -> assertThat(problem).contains("请输入姓名"))
			.anySatisfy(problem -> assertThat(problem).contains("Save"))
			.anySatisfy(problem -> assertThat(problem).contains("Edit"));
	}

	@Test
	void noInlineScriptsOrEventHandlers() {
		List<String> problems = new ArrayList<>();
		for (Path file : SourceFiles.templates()) {
			Document template = SourceFiles.parseTemplate(file);
			for (Element script : template.select("script")) {
				if (!script.hasAttr("th:src") && !script.hasAttr("src") || !script.data().isBlank()
						|| !script.text().isBlank()) {
					problems.add(SourceFiles.name(file) + ": inline <script>");
				}
			}
			for (Element element : template.getAllElements()) {
				for (Attribute attribute : element.attributes()) {
					String key = attribute.getKey().toLowerCase(Locale.ROOT);
					if (key.matches("(th:|data-th-)?on[a-z]+") || attribute.getValue().trim().toLowerCase(Locale.ROOT).startsWith("javascript:")) {
						problems.add(SourceFiles.name(file) + ": " + key + "=\"" + attribute.getValue() + "\" on <"
								+ element.tagName() + ">");
					}
				}
			}
		}
		assertThat(problems).as("CSP script-src 'self': put behaviour in static/js/*.js").isEmpty();
	}

}
