package io.infodesk.organization.web;

import java.io.InputStream;

import org.springframework.core.io.InputStreamSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import io.infodesk.organization.PeopleImport;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelReader;
import io.infodesk.shared.excel.ExcelSettings;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;

/**
 * People import (S2-a): the template download, the upload form, and the result page listing each
 * row's problem or the number imported. All rows or none are imported.
 */
@Controller
@RequestMapping("/org/people/import")
class PersonImportController {

	private final PeopleImport peopleImport;

	private final DataScopes dataScopes;

	private final ExcelSettings excelSettings;

	private final Texts texts;

	PersonImportController(PeopleImport peopleImport, DataScopes dataScopes, ExcelSettings excelSettings,
			Texts texts) {
		this.peopleImport = peopleImport;
		this.dataScopes = dataScopes;
		this.excelSettings = excelSettings;
		this.texts = texts;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('org:person:import')")
	String initImportForm(Model model) {
		model.addAttribute("headers", PeopleImport.HEADERS);
		model.addAttribute("maxSize", ExcelReader.readable(excelSettings.maxUploadSize()));
		return "organization/personImport";
	}

	@GetMapping("/template")
	@PreAuthorize("hasAuthority('org:person:import')")
	ResponseEntity<byte[]> downloadTemplate() {
		String name = texts.get("import.template.fileName");
		return ExcelDownload.of(name, "people-template.xlsx", peopleImport.template());
	}

	@PostMapping
	@PreAuthorize("hasAuthority('org:person:import')")
	String processImport(@RequestParam(value = "file", required = false) MultipartFile file, Model model) {
		long size = file == null ? 0 : file.getSize();
		InputStreamSource content = file != null ? file : InputStream::nullInputStream;
		String fileName = file == null ? null : file.getOriginalFilename();
		PeopleImport.Result result = peopleImport.importPeople(size, content, fileName, dataScopes.current());
		model.addAttribute("result", result);
		model.addAttribute("fileName", fileName);
		return "organization/personImportResult";
	}

}
