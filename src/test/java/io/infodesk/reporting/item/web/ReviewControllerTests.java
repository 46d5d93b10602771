package io.infodesk.reporting.item.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.ItemStatus;
import io.infodesk.reporting.ReportingIntegrationTest;

/** The review chain on the item page, the work inbox with its top-bar count, and the chain settings (S3.1-b). */
class ReviewControllerTests extends ReportingIntegrationTest {

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	@Test
	void drafterSubmitsFromTheItemPageAndTheHeadSeesTheReviewForm() throws Exception {
		InformationItem item = draft(unique("页面送审"));
		verify(item, "publicist");
		Document before = page(get("/reporting/items/" + item.getId()).with(as(user("publicist"))));
		assertThat(before.getElementById("review-submit")).isNotNull();

		mvc.perform(post("/reporting/items/" + item.getId() + "/submit").with(csrf()).with(as(user("publicist"))))
			.andExpect(redirectedUrl("/reporting/items/" + item.getId()))
			.andExpect(flash().attribute("flashSuccess", "已送审，待「科室负责人审核」"));

		Document drafterView = page(get("/reporting/items/" + item.getId()).with(as(user("publicist"))));
		assertThat(drafterView.getElementById("review-form")).isNull();
		assertThat(drafterView.getElementById("item-edit")).isNull();
		assertThat(drafterView.select("#review-steps .rpt-step-current").text()).isEqualTo("1. 科室负责人审核");

		Document headView = page(get("/reporting/items/" + item.getId()).with(as(user("head"))));
		assertThat(headView.select("#review-form input[name=step]").val()).isEqualTo("0");
		assertThat(headView.getElementById("review-approve").text()).isEqualTo("审核通过");
		assertThat(headView.getElementById("review-edit")).isNotNull();
	}

	@Test
	void someoneWhoIsNotTheCurrentReviewerOpensTheItemWithoutReviewForm() throws Exception {
		InformationItem item = submitted(unique("他人环节"));
		Document officeView = page(get("/reporting/items/" + item.getId()).with(as(user("office"))));
		assertThat(officeView.getElementById("review-form")).isNull();
		assertThat(officeView.getElementById("item-edit")).isNull();
		assertThat(officeView.select("#review-steps .rpt-step-current").text()).isEqualTo("1. 科室负责人审核");
	}

	@Test
	void approvingTwiceShowsAClearMessageAndMovesNothing() throws Exception {
		InformationItem item = submitted(unique("页面重复通过"));
		MockHttpServletRequestBuilder approval = post("/reporting/items/" + item.getId() + "/approve").with(csrf())
			.param("round", "1")
			.param("step", "0")
			.with(as(user("head")));
		mvc.perform(approval).andExpect(flash().attribute("flashSuccess", "审核通过，已转「办公室编辑」"));
		mvc.perform(post("/reporting/items/" + item.getId() + "/approve").with(csrf())
			.param("round", "1")
			.param("step", "0")
			.with(as(user("head"))))
			.andExpect(flash().attribute("flashError", "该审核环节已被处理（可能已通过或已退回），请刷新页面查看最新状态"));
		assertThat(items.get(item.getId()).getReviewRole()).isEqualTo("OFFICE_EDITOR");
	}

	@Test
	void returnedItemShowsTheCommentAndTheReviewersChangesToTheDrafter() throws Exception {
		InformationItem item = submitted(unique("页面退回"));
		mvc.perform(post("/reporting/items/" + item.getId() + "/edit").with(csrf())
			.param("title", item.getTitle())
			.param("kind", "GOVERNMENT")
			.param("unitId", String.valueOf(item.getUnitId()))
			.param("body", "科长修改后的正文")
			.param("authors[0].personId", String.valueOf(person("物业管理科", "赵雪").getId()))
			.param("baseRevision", "1")
			.with(as(user("head")))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/reporting/items/" + item.getId() + "/return").with(csrf())
			.param("round", "1")
			.param("step", "0")
			.param("comment", "")
			.with(as(user("head")))).andExpect(flash().attribute("flashError", "退回修改时须填写审核意见"));
		mvc.perform(post("/reporting/items/" + item.getId() + "/return").with(csrf())
			.param("round", "1")
			.param("step", "0")
			.param("comment", "请补充具体小区名称")
			.with(as(user("head")))).andExpect(flash().attribute("flashSuccess", "已退回「赵雪」修改"));

		Document drafterView = page(get("/reporting/items/" + item.getId()).with(as(user("publicist"))));
		assertThat(drafterView.getElementById("return-comment").text()).contains("孙伟", "请补充具体小区名称");
		assertThat(drafterView.getElementById("return-diff").attr("href")).endsWith("from=1&to=2");
		assertThat(drafterView.getElementById("item-status").text()).isEqualTo("退回修改");
		assertThat(drafterView.select("#review-history tbody tr")).hasSize(3);
		assertThat(items.get(item.getId()).getStatus()).isEqualTo(ItemStatus.RETURNED);
	}

