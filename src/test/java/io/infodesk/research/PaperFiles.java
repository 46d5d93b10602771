package io.infodesk.research;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Papers as Word and PDF write them: the author's name and unit in the document's own properties. */
final class PaperFiles {

	private PaperFiles() {
	}

	static byte[] docx(String text, String author, String unit) {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.createParagraph().createRun().setText(text);
			var core = document.getProperties().getCoreProperties();
			core.setCreator(author);
			core.setLastModifiedByUser(author);
			core.setDescription(unit + "调研成果");
			core.setKeywords(unit);
			document.getProperties().getExtendedProperties().getUnderlyingProperties().setCompany(unit);
			document.getProperties().getExtendedProperties().getUnderlyingProperties().setManager(author);
			document.getProperties().getCustomProperties().addProperty("撰稿单位", unit);
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] pdf(String author, String unit) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.addPage(new PDPage());
			PDDocumentInformation info = new PDDocumentInformation();
			info.setAuthor(author);
			info.setCreator(unit);
			info.setSubject(unit + "调研报告");
			info.setCreationDate(Calendar.getInstance());
			document.setDocumentInformation(info);
			PDMetadata metadata = new PDMetadata(document);
			metadata.importXMPMetadata(("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><dc:creator>" + author + "</dc:creator></x:xmpmeta>")
				.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			document.getDocumentCatalog().setMetadata(metadata);
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
