package io.infodesk.review;

import java.util.Set;

import io.infodesk.shared.security.AuthenticatedUser;

/**
 * What the review chain needs to know of a document: its title (for the inbox), the unit whose chain and
 * reviewers apply, and who wrote it (drafter and authors never review it).
 */
public record ReviewSubject(DocumentRef ref, String title, Long unitId, Long drafterUserId, Set<Long> authorPersonIds,
		int revision) {

	public boolean ownedBy(AuthenticatedUser user) {
		return (drafterUserId != null && drafterUserId.equals(user.userId()))
				|| (user.personId() != null && authorPersonIds.contains(user.personId()));
	}

}
