package io.infodesk.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Runs journey tests in Debian's headless Chromium against the application started on a random port
 * (use it through {@link BrowserTest}). Uses {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}
 * explicitly, with the flags of ARCHITECTURE.md, so Selenium Manager downloads nothing.
 * <p>
 * Without Chromium or ChromeDriver the tests are <em>skipped</em> with a message on a developer machine, but
 * <em>fail</em> when {@code CI=true} or {@code -Dinfodesk.browser.required=true}: CI never passes without having
 * run them. One browser serves all tests of a class; each test starts logged out, with its own screenshot
 * folder, and a failing test leaves a last screenshot named "failure".
 */
public class BrowserExtension implements ExecutionCondition, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	static final String CHROMIUM = System.getProperty("infodesk.browser.chromium", "/usr/bin/chromium");

	static final String CHROMEDRIVER = System.getProperty("infodesk.browser.chromedriver", "/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static final String INSTALL_HINT = "apt-get install -y --no-install-recommends chromium chromium-driver fonts-noto-cjk";

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

	/** CI=true or -Dinfodesk.browser.required=true: a missing browser fails instead of skipping. */
	static boolean required() {
		return "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("infodesk.browser.required");
	}

	static boolean installed() {
		return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (installed() || required()) {
			return ConditionEvaluationResult.enabled("browser tests run");
		}
		String message = "Browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing (install with: "
				+ INSTALL_HINT + "); CI requires them.";
		announce(message);
		return ConditionEvaluationResult.disabled(message);
	}

	/**
	 * Says why on the console of the build: Surefire sends the tests' System.out/err to report files, so the
	 * message goes to the fork's own standard error, which Maven shows.
	 */
	private static void announce(String message) {
		java.io.PrintStream console = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
				java.nio.charset.StandardCharsets.UTF_8);
		console.println("[WARNING] " + message);
	}

	/** The browser of the test class, started on first use and quit when the class is done. */
	static Browser browser(ExtensionContext context) {
		ExtensionContext classContext = context;
		while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
			classContext = classContext.getParent().get();
		}
		return classContext.getStore(NAMESPACE)
			.computeIfAbsent("browser", key -> new RunningBrowser(start(context)), RunningBrowser.class)
			.browser();
	}

	private static Browser start(ExtensionContext context) {
		if (!installed()) {
			throw new IllegalStateException("Browser tests are required here (CI=true or -Dinfodesk.browser.required=true) "
					+ "but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing. Install with: " + INSTALL_HINT);
		}
		ApplicationContext application = SpringExtension.getApplicationContext(context);
		String port = application.getEnvironment().getProperty("local.server.port");
		if (port == null) {
			throw new IllegalStateException(
					"Browser tests need a running server: annotate the class with @BrowserTest (RANDOM_PORT)");
		}
		Path profile;
		try {
			profile = Files.createTempDirectory("infodesk-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
		// keep the page's console, so tests can prove that no script failed and the CSP blocked nothing
		options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return new Browser(driver, "http://localhost:" + port, profile);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		String folder = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
		browser(context).startTest(SCREENSHOTS.resolve(folder));
	}

	@Override
	public void afterEach(ExtensionContext context) {
		context.getExecutionException().ifPresent(failure -> {
			try {
				browser(context).screenshot("failure");
			}
			catch (RuntimeException ex) {
				failure.addSuppressed(ex);
			}
		});
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Browser.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return browser(context);
	}

	/** Quits Chromium when JUnit closes the class's store. */
	record RunningBrowser(Browser browser) implements AutoCloseable {

		@Override
		public void close() {
			browser.quit();
		}

	}

}
