/**
 * Review (逐级修改、审阅, S3.1-b) as one capability for every document that needs sign-off: the review chains
 * configured per unit and track ({@link io.infodesk.review.ReviewChains}, the chain settings page), the steps,
 * rounds and actions of each document's review, the reviews waiting for a user and the notices on a desk (the
 * review part of the work inbox), the versions of reviewed documents and their differences
 * ({@link io.infodesk.review.DocumentVersions}, {@link io.infodesk.review.TextDiff}) and the sanitised rich text
 * they are written in ({@link io.infodesk.review.RichText}).
 * <p>
 * The module knows no document type: an owning module (reporting's items and bulletins; publicity plans,
 * articles… later) implements {@link io.infodesk.review.ReviewableDocuments} and is told of every outcome by
 * its callback {@code reviewChanged}, inside the transaction of the review action. Templates:
 * {@code templates/review/} (the chain pages, the {@code reviewSteps}, {@code reviewHistory} and
 * {@code diffText} fragments).
 */
package io.infodesk.review;
