/**
 * Notifications and reminders: the in-app inbox with its bell, delivery to e-mail and webhook robots, and
 * the reminders that turn every module's deadlines into notifications, so that the "first moment" (第一时间)
 * duties of S3.1-c (same-day urgent reports), S3.5-a (major information captured) and S3.6-a (opinion
 * alerts and case deadlines) and the deadlines of REQUIREMENTS.md reach the people who owe them (issue 5).
 */
package io.infodesk.notification;
