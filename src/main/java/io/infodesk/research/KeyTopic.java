package io.infodesk.research;

import java.util.List;

/**
 * One of the district's annual key research topics (区委、区政府、区人大、区政协年度调研重点课题, S3.3-c) that the
 * bureau takes on, with the research topics registered for it.
 */
public record KeyTopic(long id, int year, Topic.Source body, String title, String description, List<Long> topicIds) {

	public KeyTopic {
		topicIds = List.copyOf(topicIds);
	}

}
