/**
 * Full-text search (全文检索, S3.1 point 8) as one capability for every module: the index documents
 * ({@link io.infodesk.search.SearchDocument}, bound by {@link io.infodesk.search.SearchDocumentBinder} so that
 * every type's index has the same fields), the plug-in {@link io.infodesk.search.SearchTarget} that any module
 * implements to offer a type on the search page, the query with keywords, filters, data scope and highlights
 * ({@link io.infodesk.search.SearchIndex}), the Chinese analysis (smartcn plus CJK bigrams) and the background
 * re-indexing ({@code internal}). The module knows no searchable type: reporting's items, materials and bulletins
 * plug in through {@code @Indexed} + the binder + a {@code SearchTarget} bean.
 */
package io.infodesk.search;
