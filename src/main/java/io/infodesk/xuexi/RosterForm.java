package io.infodesk.xuexi;

import java.time.LocalDate;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the personnel section edits of a roster member: the platform identity and the registration. */
public record RosterForm(Boolean required, @Size(max = 50, message = "{xuexi.roster.platformName.size}") String platformName,
		@Pattern(regexp = "^$|^1[3-9]\\d{9}$", message = "{xuexi.roster.platformPhone.invalid}") String platformPhone,
		@Size(max = 64, message = "{xuexi.roster.platformMemberId.size}") String platformMemberId,
		@Size(max = 200, message = "{xuexi.roster.platformOrg.size}") String platformOrg, Boolean registered,
		LocalDate registeredOn) {

	public RosterForm {
		required = !Boolean.FALSE.equals(required);
		registered = Boolean.TRUE.equals(registered);
	}

	public static RosterForm of(RosterMember member) {
		return new RosterForm(member.isRequired(), member.getPlatformName(), member.getPlatformPhone(),
				member.getPlatformMemberId(), member.getPlatformOrg(), member.isRegistered(), member.getRegisteredOn());
	}

}
