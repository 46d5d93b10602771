/**
 * Official documents as DOCX in the layout of GB/T 9704-2012 《党政机关公文格式》 (A4, 版心 156 × 225 mm, red 版头 and
 * separator, 3号仿宋 on a grid of 22 lines × 28 characters, 版记, page numbers): {@link io.infodesk.shared.docx.OfficialDocument}
 * with {@link io.infodesk.shared.docx.Masthead} and {@link io.infodesk.shared.docx.Imprint}, used for bulletins
 * (S3.1-d, issue 3 point 7) and 通报 of assessment; the figures are in {@link io.infodesk.shared.docx.GbT9704}.
 */
package io.infodesk.shared.docx;
