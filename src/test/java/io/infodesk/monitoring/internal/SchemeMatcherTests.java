package io.infodesk.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.infodesk.monitoring.AlertLevel;
import io.infodesk.monitoring.MatchResult;
import io.infodesk.monitoring.Topic;

class SchemeMatcherTests {

	private static Scheme scheme(String code, Scheme.Logic logic, Integer proximity, String region, String subject,
			String event, String exclusion) {
		return new Scheme(null, code, code, false, null, null, logic, proximity, 2, Scheme.words(region),
				Scheme.words(subject), Scheme.words(event), Scheme.words(exclusion), true);
	}

	private static List<String> matched(SchemeMatcher matcher, String text) {
		return matcher.match(text).stream().map(h -> h.scheme().code()).toList();
	}

	@Test
	void andNeedsEveryNonEmptyGroup() {
		SchemeMatcher m = SchemeMatcher.compile(List.of(scheme("A", Scheme.Logic.AND, null, "武进 常州", "开发商", "交房 烂尾", "")));
		assertThat(matched(m, "武进某开发商迟迟不交房")).containsExactly("A");
		assertThat(matched(m, "某开发商迟迟不交房")).isEmpty();
		assertThat(matched(m, "武进开发商举行开盘活动")).isEmpty();
	}

	@Test
	void orNeedsAnyGroup() {
		SchemeMatcher m = SchemeMatcher.compile(List.of(scheme("O", Scheme.Logic.OR, null, "", "物业", "业委会", "")));
		assertThat(matched(m, "小区业委会换届")).containsExactly("O");
		assertThat(matched(m, "物业费又涨了")).containsExactly("O");
		assertThat(matched(m, "今天天气很好")).isEmpty();
	}

	@Test
	void exclusionVoidsTheMatch() {
		SchemeMatcher m = SchemeMatcher.compile(List.of(scheme("N", Scheme.Logic.OR, null, "", "物业", "", "物业税")));
		assertThat(matched(m, "物业公司撤场")).containsExactly("N");
		assertThat(matched(m, "物业税立法进展")).isEmpty();
	}

	@Test
	void proximityWindowKeepsGroupsTogether() {
		SchemeMatcher m = SchemeMatcher.compile(List.of(scheme("P", Scheme.Logic.AND, 10, "", "住建部", "印发", "")));
		assertThat(matched(m, "住建部近日印发通知")).containsExactly("P");
		String far = "住建部" + "某".repeat(30) + "印发";
		assertThat(matched(m, far)).isEmpty();
		assertThat(matched(m, "印发" + "某".repeat(30) + "住建部，住建部再次印发")).containsExactly("P");
	}

	@Test
	void oneAutomatonForAllSchemesSharesWords() {
		SchemeMatcher m = SchemeMatcher.compile(List.of(
				scheme("X", Scheme.Logic.OR, null, "", "工资", "", ""),
				scheme("Y", Scheme.Logic.AND, null, "", "农民工", "工资", ""),
				new Scheme(null, "Z", "Z", false, null, null, Scheme.Logic.OR, null, 1, List.of(), List.of("工资"),
						List.of(), List.of(), false)));
		assertThat(m.size()).isEqualTo(2);
		assertThat(matched(m, "农民工工资专户")).containsExactly("X", "Y");
	}

	@Test
	void fullWidthAndCaseAreNormalisedKeepingPositions() {
		SchemeMatcher m = SchemeMatcher.compile(List.of(scheme("L", Scheme.Logic.OR, null, "", "ppp项目", "", "")));
		List<SchemeMatcher.SchemeHit> hits = m.match("一个ＰＰＰ项目");
		assertThat(hits).hasSize(1);
		assertThat(hits.get(0).words()).containsExactly("ＰＰＰ项目");
	}

