package io.infodesk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import io.infodesk.support.SourceFiles;

/** Verifies the module structure (no cycles, no access to another module's internals) and documents it. */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(InfoDeskApplication.class);

	static final Path OUTPUT = Path.of("docs", "modules");

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void writesModuleDocumentation() throws IOException {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(OUTPUT.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		for (Path diagram : SourceFiles.under(OUTPUT, ".puml")) {
			sortRelations(diagram);
		}
	}

	/**
	 * The Documenter writes the dependency lines in no fixed order; sorted, the committed diagrams change only
	 * when a dependency does.
	 */
	static void sortRelations(Path diagram) throws IOException {
		List<String> lines = Files.readAllLines(diagram, StandardCharsets.UTF_8);
		List<String> sorted = new ArrayList<>();
		List<String> relations = new ArrayList<>();
		for (String line : lines) {
			if (line.startsWith("Rel(")) {
				relations.add(line);
				continue;
			}
			relations.sort(null);
			sorted.addAll(relations);
			relations.clear();
			sorted.add(line);
		}
		relations.sort(null);
		sorted.addAll(relations);
		Files.write(diagram, sorted, StandardCharsets.UTF_8);
	}

}
