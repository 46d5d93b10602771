package io.infodesk.review;

/** A document that goes through the review chain and keeps versions: its type and id. */
public record DocumentRef(String type, long id) {

}
