/**
 * Media watch and public-opinion work (issue 14, S3.5-a/b, S3.6-a/b): keyword schemes compiled into one
 * Aho-Corasick automaton, the six major-information classes and the three housing hot spots, a negativity score
 * and an alert level per text, sources fetched politely (RSS/Atom, HTML lists), items with exact and near-duplicate
 * (SimHash) clusters, and the office's 有效 / 误报 feedback that gives every scheme its precision.
 */
package io.infodesk.monitoring;
