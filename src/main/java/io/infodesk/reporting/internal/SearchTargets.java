package io.infodesk.reporting.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.bulletin.Bulletin;
import io.infodesk.reporting.bulletin.BulletinStatus;
import io.infodesk.reporting.item.Angle;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.ItemKind;
import io.infodesk.reporting.item.ItemStatus;
import io.infodesk.reporting.item.SourceTag;
import io.infodesk.reporting.material.Material;
import io.infodesk.reporting.material.MaterialKind;
import io.infodesk.reporting.web.StatusBadges;
import io.infodesk.search.SearchDocument;
import io.infodesk.search.SearchTarget;
import io.infodesk.shared.security.Permissions;

/**
 * The searchable types of the search page: information items, bulletins and materials. Another type adds a
 * {@link SearchTarget} bean like these and is searched, filtered and shown with them.
 */
@Configuration(proxyBeanMethods = false)
class SearchTargets {

	@Bean
	SearchTarget itemSearchTarget() {
		return new SearchTarget() {

			@Override
			public String type() {
				return InformationItem.SEARCH_TYPE;
			}

			@Override
			public Class<? extends SearchDocument> entityType() {
				return InformationItem.class;
			}

			@Override
			public String labelKey() {
				return "reporting.search.type.ITEM";
			}

			@Override
			public int order() {
				return 10;
			}

			@Override
			public Map<String, String> kinds() {
				return labels(ItemKind.values(), "reporting.kind.");
			}

			@Override
			public Map<String, String> statuses() {
				return labels(ItemStatus.values(), "reporting.status.");
			}

			@Override
			public Map<String, Map<String, String>> tagGroups() {
				Map<String, Map<String, String>> groups = new LinkedHashMap<>();
				groups.put("reporting.item.angles", labels(Angle.values(), "reporting.angle."));
				groups.put("reporting.item.sources", labels(SourceTag.values(), "reporting.source."));
				return groups;
			}

			@Override
			public Map<String, String> levels() {
				return labels(AdministrativeLevel.values(), "reporting.level.");
			}

			@Override
			public String link(SearchDocument document) {
				return "/reporting/items/" + ((InformationItem) document).getId();
			}

			@Override
			public String statusClass(SearchDocument document) {
				return StatusBadges.of(((InformationItem) document).getStatus());
			}

		};
	}

	@Bean
	SearchTarget materialSearchTarget() {
		return new SearchTarget() {

			@Override
			public String type() {
				return Material.SEARCH_TYPE;
			}

			@Override
			public Class<? extends SearchDocument> entityType() {
				return Material.class;
			}

			@Override
			public String labelKey() {
				return "reporting.search.type.MATERIAL";
			}

			@Override
			public int order() {
				return 30;
			}

			@Override
			public Map<String, String> kinds() {
				return labels(MaterialKind.values(), "reporting.material.kind.");
			}

			@Override
			public Map<String, String> statuses() {
				return Map.of();
			}

			@Override
			public String link(SearchDocument document) {
				return "/reporting/materials/" + ((Material) document).getId();
			}

		};
	}

	@Bean
	SearchTarget bulletinSearchTarget() {
		return new SearchTarget() {

			@Override
			public String type() {
				return Bulletin.SEARCH_TYPE;
			}

			@Override
			public Class<? extends SearchDocument> entityType() {
				return Bulletin.class;
			}

			@Override
			public String labelKey() {
				return "reporting.search.type.BULLETIN";
			}

			@Override
			public int order() {
				return 20;
			}

			@Override
			public Map<String, String> kinds() {
				Map<String, String> kinds = new LinkedHashMap<>();
				kinds.put("REGULAR", "reporting.bulletin.kind.regular");
				kinds.put("SUPPLEMENT", "reporting.bulletin.kind.supplement");
				return kinds;
			}

			@Override
			public Map<String, String> statuses() {
				return labels(BulletinStatus.values(), "reporting.bulletin.status.");
			}

			@Override
			public String permission() {
				return Permissions.REPORTING_BULLETIN_VIEW;
			}

			@Override
			public String link(SearchDocument document) {
				return "/reporting/bulletins/" + ((Bulletin) document).getId();
			}

			@Override
			public String statusClass(SearchDocument document) {
				return ((Bulletin) document).getStatus() == BulletinStatus.ISSUED ? "text-bg-success" : "text-bg-secondary";
			}

		};
	}

	static Map<String, String> labels(Enum<?>[] values, String prefix) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (Enum<?> value : values) {
			labels.put(value.name(), prefix + value.name());
		}
		return labels;
	}

}
