/**
 * Xuexi Qiangguo (学习强国, S3.4): the roster of who must study, the streaming import of the platform's learning
 * reports (daily detail and cumulative snapshot, import profiles recognised by their header row), the district's
 * three figures — registration rate, average daily login rate, every section-level cadre's 5,000 points with a pace
 * line and a year-end forecast (S3.4-b) — and the monthly 通报 (S3.4-a).
 */
package io.infodesk.xuexi;
