package io.infodesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * LibreOffice headless ({@code soffice}) and poppler ({@code pdftotext}, {@code pdfinfo}, {@code pdftoppm}) as a
 * test opens a document the way a reader's office suite does. Every call runs soffice with its own throw-away
 * profile ({@code -env:UserInstallation}), so parallel builds do not share one; several files convert in one call.
 * <p>
 * Without the tools the tests are <em>skipped</em> with a message on a developer machine, but <em>fail</em> when
 * {@code CI=true} or {@code -Dinfodesk.browser.required=true} — as the browser tests treat Chromium
 * ({@link BrowserExtension}).
 */
public final class LibreOffice {

	static final String SOFFICE = System.getProperty("infodesk.soffice", "/usr/bin/soffice");

	static final String INSTALL_HINT = "apt-get install -y --no-install-recommends libreoffice-writer-nogui "
			+ "libreoffice-calc-nogui poppler-utils fonts-noto-cjk";

	/** Where the first pages of documents go, beside the browser screenshots. */
	public static final Path SCREENSHOTS = BrowserExtension.SCREENSHOTS.resolve("documents");

	private LibreOffice() {
	}

	static boolean installed() {
		return Files.isExecutable(Path.of(SOFFICE)) && onPath("pdftotext") && onPath("pdftoppm") && onPath("pdfinfo");
	}

	private static boolean onPath(String tool) {
		for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
			if (Files.isExecutable(Path.of(dir, tool))) {
				return true;
			}
		}
		return false;
	}

	/** Skips the calling test (class) when LibreOffice or poppler is missing, unless CI requires them. */
	public static void assumeInstalled() {
		if (installed()) {
			return;
		}
		if (BrowserExtension.required()) {
			throw new IllegalStateException("LibreOffice tests are required here (CI=true or "
					+ "-Dinfodesk.browser.required=true) but soffice or poppler-utils is missing. Install with: "
					+ INSTALL_HINT);
		}
		String message = "LibreOffice tests skipped: " + SOFFICE + " or poppler-utils is missing (install with: "
				+ INSTALL_HINT + "); CI requires them.";
		System.err.println("[WARNING] " + message);
		Assumptions.abort(message);
	}

	/**
	 * Converts files with one soffice call, e.g. to {@code "pdf"} or {@code "csv:Text - txt - csv (StarCalc):44,34,76"};
	 * returns the converted files in the order given (same name, the target's extension, in {@code out}).
	 */
	public static List<Path> convert(String target, Path out, List<Path> files) {
		try {
			Path profile = Files.createTempDirectory("infodesk-soffice-");
			List<String> command = new ArrayList<>(List.of(SOFFICE, "-env:UserInstallation=" + profile.toUri(),
					"--headless", "--norestore", "--nolockcheck", "--convert-to", target, "--outdir",
					out.toAbsolutePath().toString()));
			files.forEach(file -> command.add(file.toAbsolutePath().toString()));
			String log = run(command, 180);
			String extension = target.contains(":") ? target.substring(0, target.indexOf(':')) : target;
			List<Path> converted = new ArrayList<>();
			for (Path file : files) {
				String name = file.getFileName().toString();
				Path result = out.resolve(name.substring(0, name.lastIndexOf('.')) + "." + extension);
				if (!Files.isRegularFile(result)) {
					throw new IllegalStateException("soffice did not write " + result + ":\n" + log);
				}
				converted.add(result);
			}
			deleteTree(profile);
			return converted;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The text of a PDF as {@code pdftotext -layout} lays it out, pages separated by form feeds. */
	public static List<String> pages(Path pdf) {
		String text = run(List.of("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-"), 60);
		List<String> pages = new ArrayList<>(List.of(text.split("\f", -1)));
		while (!pages.isEmpty() && pages.get(pages.size() - 1).isBlank()) {
			pages.remove(pages.size() - 1);
		}
		return pages;
	}

	/** {@code pdfinfo}'s output (Pages, Page size, …). */
	public static String info(Path pdf) {
		return run(List.of("pdfinfo", pdf.toString()), 60);
	}

	/** {@code pdftotext -bbox}: every word with its box, as XHTML. */
	public static String boxes(Path pdf) {
		return run(List.of("pdftotext", "-bbox", "-enc", "UTF-8", pdf.toString(), "-"), 60);
	}

	/** The first page as PNG ({@code pdftoppm}, 60 dpi) into {@link #SCREENSHOTS}. */
	public static Path firstPage(Path pdf, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path prefix = SCREENSHOTS.resolve(name);
			run(List.of("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf.toString(),
					prefix.toString()), 60);
			return SCREENSHOTS.resolve(name + ".png");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String run(List<String> command, int seconds) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getOutputStream().close();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("Timed out: " + command);
			}
			String text = new String(output, StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				throw new IllegalStateException("Exit " + process.exitValue() + " from " + command + ":\n" + text);
			}
			return text;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void deleteTree(Path root) throws IOException {
		try (var walk = Files.walk(root)) {
			walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

}
