package io.infodesk.organization.web;

import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import io.infodesk.organization.OrgChart;
import io.infodesk.shared.text.Texts;

/**
 * The leadership chart (组织领导示意图, attachment 1; S4-a): an ECharts tree drawn from the JSON of
 * {@code /org/chart/data}, and the same tree as a nested list under it (readable without
 * JavaScript, printable).
 */
@Controller
@RequestMapping("/org/chart")
class ChartController {

	/** One box of the chart as shown: its label, its kind (for colours) and its children. */
	record Box(String name, String kind, List<Box> children) {

	}

	private final OrgChart chart;

	private final Texts texts;

	ChartController(OrgChart chart, Texts texts) {
		this.chart = chart;
		this.texts = texts;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('org:view')")
	String showChart(Model model) {
		model.addAttribute("tree", box(chart.tree(texts.get("chart.root"))));
		return "organization/chart";
	}

	@GetMapping("/data")
	@ResponseBody
	@PreAuthorize("hasAuthority('org:view')")
	Box chartData() {
		return box(chart.tree(texts.get("chart.root")));
	}

	private Box box(OrgChart.Node node) {
		String label = switch (node.kind()) {
			case BUREAU, UNIT -> node.name();
			case LEADER -> node.detail() == null ? node.name() : texts.get("chart.leader", node.name(), node.detail());
			case HEAD -> texts.get("chart.head", node.name());
			case PUBLICIST -> texts.get("chart.publicist", node.name());
			case NO_PUBLICIST -> texts.get("chart.noPublicist");
		};
		return new Box(label, node.kind().name().toLowerCase(Locale.ROOT),
				node.children().stream().map(this::box).toList());
	}

}
