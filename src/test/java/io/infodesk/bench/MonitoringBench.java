package io.infodesk.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.infodesk.monitoring.MatchResult;
import io.infodesk.monitoring.Topic;
import io.infodesk.monitoring.internal.DefaultSchemes;
import io.infodesk.monitoring.internal.Matching;
import io.infodesk.monitoring.internal.Scheme;
import io.infodesk.monitoring.internal.SchemeMatcher;
import io.infodesk.monitoring.internal.TextAnalysis;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitoring benchmark of issue 14 ("Performance"), run by {@code bench/run-monitoring.sh}; a main class, never a
 * unit test. One thread (one core):
 * <ol>
 * <li><b>scheme matching</b>: the shipped default schemes plus generated schemes (AND groups, NOT words, a proximity
 * window) up to 10,000 scheme words, compiled into the one Aho-Corasick automaton, applied with the whole scheme logic
 * to items of ~600 characters (the texts of the labelled sample with generated Chinese filler); warm-up, then 5 timed
 * rounds, the median in million characters per second; the <b>baseline</b> a naive {@code String.indexOf} loop over
 * the same 10,000 words on the same items (fewer of them: it is slow), and the ratio;</li>
 * <li><b>classification quality</b> on the labelled sample {@code bench/monitoring-labelled.jsonl} (citizen messages
 * and news headlines written by the project, labelled by hand): precision, recall and F1 of relevance (住建领域 or a
 * hot spot) per kind of text, of the hot-spot topics (micro over DELIVERY / WAGES / PROPERTY) and of the six S3.5-b
 * classes (micro), with the shipped default schemes ({@code match --defaults}).</li>
 * </ol>
 * Usage: {@code java … io.infodesk.bench.MonitoringBench [bench/monitoring-labelled.jsonl]}.
 */
public final class MonitoringBench {

	static final int WORDS = 10_000;

	static final String HAN = "住房城乡建设局楼盘业主物业工地工资交付维权小区开发商质量安全施工项目政府部门市民反映问题"
			+ "群众服务管理社区街道工作推进落实发展经济产业企业市场价格信息网络平台活动组织文化教育医疗交通环境";

