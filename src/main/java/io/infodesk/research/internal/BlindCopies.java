package io.infodesk.research.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import io.infodesk.research.ResearchException;
import io.infodesk.shared.files.FileType;

/**
 * The copy of a paper judges download (blind review): the document's own record of who wrote it removed. DOCX: the
 * core properties (creator, last modified by, title, subject, keywords, description, category) and the extended ones
 * (company, manager, template …) replaced by empty parts, custom properties emptied, and in every part of the
 * document the names attached to revisions and comments (w:author, w:initials, w15:author, w15:userId) blanked. PDF:
 * the document information dictionary and the XMP metadata removed and the file written again in full (so no earlier
 * revision with the old information remains). An encrypted PDF cannot be cleaned and is refused. What the author
 * wrote in the text itself is the author's business (the submission form asks for a text without names).
 */
public final class BlindCopies {

	private static final Pattern NAMES = Pattern
		.compile("\\b(w:author|w:initials|w15:author|w15:userId|w15:providerId|w:creator)=\"[^\"]*\"");

	private static final String CORE = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
			+ "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
			+ "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
			+ "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"></cp:coreProperties>";

	private static final String APP = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
			+ "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"></Properties>";

	private static final String CUSTOM = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
			+ "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\"></Properties>";

	private BlindCopies() {
	}

	public static byte[] of(byte[] content, FileType type) {
		return switch (type) {
			case DOCX -> docx(content);
			case PDF -> pdf(content);
			default -> throw new ResearchException("file", "research.paper.file.type");
		};
	}

	static byte[] docx(byte[] content) {
		try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(content));
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				ZipOutputStream out = new ZipOutputStream(bytes)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				String name = entry.getName();
				byte[] part = in.readAllBytes();
				if (name.equals("docProps/core.xml")) {
					part = CORE.getBytes(StandardCharsets.UTF_8);
				}
				else if (name.equals("docProps/app.xml")) {
					part = APP.getBytes(StandardCharsets.UTF_8);
				}
				else if (name.equals("docProps/custom.xml")) {
					part = CUSTOM.getBytes(StandardCharsets.UTF_8);
				}
				else if (name.startsWith("word/") && name.endsWith(".xml")) {
					String xml = new String(part, StandardCharsets.UTF_8);
					part = NAMES.matcher(xml).replaceAll("$1=\"\"").getBytes(StandardCharsets.UTF_8);
				}
				ZipEntry copy = new ZipEntry(name);
				copy.setTime(0);
				out.putNextEntry(copy);
				out.write(part);
				out.closeEntry();
			}
			out.finish();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] pdf(byte[] content) {
		try (PDDocument document = Loader.loadPDF(content)) {
			if (document.isEncrypted()) {
				throw new ResearchException("file", "research.paper.file.encrypted");
			}
			document.setDocumentInformation(new PDDocumentInformation());
			document.getDocumentCatalog().setMetadata(null);
			document.getDocument().getTrailer().removeItem(org.apache.pdfbox.cos.COSName.INFO);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (InvalidPasswordException locked) {
			throw new ResearchException("file", "research.paper.file.encrypted");
		}
		catch (IOException damaged) {
			throw new ResearchException("file", "research.paper.file.damaged");
		}
	}

	/** Reads a stream fully (the stored original, to make its blind copy). */
	static byte[] read(InputStream in) {
		try (in) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
