/**
 * Chinese text for Java code: {@link io.infodesk.shared.text.Texts} reads the message bundles
 * (inject it; no module writes its own MessageSource helper). The bundles are messages_zh_CN.properties and one
 * file per module, {@code messages/<module>_zh_CN.properties}, found by {@code MessageBundles} at start-up.
 */
package io.infodesk.shared.text;
