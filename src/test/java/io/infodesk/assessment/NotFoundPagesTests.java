package io.infodesk.assessment;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * A page or a file asked for whose record does not exist answers 404 with the record's own Chinese message (not 400,
 * which means the request was refused), through the shared BusinessExceptionHandler.
 */
class NotFoundPagesTests extends AssessmentIntegrationTest {

	@Test
	void aMissingCircularsDocumentIsNotFound() throws Exception {
		mvc.perform(get("/assessment/circulars/99999999/docx").with(as(user("office"))))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404"))
			.andExpect(content().string(Matchers.containsString("考核通报不存在")));
		mvc.perform(get("/assessment/circulars/99999999/xlsx").with(as(user("office"))))
			.andExpect(status().isNotFound());
	}

	@Test
	void aMissingItemsPageIsNotFound() throws Exception {
		mvc.perform(get("/reporting/items/99999999").with(as(user("office"))))
			.andExpect(status().isNotFound())
			.andExpect(content().string(Matchers.containsString("信息不存在")));
	}

}
