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
		// realistic: generated words of the characters that occur in housing texts (the labelled sample, the default
		// schemes), items made of the sample's real sentences
		StringBuilder seenChars = new StringBuilder();
		java.util.Set<Character> distinct = new java.util.LinkedHashSet<>();
		labelled.forEach(row -> (row.get("title").asString() + row.get("text").asString()).chars()
			.filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).forEach(c -> distinct.add((char) c)));
		DefaultSchemes.all().forEach(s -> s.groups().forEach(g -> g.forEach(w -> w.chars().forEach(c -> distinct.add((char) c)))));
		distinct.forEach(seenChars::append);
		matching(labelled, "realistic", seenChars.toString(), true, 20_000_000, 5);
		// worst case (the earlier form of this bench): words and filler drawn from the same 90 characters, so that
		// nearly every position of a text starts several scheme words
		matching(labelled, "dense worst case", HAN, false, 2_000_000, 3);
	}

	static void matching(List<JsonNode> labelled, String name, String alphabet, boolean realFiller, long totalChars,
			int roundCount) {
		Random random = new Random(42);
		List<Scheme> schemes = new ArrayList<>(DefaultSchemes.all());
		int words = schemes.stream().mapToInt(Scheme::wordCount).sum();
		int n = 0;
		Set<String> seen = new HashSet<>();
		while (words < WORDS) {
			List<String> region = generated(random, alphabet, 20, seen);
			List<String> subject = generated(random, alphabet, 200, seen);
			List<String> event = generated(random, alphabet, 250, seen);
			List<String> exclusion = generated(random, alphabet, 30, seen);
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
		System.out.printf("MONITORING matching (%s): %d schemes, %d words of %d characters, automaton built in %d ms%n",
				name, schemes.size(), all.size(), alphabet.length(), (System.nanoTime() - t) / 1_000_000);

		List<String> items = new ArrayList<>();
		long chars = 0;
		while (chars < totalChars) {
			JsonNode row = labelled.get(random.nextInt(labelled.size()));
			StringBuilder text = new StringBuilder(row.get("title").asString()).append('\n')
				.append(row.get("text").asString());
			while (text.length() < 600) {
				if (realFiller) {
					text.append(labelled.get(random.nextInt(labelled.size())).get("text").asString());
				}
				else {
					text.append(HAN.charAt(random.nextInt(HAN.length())));
					if (random.nextInt(25) == 0) {
						text.append('，');
					}
				}
			}
			items.add(text.toString());
			chars += text.length();
		}
		long hits = 0;
		for (int i = 0; i < Math.min(3000, items.size()); i++) {
			hits += matcher.match(items.get(i)).size();
		}
		double[] rates = new double[roundCount];
		for (int round = 0; round < rates.length; round++) {
			t = System.nanoTime();
			for (String item : items) {
				hits += matcher.match(item).size();
			}
			rates[round] = chars / ((System.nanoTime() - t) / 1e9) / 1e6;
		}
		java.util.Arrays.sort(rates);
		double automaton = rates[rates.length / 2];
		long matchedItems = items.stream().limit(2000).filter(i -> !matcher.match(i).isEmpty()).count();

		List<String> few = items.subList(0, Math.min(2000, items.size()));
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
		System.out.printf("MONITORING matching (%s): automaton with the whole scheme logic %.1f M chars/s (median of %d "
				+ "rounds over %d items, %.1f M chars; min %.1f, max %.1f; %d of the first %d items match a scheme); "
				+ "baseline indexOf over the %d words %.2f M chars/s (median of 3 over %d items); ratio %.0f× (%d/%d); "
				+ "load average %.1f%n", name, automaton, roundCount, items.size(), chars / 1e6, rates[0],
				rates[rates.length - 1], matchedItems, few.size(), all.size(), baseline, few.size(), automaton / baseline,
				hits % 10, found % 10, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
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

	static List<String> generated(Random random, String alphabet, int count, Set<String> seen) {
		List<String> words = new ArrayList<>();
		while (words.size() < count) {
			int length = 2 + random.nextInt(3);
			StringBuilder word = new StringBuilder();
			for (int i = 0; i < length; i++) {
				word.append(alphabet.charAt(random.nextInt(alphabet.length())));
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
