package io.infodesk.research;

/** The award levels (一等奖, 二等奖, 三等奖), best first; labels {@code research.rank.<NAME>}. */
public enum AwardRank {

	FIRST, SECOND, THIRD

}