	@Test
	void inboxListsTheWorkAndTheTopBarLoadsItsCount() throws Exception {
		InformationItem item = submitted(unique("待办"));
		Document inbox = page(get("/inbox").with(as(user("head"))));
		assertThat(inbox.select("#inbox tbody a").eachText()).contains(item.getTitle());
		assertThat(inbox.getElementById("inbox-link").attr("hx-get")).isEqualTo("/inbox/count");

		Document count = page(get("/inbox/count").header("HX-Request", "true").with(as(user("head"))));
		int shown = Integer.parseInt(count.getElementById("inbox-count").text());
		assertThat(shown).isEqualTo(inbox.select("#inbox tbody tr:not(:has(td[colspan]))").size());
		assertThat(shown).isPositive();

		Document staffCount = page(get("/inbox/count").with(as(user("staff"))));
		assertThat(staffCount.getElementById("inbox-count").text()).isEqualTo("0");
	}

	@Test
	void chainSettingsAreForTheOfficeAndAdministratorsAndRefuseAChainWithoutSignOff() throws Exception {
		mvc.perform(get("/reporting/chains").with(as(user("head")))).andExpect(status().isForbidden());
		Document list = page(get("/reporting/chains").with(as(user("admin"))));
		assertThat(list.getElementById("chain-0").text()).contains("科室负责人审核→办公室编辑→分管领导审签");

		long unit = unitId("城建科");
		Document refused = page(post("/reporting/chains/" + unit + "/edit").with(csrf())
			.param("track", "NORMAL")
			.param("steps", "UNIT_HEAD", "OFFICE_EDITOR", "", "")
			.with(as(user("office"))));
		assertThat(refused.getElementById("chain-error").text()).isEqualTo("最后一个环节须为领导审签（分管领导或局主要领导）");

		mvc.perform(post("/reporting/chains/" + unit + "/edit").with(csrf())
			.param("track", "URGENT")
			.param("steps", "UNIT_HEAD", "BUREAU_LEADER", "", "")
			.with(as(user("office")))).andExpect(redirectedUrl("/reporting/chains"));
		Document after = page(get("/reporting/chains").with(as(user("office"))));
		assertThat(after.getElementById("chain-" + unit).text()).contains("科室负责人审核→局主要领导审签");
		mvc.perform(post("/reporting/chains/" + unit + "/reset").with(csrf()).param("track", "URGENT")
			.with(as(user("office")))).andExpect(redirectedUrl("/reporting/chains"));
	}

	@Test
	void theOfficeSetsTheBulletinChainBureauWideWithoutTouchingTheItemsChains() throws Exception {
		Document list = page(get("/reporting/chains").with(as(user("office"))));
		assertThat(list.getElementById("bulletin-chain").text()).contains("局主要领导审签").contains("系统默认");
		java.util.List<io.infodesk.review.ReviewRole> itemChain = reviewChains.stepsFor(
				InformationItem.DOCUMENT_TYPE, 0L, io.infodesk.review.ReviewTrack.NORMAL);
		try {
			// a chain without a leader's sign-off last is refused, nothing saved
			Document refused = page(post("/reporting/chains/0/edit").with(csrf())
				.param("document", "BULLETIN")
				.param("steps", "OFFICE_EDITOR", "", "", "")
				.with(as(user("office"))));
			assertThat(refused.getElementById("chain-error").text()).isEqualTo("最后一个环节须为领导审签（分管领导或局主要领导）");
			assertThat(page(get("/reporting/chains").with(as(user("office")))).getElementById("bulletin-chain").text())
				.contains("系统默认");
			// bulletins have one chain, the bureau's normal one: a unit's or the urgent track is refused
			mvc.perform(get("/reporting/chains/" + unitId("城建科") + "/edit").param("document", "BULLETIN")
				.with(as(user("office")))).andExpect(status().isBadRequest());
			mvc.perform(get("/reporting/chains/0/edit").param("document", "BULLETIN").param("track", "URGENT")
				.with(as(user("office")))).andExpect(status().isBadRequest());

			mvc.perform(post("/reporting/chains/0/edit").with(csrf())
				.param("document", "BULLETIN")
				.param("steps", "LEADER_IN_CHARGE", "BUREAU_LEADER", "", "")
				.with(as(user("office")))).andExpect(redirectedUrl("/reporting/chains"));
			assertThat(reviewChains.stepsFor(io.infodesk.reporting.bulletin.Bulletin.DOCUMENT_TYPE, unitId("办公室"),
					io.infodesk.review.ReviewTrack.NORMAL))
				.containsExactly(io.infodesk.review.ReviewRole.LEADER_IN_CHARGE, io.infodesk.review.ReviewRole.BUREAU_LEADER);
			assertThat(page(get("/reporting/chains").with(as(user("office")))).getElementById("bulletin-chain").text())
				.contains("分管领导审签→局主要领导审签")
				.doesNotContain("系统默认");
			assertThat(reviewChains.stepsFor(InformationItem.DOCUMENT_TYPE, 0L, io.infodesk.review.ReviewTrack.NORMAL))
				.isEqualTo(itemChain);
		}
		finally {
			// other tests of the shared context expect the default bulletin chain
			mvc.perform(post("/reporting/chains/0/reset").with(csrf()).param("document", "BULLETIN")
				.with(as(user("office")))).andExpect(redirectedUrl("/reporting/chains"));
		}
		assertThat(reviewChains.stepsFor(io.infodesk.reporting.bulletin.Bulletin.DOCUMENT_TYPE, 0L,
				io.infodesk.review.ReviewTrack.NORMAL)).containsExactly(io.infodesk.review.ReviewRole.BUREAU_LEADER);
	}

}
