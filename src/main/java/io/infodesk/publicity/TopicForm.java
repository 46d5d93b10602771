package io.infodesk.publicity;

import java.time.LocalDate;
import java.util.List;

/**
 * A new planning item: {@code points} are the linked plan points as "planId:position" (1-based) of the plans the
 * owner unit's scope sees; {@code personIds} the people in charge.
 */
public record TopicForm(String title, String rationale, Long ownerUnitId, List<Long> personIds, MediaTier targetTier,
		String targetMedia, LocalDate calendarOn, List<String> points) {

}