	public static void main(String[] args) throws Exception {
		Path sample = Path.of(args.length > 0 ? args[0] : "bench/monitoring-labelled.jsonl");
		System.out.printf("MONITORING: %d processors, load average %.1f, max heap %d MB%n",
				Runtime.getRuntime().availableProcessors(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().maxMemory() >> 20);
		List<JsonNode> labelled = read(sample);
		matching(labelled);
		quality(labelled);
	}

	static List<JsonNode> read(Path sample) throws Exception {
		ObjectMapper json = JsonMapper.builder().build();
		List<JsonNode> rows = new ArrayList<>();
		for (String line : Files.readAllLines(sample, StandardCharsets.UTF_8)) {
			if (!line.isBlank()) {
				rows.add(json.readTree(line));
			}
		}
		return rows;
	}

	// ---- throughput ---------------------------------------------------------------------------------

	static void matching(List<JsonNode> labelled) {
		Random random = new Random(42);
		List<Scheme> schemes = new ArrayList<>(DefaultSchemes.all());
		int words = schemes.stream().mapToInt(Scheme::wordCount).sum();
		int n = 0;
		Set<String> seen = new HashSet<>();
		while (words < WORDS) {
			List<String> region = generated(random, 20, seen);
			List<String> subject = generated(random, 200, seen);
			List<String> event = generated(random, 250, seen);
			List<String> exclusion = generated(random, 30, seen);
			boolean and = n % 2 == 0;
			schemes.add(new Scheme(null, "BENCH" + n, "压测方案" + n, false, null, null,
					and ? Scheme.Logic.AND : Scheme.Logic.OR, and && n % 4 == 0 ? 40 : null, 2, and ? region : List.of(),
					subject, event, exclusion, true));
			words += region.size() + subject.size() + event.size() + exclusion.size();
			n++;
		}
		List<String> all = new ArrayList<>();
		schemes.forEach(s -> {
			s.groups().forEach(all::addAll);
			all.addAll(s.exclusion());
		});
		long t = System.nanoTime();
		SchemeMatcher matcher = SchemeMatcher.compile(schemes);
		System.out.printf("MONITORING matching: %d schemes, %d words, automaton built in %d ms%n", schemes.size(),
				all.size(), (System.nanoTime() - t) / 1_000_000);

		List<String> items = new ArrayList<>();
		long chars = 0;
		while (chars < 20_000_000) {
			JsonNode row = labelled.get(random.nextInt(labelled.size()));
			StringBuilder text = new StringBuilder(row.get("title").asString()).append('\n')
				.append(row.get("text").asString());
			while (text.length() < 600) {
				text.append(HAN.charAt(random.nextInt(HAN.length())));
				if (random.nextInt(25) == 0) {
					text.append('，');
				}
			}
			items.add(text.toString());
			chars += text.length();
		}
		long hits = 0;
		for (int i = 0; i < 3000; i++) {
			hits += matcher.match(items.get(i)).size();
		}
		double[] rates = new double[5];
		for (int round = 0; round < rates.length; round++) {
			t = System.nanoTime();
			for (String item : items) {
				hits += matcher.match(item).size();
			}
			rates[round] = chars / ((System.nanoTime() - t) / 1e9) / 1e6;
		}
		java.util.Arrays.sort(rates);
		double automaton = rates[2];

		List<String> few = items.subList(0, 2000);
		long fewChars = few.stream().mapToLong(String::length).sum();
		long found = 0;
		for (String item : few.subList(0, 200)) {
			found += naive(item, all);
		}
		double[] naiveRates = new double[3];
		for (int round = 0; round < naiveRates.length; round++) {
			t = System.nanoTime();
			for (String item : few) {
				found += naive(item, all);
			}
			naiveRates[round] = fewChars / ((System.nanoTime() - t) / 1e9) / 1e6;
		}
		java.util.Arrays.sort(naiveRates);
		double baseline = naiveRates[1];
		System.out.printf("MONITORING matching: automaton with the whole scheme logic %.1f M chars/s (median of 5 rounds "
				+ "over %d items, %.1f M chars; min %.1f, max %.1f); baseline indexOf over the %d words %.2f M chars/s "
				+ "(median of 3 over %d items); ratio %.0f× (%d/%d)%n", automaton, items.size(), chars / 1e6, rates[0],
				rates[4], all.size(), baseline, few.size(), automaton / baseline, hits % 10, found % 10);
	}

	static int naive(String text, List<String> words) {
		int found = 0;
		for (String word : words) {
			int at = text.indexOf(word);
			while (at >= 0) {
				found++;
				at = text.indexOf(word, at + 1);
			}
		}
		return found;
	}

	static List<String> generated(Random random, int count, Set<String> seen) {
		List<String> words = new ArrayList<>();
		while (words.size() < count) {
			int length = 2 + random.nextInt(3);
			StringBuilder word = new StringBuilder();
			for (int i = 0; i < length; i++) {
				word.append(HAN.charAt(random.nextInt(HAN.length())));
			}
			if (seen.add(word.toString())) {
				words.add(word.toString());
			}
		}
		return words;
	}

	// ---- quality ------------------------------------------------------------------------------------

	static void quality(List<JsonNode> labelled) {
		TextAnalysis analysis = Matching.defaults();
		for (String kind : new String[] { "message", "headline" }) {
			int tp = 0, fp = 0, fn = 0, total = 0;
			for (JsonNode row : labelled) {
				if (!row.get("kind").asString().equals(kind)) {
					continue;
				}
				total++;
				MatchResult result = analyse(analysis, row);
				boolean expected = row.get("relevant").asBoolean();
				if (result.relevant() && expected) {
					tp++;
				}
				else if (result.relevant()) {
					fp++;
					System.out.println("MONITORING false positive: " + row.get("title").asString());
				}
				else if (expected) {
					fn++;
					System.out.println("MONITORING missed: " + row.get("title").asString());
				}
			}
			print("relevance (" + kind + ", " + total + " texts)", tp, fp, fn);
		}
		int[] topics = new int[3];
		int[] classes = new int[3];
		for (JsonNode row : labelled) {
			MatchResult result = analyse(analysis, row);
			Set<String> expectedTopics = strings(row.get("topics"));
			Set<String> gotTopics = new LinkedHashSet<>();
			result.topics().forEach((Topic t) -> gotTopics.add(t.name()));
			count(topics, expectedTopics, gotTopics);
			Set<String> expectedClasses = strings(row.get("classes"));
			Set<String> gotClasses = new LinkedHashSet<>();
			result.classes().forEach(c -> gotClasses.add(String.valueOf(c)));
			count(classes, expectedClasses, gotClasses);
		}
		print("hot-spot topics (micro, " + labelled.size() + " texts)", topics[0], topics[1], topics[2]);
		print("S3.5-b classes 1-6 (micro, " + labelled.size() + " texts)", classes[0], classes[1], classes[2]);
	}

	static MatchResult analyse(TextAnalysis analysis, JsonNode row) {
		return analysis.analyse(row.get("id").asString(), row.get("title").asString(), row.get("text").asString());
	}

	static void count(int[] tally, Set<String> expected, Set<String> got) {
		for (String g : got) {
			tally[expected.contains(g) ? 0 : 1]++;
		}
		for (String e : expected) {
			if (!got.contains(e)) {
				tally[2]++;
			}
		}
	}

	static Set<String> strings(JsonNode array) {
		Set<String> values = new LinkedHashSet<>();
		array.forEach(v -> values.add(v.asString()));
		return values;
	}

	static void print(String what, int tp, int fp, int fn) {
		double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
		double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
		double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
		System.out.printf("MONITORING quality %s: precision %.2f, recall %.2f, F1 %.2f (tp %d, fp %d, fn %d)%n", what,
				precision, recall, f1, tp, fp, fn);
	}

}
