/**
 * Chinese text for Java code: {@link io.infodesk.shared.text.Texts} reads messages_zh_CN.properties
 * (inject it; no module writes its own MessageSource helper).
 */
package io.infodesk.shared.text;