	@Test
	void refusesEmptyNotOnlyAndOversizedSchemes() {
		assertThatThrownBy(() -> scheme("E", Scheme.Logic.AND, null, "", "", "", "").validate())
			.isInstanceOfSatisfying(SchemeInvalid.class, e -> assertThat(e.messageKey()).isEqualTo("monitoring.scheme.error.empty"));
		assertThatThrownBy(() -> scheme("E", Scheme.Logic.AND, null, "", " ，、 ", "", "房车").validate())
			.isInstanceOfSatisfying(SchemeInvalid.class, e -> assertThat(e.messageKey()).isEqualTo("monitoring.scheme.error.notOnly"));
		String many = IntStream.range(0, 100_000).mapToObj(i -> "词" + i).collect(Collectors.joining(" "));
		assertThatThrownBy(() -> scheme("E", Scheme.Logic.OR, null, "", many, "", "").validate())
			.isInstanceOfSatisfying(SchemeInvalid.class, e -> assertThat(e.messageKey()).isEqualTo("monitoring.scheme.error.tooMany"));
		assertThatThrownBy(() -> scheme("E", Scheme.Logic.OR, 20, "", "物业", "", "").validate())
			.isInstanceOfSatisfying(SchemeInvalid.class, e -> assertThat(e.messageKey()).isEqualTo("monitoring.scheme.error.proximityOr"));
		DefaultSchemes.all().forEach(Scheme::validate);
	}

	@Test
	void negativityCountsWordsAndHandlesNegation() {
		Negativity n = Negativity.shipped();
		assertThat(n.score("小区环境优美")).isZero();
		assertThat(n.score("开发商拖欠工程款，农民工讨薪无门")).isGreaterThan(0.7);
		assertThat(n.score("本项目不存在拖欠农民工工资问题")).isZero();
		assertThat(n.score("业主不断上访")).isGreaterThan(0.3);
		assertThat(n.score("项目顺利交付，业主满意")).isZero();
		assertThat(n.score("烂尾楼")).isEqualTo(n.score("烂尾"));
	}

	@Test
	void levelsRiseWithWeightTierNegativityAndSpread() {
		AlertLevels levels = AlertLevels.DEFAULT;
		assertThat(levels.level(3, 4, 0.5, 1)).isEqualTo(AlertLevel.GENERAL);
		assertThat(levels.level(3, 4, 0.9, 3)).isEqualTo(AlertLevel.LARGER);
		assertThat(levels.level(3, 1, 0.9, 2)).isEqualTo(AlertLevel.MAJOR);
		assertThat(levels.level(4, 1, 1.0, 6)).isEqualTo(AlertLevel.SEVERE);
		assertThatThrownBy(() -> new AlertLevels(8, 8, 12)).isInstanceOf(SchemeInvalid.class);
	}

	@Test
	void defaultSchemesClassifyHousingTexts() {
		TextAnalysis analysis = Matching.defaults();
		MatchResult delivery = analysis.analyse("1", "", "我们小区说好去年12月交房，到现在还没交，开发商也联系不上");
		assertThat(delivery.relevant()).isTrue();
		assertThat(delivery.topics()).contains(Topic.DELIVERY);
		MatchResult wages = analysis.analyse("2", "讨薪", "工地包工头拖欠我们农民工三个月工资");
		assertThat(wages.topics()).contains(Topic.WAGES);
		assertThat(wages.level()).isNotNull();
		MatchResult property = analysis.analyse("3", "", "小区业委会要换物业公司，老物业拒不撤场");
		assertThat(property.topics()).contains(Topic.PROPERTY);
		MatchResult policy = analysis.analyse("4", "国务院办公厅印发《关于推动未来产业创新发展的实施意见》", "");
		assertThat(policy.classes()).contains(4);
		assertThat(policy.relevant()).isFalse();
		MatchResult firsts = analysis.analyse("5", "武进建成全省首个老旧小区改造数字化平台", "");
		assertThat(firsts.classes()).contains(6);
		assertThat(firsts.relevant()).isTrue();
		MatchResult other = analysis.analyse("6", "市民反映公交站台广告牌损坏", "");
		assertThat(other.relevant()).isFalse();
		assertThat(other.level()).isNull();
		MatchResult software = analysis.analyse("7", "软件交付延期，项目组加班", "");
		assertThat(software.topics()).doesNotContain(Topic.DELIVERY);
	}

}
