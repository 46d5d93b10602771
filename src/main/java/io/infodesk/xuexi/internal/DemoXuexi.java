package io.infodesk.xuexi.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.web.BusinessException;
import io.infodesk.xuexi.ReportField;
import io.infodesk.xuexi.ReportKind;
import io.infodesk.xuexi.SampleReports;
import io.infodesk.xuexi.XuexiImports;
import io.infodesk.xuexi.XuexiRoster;

/**
 * Demo data of the Xuexi module (profile {@code demo}, only while the roster is empty): the party members of every
 * unit on the roster, then the shipped sample reports — the daily detail (XLSX) and the snapshot (CSV, GBK) of the year
 * to date — imported through {@link XuexiImports} with their two import profiles saved, so the three figures show at
 * once and a new user's upload of the same samples is recognised. The two files are also written to
 * {@code ${infodesk.data-dir}/samples/} ({@link #DAILY_FILE}, {@link #SNAPSHOT_FILE}: {@code data/samples/} of the
 * quick start) for a new user to import, as the README's walk-through says. Runs after the demo organisation (10).
 */
@Component
@Profile("demo")
@Order(40)
class DemoXuexi implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoXuexi.class);

	/** The daily-detail sample in {@code ${infodesk.data-dir}/samples/}. */
	public static final String DAILY_FILE = "xuexi-daily-sample.xlsx";

	/** The snapshot sample (GBK) in {@code ${infodesk.data-dir}/samples/}. */
	public static final String SNAPSHOT_FILE = "xuexi-snapshot-sample.csv";

	private final RosterMemberRepository members;

	private final XuexiRoster roster;

	private final XuexiImports imports;

	private final SampleReports samples;

	private final Path sampleDir;

	DemoXuexi(RosterMemberRepository members, XuexiRoster roster, XuexiImports imports, SampleReports samples,
			@Value("${infodesk.data-dir:./data}") Path dataDir) {
		this.members = members;
		this.roster = roster;
		this.imports = imports;
		this.samples = samples;
		this.sampleDir = dataDir.resolve("samples");
	}

	@Override
	public void run(ApplicationArguments args) {
		if (members.count() > 0) {
			return;
		}
		if (roster.enrol(null, false, DataScope.all()) == 0) {
			log.info("Demo xuexi skipped: the demo organisation is missing");
			return;
		}
		try {
			byte[] daily = samples.dailyXlsx();
			XuexiImports.Staged staged = imports.stage(daily.length, new ByteArrayResource(daily), "学习强国每日明细.xlsx");
			imports.execute(staged.token(), new XuexiImports.Mapping(ReportKind.DAILY, staged.columns(), null),
					"学习强国每日明细（平台导出）");
			byte[] snapshot = samples.snapshotCsv();
			staged = imports.stage(snapshot.length, new ByteArrayResource(snapshot), "学习强国积分统计.csv");
			Map<ReportField, Integer> columns = new EnumMap<>(staged.columns());
			imports.execute(staged.token(), new XuexiImports.Mapping(ReportKind.SNAPSHOT, columns, null),
					"学习强国积分统计（平台导出）");
			write(DAILY_FILE, daily);
			write(SNAPSHOT_FILE, snapshot);
		}
		catch (BusinessException refused) {
			log.warn("Demo xuexi reports not imported: {}", refused.messageKey());
		}
	}

	/** Writes a sample file whole or not at all (written beside, then moved over the old one). */
	private void write(String name, byte[] content) {
		try {
			Files.createDirectories(sampleDir);
			Path partial = Files.createTempFile(sampleDir, name, ".part");
			Files.write(partial, content);
			Files.move(partial, sampleDir.resolve(name), StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			log.warn("Demo xuexi sample {} not written to {}: {}", name, sampleDir, ex.toString());
		}
	}

}
