package io.infodesk.research;

import java.time.LocalDate;
import java.util.List;

/**
 * The outcome of a research topic was used upward (成果转化运用, S3.3-c: adopted by a body or instructed on by a
 * leader) on a day: for assessment, which scores the responsible unit and the group (the lead and the members, in
 * equal shares) by the rule {@code ADOPTION:<level>} or {@code INSTRUCTION:<level>}.
 */
public record TopicOutcomeUsed(long useId, long topicId, Topic.UseKind kind, Topic.UseLevel level, LocalDate on,
		long unitId, List<Author> authors, String title) {

	public TopicOutcomeUsed {
		authors = List.copyOf(authors);
	}

	/** A member of the group (the lead first) with the unit they belonged to. */
	public record Author(long personId, long unitId) {

	}

}
