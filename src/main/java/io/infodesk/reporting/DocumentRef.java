package io.infodesk.reporting;

/** A document that goes through the review chain and keeps versions: its type and id. */
public record DocumentRef(String type, long id) {

	public static DocumentRef item(long id) {
		return new DocumentRef(InformationItem.DOCUMENT_TYPE, id);
	}

	public static DocumentRef bulletin(long id) {
		return new DocumentRef(Bulletin.DOCUMENT_TYPE, id);
	}

}
