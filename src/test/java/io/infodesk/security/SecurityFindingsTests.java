package io.infodesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.Set;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import io.infodesk.account.Role;
import io.infodesk.notification.ChannelKind;
import io.infodesk.notification.NotificationType;
import io.infodesk.notification.Preferences;
import io.infodesk.shared.excel.ExcelReader;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.support.TestUsers;

/**
 * Findings of the security review (issue 17), each failing before its fix: no subresource fires an export or a
 * recomputation (3), notification preferences are audited (5), "send test" says nothing of the target's network and an
 * administrator attaches no channel to another user (7), an account without a person reads no ledger of every unit
 * (8), POI's zip limits are tightened (9). Same context as {@link WebSecurityTests}.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class SecurityFindingsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Preferences preferences;

	@Autowired
	ExcelReader excelReader;

	@Test
	void anEmbeddedImageOrScriptFiresNoExportNorRecomputation() throws Exception {
		AuthenticatedUser office = TestUsers.of(Role.OFFICE_EDITOR);
		mvc.perform(get("/reporting/items/export").header("Sec-Fetch-Dest", "image").with(user(office)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/assessment/recompute").param("from", "2026-01-01").param("to", "2026-12-31")
			.header("Sec-Fetch-Dest", "image")
			.with(user(office))).andExpect(status().isForbidden());
		mvc.perform(get("/reporting/items/export").header("Sec-Fetch-Dest", "script").with(user(office)))
			.andExpect(status().isForbidden());
		// the user's own navigation and htmx still work; static files and the store's images may be embedded
		mvc.perform(get("/reporting/items/export").header("Sec-Fetch-Dest", "document").with(user(office)))
			.andExpect(status().isOk());
		mvc.perform(get("/reporting/items/export").with(user(office))).andExpect(status().isOk());
		mvc.perform(get("/css/app.css").header("Sec-Fetch-Dest", "style")).andExpect(status().isOk());
		mvc.perform(get("/reporting/attachments/999999").header("Sec-Fetch-Dest", "image").with(user(office)))
			.andExpect(status().isNotFound());
	}

	@Test
	void anAccountWithoutAPersonReadsNoUnitsLedgerEntries() throws Exception {
		mvc.perform(get("/assessment/entries").with(user(TestUsers.of(Role.STAFF)))).andExpect(status().isForbidden());
		mvc.perform(get("/assessment/entries/export").with(user(TestUsers.of(Role.PUBLICIST))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/assessment/entries").with(user(TestUsers.of(Role.BUREAU_LEADER)))).andExpect(status().isOk());
	}

	@Test
	void sendTestShowsANeutralErrorAndNoChannelIsAttachedToAnotherUser() throws Exception {
		AuthenticatedUser admin = TestUsers.of(Role.ADMIN);
		long otherUser = jdbc.queryForObject("select min(id) from acc_user", Long.class);
		int before = jdbc.queryForObject("select count(*) from notification_channel", Integer.class);
		var refused = mvc.perform(post("/admin/notification-channels/new").param("kind", "WEBHOOK")
			.param("name", "读取他人通知")
			.param("target", "https://203.0.113.9/collect")
			.param("userId", String.valueOf(otherUser))
			.with(user(admin))
			.with(csrf())).andReturn();
		assertThat(refused.getFlashMap().get("flashError")).asString().contains("只能由本人添加");
		assertThat(jdbc.queryForObject("select count(*) from notification_channel", Integer.class)).isEqualTo(before);

		// the administrator's own channel to a closed port: the test's answer tells nothing of why it failed
		AuthenticatedUser own = new AuthenticatedUser(otherUser, "admin", "{noop}x", "管理员", null, null, null,
				Set.of(Role.ADMIN.name()), Role.ADMIN.permissions(), true, false, false);
		mvc.perform(post("/admin/notification-channels/new").param("kind", "WEBHOOK")
			.param("name", "探测端口")
			.param("target", "http://127.0.0.1:1/probe")
			.param("userId", String.valueOf(otherUser))
			.with(user(own))
			.with(csrf())).andExpect(status().is3xxRedirection());
		long channel = jdbc.queryForObject("select max(id) from notification_channel where name = '探测端口'", Long.class);
		var test = mvc.perform(post("/admin/notification-channels/{id}/test", channel).with(user(own)).with(csrf()))
			.andReturn();
		assertThat(test.getFlashMap().get("flashError")).asString()
			.isEqualTo("测试消息发送失败：请检查渠道地址和密钥，原因已记入服务器日志")
			.doesNotContain("Exception", "Connect", "refused");
		// and what is recorded and shown in the channel list is neutral too: no exception text, no address
		String lastError = jdbc.queryForObject("select last_error from notification_channel where id = ?", String.class,
				channel);
		assertThat(lastError).isEqualTo("无法连接到渠道地址");
		assertThat(jdbc.queryForList("select error from notification_attempt where channel_id = ?", String.class, channel))
			.containsOnly("无法连接到渠道地址");
		assertThat(jdbc.queryForObject("select summary from audit_entry where action = 'NOTIFICATION_TEST_SENT' "
				+ "and entity_id = ? order by seq desc limit 1", String.class, String.valueOf(channel)))
			.doesNotContain("Exception", "127.0.0.1", "refused");
	}

	@Test
	void notificationPreferencesAreAudited() {
		long userId = 4_242_424;
		preferences.save(userId, Map.of(NotificationType.values()[0], Set.of(ChannelKind.EMAIL)), null);
		preferences.setDigest(userId, true);
		assertThat(jdbc.queryForList("select action from audit_entry where entity_type = 'NotificationPreferences' "
				+ "and entity_id = ? order by seq", String.class, String.valueOf(userId)))
			.containsExactly("NOTIFICATION_PREFERENCES_SAVED", "NOTIFICATION_DIGEST_CHANGED");
		assertThat(jdbc.queryForObject("select summary from audit_entry where action = 'NOTIFICATION_PREFERENCES_SAVED' "
				+ "and entity_id = ? order by seq desc limit 1", String.class, String.valueOf(userId)))
			.contains(NotificationType.values()[0].name() + "=EMAIL");
	}

	@Test
	void theZipLimitsOfUploadedWorkbooksAreTightened() {
		assertThat(excelReader).isNotNull();
		assertThat(ZipSecureFile.getMinInflateRatio()).isGreaterThanOrEqualTo(0.02);
		assertThat(ZipSecureFile.getMaxEntrySize()).isLessThanOrEqualTo(100L * 1024 * 1024);
		assertThat(ZipSecureFile.getMaxFileCount()).isLessThanOrEqualTo(1000);
	}

}
