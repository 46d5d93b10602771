/**
 * Training of the publicist team (S4-b of REQUIREMENTS.md, issue 15 points 4 and 6): practical training sessions in
 * writing, photography, editing, video cutting, new media, opinion response and Xuexi Qiangguo, attendance, the
 * per-person records and profiles, and the units whose publicists missed training.
 */
package io.infodesk.training;
