package io.infodesk.reporting;

import java.time.LocalDate;
import java.util.List;

/** An item was adopted by an outlet at a level on a day (S3.1-d); joint items split the credit by the shares. */
public record InformationAdopted(ItemId item, long unitId, long adoptionId, AdministrativeLevel level, LocalDate on,
		String outlet, List<AuthorShare> authors) {

}
