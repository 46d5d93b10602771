/**
 * Assessment (信息上报考核, attachment 2 of the notice, S2-b): scoring rules the bureau edits as versioned data, an
 * append-only and idempotent points ledger fed by the events of reporting (S3.1-c, S3.1-d), manual adjustments
 * approved by a leader, recomputation from the source records, rankings of units and people, and the 通报.
 */
package io.infodesk.assessment;
