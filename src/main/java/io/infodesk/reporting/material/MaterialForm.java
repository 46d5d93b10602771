package io.infodesk.reporting.material;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A clipping of the material library as entered: kind, title, source (outlet, issuing body or speaker), web
 * address, day, tags (separated by commas, 、 or spaces) and text (typed or pasted HTML, sanitized on save).
 */
public record MaterialForm(
		@NotNull(message = "{reporting.material.kind.required}") MaterialKind kind,
		@NotBlank(message = "{reporting.material.title.required}") @Size(max = 200, message = "{reporting.material.title.size}") String title,
		@NotBlank(message = "{reporting.material.source.required}") @Size(max = 200, message = "{reporting.material.source.size}") String source,
		@Size(max = 500, message = "{reporting.material.url.size}") String url,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate publishedOn,
		@Size(max = 300, message = "{reporting.material.tags.size}") String tags,
		@NotBlank(message = "{reporting.material.body.required}") String body) {

	public static MaterialForm blank() {
		return new MaterialForm(MaterialKind.NEWSPAPER, "", "", "", null, "", "");
	}

	public static MaterialForm of(Material material) {
		return new MaterialForm(material.getKind(), material.getTitle(), material.getSource(),
				material.getUrl() == null ? "" : material.getUrl(), material.getPublishedOn(),
				String.join("，", material.getTags()), material.getBody());
	}

}
