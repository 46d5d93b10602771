package io.infodesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import com.sun.net.httpserver.HttpServer;

import io.infodesk.monitoring.internal.Clues;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.InformationItems;
import io.infodesk.reporting.item.ItemStatus;
import io.infodesk.shared.security.DataScope;

/**
 * Clues (S3.5-a/b): reported by a publicist with a screenshot, the office notified, edited a second time and turned
 * into a draft information item through reporting's public API (linked back); bad addresses, non-image screenshots
 * and a missing archive reason refused in Chinese with nothing saved; other units' clues not visible; idle watchers.
 */
class ClueTests extends MonitoringIntegrationTest {

	@Autowired
	InformationItems informationItems;

	@Autowired
	Clues clues;

	@Test
	void aClueBecomesADraftInformationItemOfTheReportersUnit() throws Exception {
		var publicist = user("publicist");
		String location = mvc.perform(multipart("/monitoring/clues/new").file(new MockMultipartFile("screenshot", "shot.png",
				"image/png", png()))
			.param("title", "某小区业主在论坛集中反映物业撤场纠纷").param("url", "https://bbs.example.cn/t/123")
			.param("summary", "小区业委会选聘新物业，老物业拒不撤场，业主在论坛发帖百余条。").param("classNo", "3")
			.param("topic", "PROPERTY").with(csrf()).with(as(publicist)))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		long officeId = user("office").userId();
		assertThat(jdbc.queryForObject("select count(*) from notification_inbox where recipient_user_id = ? and type = "
				+ "'MAJOR_INFORMATION' and link = ?", Integer.class, officeId, "/monitoring/clues/" + id)).isEqualTo(1);
		mvc.perform(get("/monitoring/clues/{id}/screenshot", id).with(as(user("head")))).andExpect(status().isOk());
		String page = mvc.perform(get("/monitoring/clues/{id}", id).with(as(user("office"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("clue-draft").contains("来源：https://bbs.example.cn/t/123");

		mvc.perform(post("/monitoring/clues/{id}/edit", id).param("action", "draft").param("kind", "GOVERNMENT")
			.param("title", "物业撤场纠纷引发业主集中反映 我局已介入协调")
			.param("body", "某小区业委会选聘新物业，老物业拒不撤场。\n我局物业管理科已约谈双方，督促依法交接。")
			.with(csrf()).with(as(user("office"))))
			.andExpect(status().is3xxRedirection());
		Long itemId = jdbc.queryForObject("select info_item_id from mon_clue where id = ?", Long.class, id);
		InformationItem item = informationItems.get(itemId);
		assertThat(item.getStatus()).isEqualTo(ItemStatus.DRAFT);
		assertThat(item.getTitle()).isEqualTo("物业撤场纠纷引发业主集中反映 我局已介入协调");
		assertThat(item.getUnitId()).isEqualTo(publicist.unitId());
		assertThat(item.getBody()).contains("<p>我局物业管理科已约谈双方，督促依法交接。</p>");
		assertThat(jdbc.queryForObject("select status from mon_clue where id = ?", String.class, id)).isEqualTo("DRAFTED");
		String done = mvc.perform(get("/monitoring/clues/{id}", id).with(as(publicist)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(done).contains("/reporting/items/" + itemId).contains("已转信息").doesNotContain("clue-draft");
		mvc.perform(post("/monitoring/clues/{id}/archive", id).param("reason", "重复").with(csrf()).with(as(user("office"))))
			.andExpect(status().isBadRequest());
		assertThat(jdbc.queryForList("select action from audit_entry where entity_type = 'MonitoringClue' and entity_id = ?",
				String.class, String.valueOf(id)))
			.contains("MONITORING_CLUE_REPORTED", "MONITORING_CLUE_DRAFTED");
		assertThat(clues.idleWatchers(5, DataScope.all())).noneMatch(w -> w.personId() == publicist.personId());
	}

	@Test
	void badInputIsRefusedInChineseSavingNothing() throws Exception {
		Integer before = jdbc.queryForObject("select count(*) from mon_clue", Integer.class);
		String script = mvc.perform(multipart("/monitoring/clues/new").param("title", "标题").param("url", "javascript:alert(1)")
			.param("summary", "摘要").with(csrf()).with(as(user("staff"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(script).contains("原文地址须为 http:// 或 https:// 开头的网址");
		String pdf = mvc.perform(multipart("/monitoring/clues/new").file(new MockMultipartFile("screenshot", "a.png", "image/png",
				"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF".getBytes()))
			.param("title", "标题").param("summary", "摘要").with(csrf()).with(as(user("staff"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(pdf).contains("clue-errors");
		String empty = mvc.perform(multipart("/monitoring/clues/new").param("title", "").param("summary", "摘要")
			.with(csrf()).with(as(user("staff"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(empty).contains("请填写标题");
		assertThat(jdbc.queryForObject("select count(*) from mon_clue", Integer.class)).isEqualTo(before);

		long id = clues.report(new Clues.Report("外省某地发生脚手架坍塌事故", "http://news.example.cn/1", "造成人员伤亡。", 1, null),
				null, 0, null, user("staff"));
		mvc.perform(post("/monitoring/clues/{id}/archive", id).param("reason", " ").with(csrf()).with(as(user("office"))))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/monitoring/clues/{id}/archive", id).param("reason", "外省事件，已有权威通报，不需上报")
			.with(csrf()).with(as(user("office"))))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select status from mon_clue where id = ?", String.class, id)).isEqualTo("ARCHIVED");
		String list = mvc.perform(get("/monitoring/clues").with(as(user("office"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("外省某地发生脚手架坍塌事故").contains("idle-watchers");
		mvc.perform(get("/monitoring/clues/export").with(as(user("staff")))).andExpect(status().isOk());
		long officeClue = clues.report(new Clues.Report("办公室线索", null, "仅办公室可见。", null, null), null, 0, null,
				user("office"));
		mvc.perform(get("/monitoring/clues/{id}", officeClue).with(as(user("staff")))).andExpect(status().isForbidden());
		mvc.perform(get("/monitoring/clues/{id}", id).with(as(user("publicist")))).andExpect(status().isOk());
	}

	/**
	 * A clue naming an internal address (issue 14 "Bad input": no internal addresses fetched on the server's behalf).
	 * Clues.url accepts any http(s) address with a host — loopback, private, link-local alike, since a clue may point
	 * at an intranet page — stores it as entered and never requests it: a local server on the loopback address named
	 * by the clue receives nothing while the clue is reported, listed, shown, exported, edited and turned into a draft
	 * item. The detail page links it for the reader's own browser only (rel noopener noreferrer). An address with
	 * credentials is refused in Chinese, saving nothing.
	 */
	@Test
	void aClueNamingAnInternalAddressIsStoredButNeverFetchedByTheServer() throws Exception {
		AtomicInteger requests = new AtomicInteger();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			requests.incrementAndGet();
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.start();
		try {
			String internal = "http://127.0.0.1:" + server.getAddress().getPort() + "/oa/notice?id=7";
			var publicist = user("publicist");
			Integer before = jdbc.queryForObject("select count(*) from mon_clue", Integer.class);
			String refused = mvc.perform(multipart("/monitoring/clues/new").param("title", "内网地址带口令")
				.param("url", "http://admin:secret@127.0.0.1:" + server.getAddress().getPort() + "/")
				.param("summary", "摘要").with(csrf()).with(as(publicist)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(refused).contains("原文地址须为 http:// 或 https:// 开头的网址");
			assertThat(jdbc.queryForObject("select count(*) from mon_clue", Integer.class)).isEqualTo(before);

			String location = mvc.perform(multipart("/monitoring/clues/new").param("title", "内网通知转发至业主群引发议论")
				.param("url", internal).param("summary", "有业主把单位内网通知截图转发到业主群，引发议论。").param("classNo", "3")
				.with(csrf()).with(as(publicist)))
				.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
			long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
			assertThat(jdbc.queryForObject("select url from mon_clue where id = ?", String.class, id)).isEqualTo(internal);
			for (String address : List.of("http://10.20.0.8/bbs/t/1", "http://192.168.1.10/", "http://169.254.169.254/latest/meta-data/",
					"https://[::1]:8443/x")) {
				long other = clues.report(new Clues.Report("内网地址线索", address, "摘要。", null, null), null, 0, null, publicist);
				assertThat(jdbc.queryForObject("select url from mon_clue where id = ?", String.class, other)).isEqualTo(address);
			}

			String page = mvc.perform(get("/monitoring/clues/{id}", id).with(as(user("office"))))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(page).contains("href=\"" + internal.replace("&", "&amp;") + "\"").contains("rel=\"noopener noreferrer\"");
			mvc.perform(get("/monitoring/clues").with(as(user("office")))).andExpect(status().isOk());
			mvc.perform(get("/monitoring/clues/export").with(as(user("office")))).andExpect(status().isOk());
			mvc.perform(post("/monitoring/clues/{id}/edit", id).param("action", "draft").param("kind", "GOVERNMENT")
				.param("title", "业主群转发内网通知 我局已说明情况").param("body", "有业主转发内网通知截图。\n我局已在业主群说明情况。")
				.with(csrf()).with(as(user("office"))))
				.andExpect(status().is3xxRedirection());
			assertThat(jdbc.queryForObject("select status from mon_clue where id = ?", String.class, id)).isEqualTo("DRAFTED");
			assertThat(requests.get()).as("requests the server made to the clue's address").isZero();
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void workingDaysSkipWeekends() {
		assertThat(Clues.minusWorkingDays(LocalDate.of(2026, 12, 7), 5)).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(Clues.minusWorkingDays(LocalDate.of(2026, 12, 7), 1)).isEqualTo(LocalDate.of(2026, 12, 4));
	}

	private static byte[] png() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

}
