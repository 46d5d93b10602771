package io.infodesk.monitoring.web;

import io.infodesk.monitoring.Topic;
import io.infodesk.monitoring.internal.Scheme;

/** The scheme form: the groups as typed (words separated by spaces, commas, 、 or new lines). */
public class SchemeForm {

	private String code;

	private String name;

	private boolean relevant;

	private Topic topic;

	private Integer classNo;

	private Scheme.Logic logic = Scheme.Logic.AND;

	private Integer proximity;

	private int weight = 2;

	private String region;

	private String subject;

	private String event;

	private String exclusion;

	private boolean enabled = true;

	static SchemeForm of(Scheme s) {
		SchemeForm form = new SchemeForm();
		form.code = s.code();
		form.name = s.name();
		form.relevant = s.relevant();
		form.topic = s.topic();
		form.classNo = s.classNo();
		form.logic = s.logic();
		form.proximity = s.proximity();
		form.weight = s.weight();
		form.region = Scheme.joined(s.region());
		form.subject = Scheme.joined(s.subject());
		form.event = Scheme.joined(s.event());
		form.exclusion = Scheme.joined(s.exclusion());
		form.enabled = s.enabled();
		return form;
	}

	Scheme toScheme(Long id) {
		return new Scheme(id, code == null ? null : code.strip(), name == null ? null : name.strip(), relevant, topic,
				classNo, logic == null ? Scheme.Logic.AND : logic, proximity, weight, Scheme.words(region),
				Scheme.words(subject), Scheme.words(event), Scheme.words(exclusion), enabled);
	}

	public String getCode() { return code; }
	public void setCode(String code) { this.code = code; }
	public String getName() { return name; }
	public void setName(String name) { this.name = name; }
	public boolean isRelevant() { return relevant; }
	public void setRelevant(boolean relevant) { this.relevant = relevant; }
	public Topic getTopic() { return topic; }
	public void setTopic(Topic topic) { this.topic = topic; }
	public Integer getClassNo() { return classNo; }
	public void setClassNo(Integer classNo) { this.classNo = classNo; }
	public Scheme.Logic getLogic() { return logic; }
	public void setLogic(Scheme.Logic logic) { this.logic = logic; }
	public Integer getProximity() { return proximity; }
	public void setProximity(Integer proximity) { this.proximity = proximity; }
	public int getWeight() { return weight; }
	public void setWeight(int weight) { this.weight = weight; }
	public String getRegion() { return region; }
	public void setRegion(String region) { this.region = region; }
	public String getSubject() { return subject; }
	public void setSubject(String subject) { this.subject = subject; }
	public String getEvent() { return event; }
	public void setEvent(String event) { this.event = event; }
	public String getExclusion() { return exclusion; }
	public void setExclusion(String exclusion) { this.exclusion = exclusion; }
	public boolean isEnabled() { return enabled; }
	public void setEnabled(boolean enabled) { this.enabled = enabled; }

}
