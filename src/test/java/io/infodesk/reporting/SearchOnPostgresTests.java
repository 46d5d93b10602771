package io.infodesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.infodesk.reporting.item.Angle;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.ItemForm;
import io.infodesk.reporting.item.ItemKind;
import io.infodesk.reporting.item.SourceTag;
import io.infodesk.search.SearchFilter;
import io.infodesk.search.SearchIndex;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.support.OnPostgres;

/**
 * Indexing on commit against real PostgreSQL 17 (S3.1 point 8): what a committed transaction wrote is found at
 * once, a rolled-back one leaves nothing in the index, a committed change replaces the old text, and the demo
 * data written at start-up is searchable.
 */
@OnPostgres
class SearchOnPostgresTests extends ReportingIntegrationTest {

	@Autowired
	SearchIndex search;

	@Autowired
	PlatformTransactionManager transactionManager;

	List<String> titles(String q) {
		AuthenticatedUser office = logIn("office");
		return search.search(SearchFilter.keyword(q), office, dataScopes.current(), PageRequest.of(0, 20))
			.getContent()
			.stream()
			.map(hit -> hit.document().searchTitle())
			.toList();
	}

	ItemForm itemForm(String title, String body, int revision) {
		return new ItemForm(title, ItemKind.GOVERNMENT, unitId("物业管理科"), body, Set.of(Angle.HOT_ISSUE),
				Set.of(SourceTag.CORE_DUTY), new java.util.ArrayList<>(
						List.of(new ItemForm.AuthorEntry(person("物业管理科", "赵雪").getId(), null))), revision);
	}

	@Test
	void committedChangesAreSearchableAndRolledBackOnesNever() {
		String marker = unique("提交");
		AuthenticatedUser publicist = logIn("publicist");
		InformationItem item = items.create(itemForm(marker + "电梯维保", "老旧小区电梯维保全覆盖。", 0), publicist, scope());
		assertThat(titles("电梯 " + marker)).containsExactly(item.getTitle());

		String rolledBack = unique("回滚");
		TransactionTemplate tx = new TransactionTemplate(transactionManager);
		tx.executeWithoutResult(status -> {
			logIn(publicist);
			items.create(itemForm(rolledBack + "电梯维保", "不会提交的草稿。", 0), publicist, scope());
			status.setRollbackOnly();
		});
		assertThat(titles(rolledBack)).isEmpty();

		logIn(publicist);
		items.update(item.getId(), itemForm(marker + "屋面维修", "老旧小区屋面防水维修。", 1), publicist, scope());
		assertThat(titles("电梯 " + marker)).isEmpty();
		assertThat(titles("防水 " + marker)).containsExactly(marker + "屋面维修");
		assertThat(titles("冬季供暖")).as("the demo items written at start-up").isNotEmpty();
	}

}
