/**
 * Publicity (宣传报道, S3.2 of REQUIREMENTS.md): the media directory and the coverage register (见报、播出, S3.2-d),
 * whose records assessment scores ({@link io.infodesk.publicity.CoveragePublished}); the annual key-point plans filed
 * with 组织人事科 and their follow-through (S3.2-a); topic planning with the media (S3.2-b); the publicity calendar with
 * computed lunar and solar-term holidays and each user's iCalendar feed (S3.2-c).
 */
package io.infodesk.publicity;
