/**
 * Research (课题调研, S3.3-a … S3.3-c of REQUIREMENTS.md): paper competitions (调研论文评比) with blind review, the
 * scoring engine they share with training's skills competitions, and the awards published to assessment as
 * {@link io.infodesk.research.PaperAwarded} (issue 15).
 */
package io.infodesk.research;
