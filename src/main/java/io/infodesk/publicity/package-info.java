/**
 * Publicity (宣传报道, S3.2 of REQUIREMENTS.md): the media directory and the coverage register (见报、播出, S3.2-d),
 * whose records assessment scores ({@link io.infodesk.publicity.CoveragePublished}).
 */
package io.infodesk.publicity;
