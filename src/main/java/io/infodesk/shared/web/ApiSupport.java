package io.infodesk.shared.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

import io.swagger.v3.oas.annotations.media.Schema;

import io.infodesk.shared.time.TimeConfiguration;

/**
 * What every module's REST API controllers share (docs/api.md): pages numbered from 1 with at most
 * {@link #MAX_PAGE_SIZE} rows, and times written with the Asia/Shanghai offset.
 */
public final class ApiSupport {

	public static final int MAX_PAGE_SIZE = 100;

	private ApiSupport() {
	}

	/** One page of a list: {@code page} from 1. */
	public record ApiPage<T>(List<T> content, @Schema(description = "页码，从 1 开始") int page,
			@Schema(description = "每页条数（不超过 100）") int size, @Schema(description = "总条数") long totalElements,
			@Schema(description = "总页数") int totalPages) {

		public static <T, J> ApiPage<J> of(Page<T> page, List<J> content) {
			return new ApiPage<>(content, page.getNumber() + 1, page.getSize(), page.getTotalElements(),
					page.getTotalPages());
		}

	}

	/** The page asked for: {@code page} from 1 (smaller values mean 1), {@code size} between 1 and 100. */
	public static PageRequest pageRequest(int page, int size) {
		return PageRequest.of(Math.max(page, 1) - 1, Math.min(Math.max(size, 1), MAX_PAGE_SIZE));
	}

	/** An instant as the API writes it: {@code 2026-11-27T09:00:00+08:00}. */
	public static OffsetDateTime time(Instant instant) {
		return instant == null ? null : instant.atZone(TimeConfiguration.ZONE).toOffsetDateTime();
	}

}
