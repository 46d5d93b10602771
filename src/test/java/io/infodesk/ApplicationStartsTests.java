package io.infodesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class ApplicationStartsTests {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void firstStartCreatesOnlyTheAdministrator() {
		assertThat(jdbc.queryForList("select username from acc_user", String.class)).containsExactly("admin");
		assertThat(jdbc.queryForObject("select must_change_password from acc_user where username = 'admin'",
				Boolean.class)).isTrue();
	}

}
