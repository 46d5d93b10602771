/**
 * Information items: drafting, verification, the register. Named interface {@code item}: monitoring turns an edited
 * clue into a draft item through {@link io.infodesk.reporting.item.InformationItems#create} (S3.5-b).
 */
@org.springframework.modulith.NamedInterface("item")
package io.infodesk.reporting.item;
