package io.infodesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * InfoDesk 信息宣传工作平台: runs a bureau's information and publicity work.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class InfoDeskApplication {

	public static void main(String[] args) {
		if (io.infodesk.monitoring.MatchCommand.wanted(args)) {
			io.infodesk.monitoring.MatchCommand.main(InfoDeskApplication.class, args);
			return;
		}
		SpringApplication.run(InfoDeskApplication.class, args);
	}

}
