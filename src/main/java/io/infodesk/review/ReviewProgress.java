package io.infodesk.review;

/** Where a document's review stands: waiting at a step, returned to the drafter, or signed off. */
public record ReviewProgress(ReviewProcess.Status status, ReviewRole currentRole) {

}
