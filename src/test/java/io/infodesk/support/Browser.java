package io.infodesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium on the application under test, for journey tests: opens pages by path, fills forms,
 * logs in, and saves a screenshot of every page it visits under
 * {@code target/screenshots/<TestClass>.<test>/<n>-<name>.png}. Given to tests by {@link BrowserExtension}.
 */
public final class Browser {

	public static final Duration WAIT = Duration.ofSeconds(15);

	private final ChromeDriver driver;

	private final String baseUrl;

	private final Path profile;

	private Path screenshots;

	private int shots;

	Browser(ChromeDriver driver, String baseUrl, Path profile) {
		this.driver = driver;
		this.baseUrl = baseUrl;
		this.profile = profile;
	}

	/** Ends Chromium and deletes its temporary profile. */
	void quit() {
		try {
			driver.quit();
		}
		finally {
			org.springframework.util.FileSystemUtils.deleteRecursively(profile.toFile());
		}
	}

	/** Starts a new test: no cookies (logged out), a fresh screenshot folder. */
	void startTest(Path screenshotFolder) {
		this.screenshots = screenshotFolder;
		this.shots = 0;
		driver.manage().deleteAllCookies();
		consoleErrors(); // drop what earlier tests left in the log
	}

	public ChromeDriver driver() {
		return driver;
	}

	public String baseUrl() {
		return baseUrl;
	}

	/** Opens a path of the application ("/org/units") and saves a screenshot named after the page. */
	public Browser open(String path, String screenshotName) {
		driver.get(baseUrl + path);
		return screenshot(screenshotName);
	}

	/** The path (and query) of the page shown now, e.g. "/login?error=bad". */
	public String path() {
		String url = driver.getCurrentUrl();
		return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
	}

	public Browser screenshot(String name) {
		shots++;
		Path file = screenshots.resolve(String.format("%02d-%s.png", shots, name.replaceAll("[^\\w\\-]+", "_")));
		try {
			Files.createDirectories(screenshots);
			Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	public WebElement find(String cssSelector) {
		return new WebDriverWait(driver, WAIT)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(cssSelector)));
	}

	public List<WebElement> findAll(String cssSelector) {
		return driver.findElements(By.cssSelector(cssSelector));
	}

	public boolean exists(String cssSelector) {
		return !findAll(cssSelector).isEmpty();
	}

	public String text(String cssSelector) {
		return find(cssSelector).getText();
	}

	/** The visible text of the whole page. */
	public String pageText() {
		return driver.findElement(By.tagName("body")).getText();
	}

	public Browser type(String cssSelector, String value) {
		WebElement field = find(cssSelector);
		field.clear();
		field.sendKeys(value);
		return this;
	}

	public Browser select(String cssSelector, String visibleText) {
		new Select(find(cssSelector)).selectByVisibleText(visibleText);
		return this;
	}

	/** Chooses the first enabled option whose text contains {@code text} (options may add a position or an indent). */
	public Browser selectContaining(String cssSelector, String text) {
		Select select = new Select(find(cssSelector));
		WebElement option = select.getOptions()
			.stream()
			.filter(candidate -> candidate.isEnabled() && candidate.getText().contains(text))
			.findFirst()
			.orElseThrow(() -> new org.openqa.selenium.NoSuchElementException(
					"no option containing '" + text + "' in " + cssSelector));
		select.selectByValue(option.getAttribute("value"));
		return this;
	}

	/**
	 * Clicks and waits until the browser shows a new, fully loaded document (a form post or a link). The old
	 * document is recognised by a marker set on its window, not by an element reference, which Chromium may
	 * report in several ways once the page is gone.
	 */
	public Browser clickAndWait(String cssSelector) {
		WebElement target = find(cssSelector);
		JavascriptExecutor js = driver;
		js.executeScript("window.__infodeskOldPage = true;");
		target.click();
		new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.WebDriverException.class)
			.until(d -> js.executeScript("return window.__infodeskOldPage === undefined && document.readyState === 'complete'")
				.equals(Boolean.TRUE));
		return this;
	}

	public Browser waitFor(String cssSelector) {
		new WebDriverWait(driver, WAIT)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
		return this;
	}

	/** Logs in through the login page and waits for the page after it; screenshots both. */
	public Browser logIn(String username, String password) {
		open("/login", "login-" + username);
		type("#username", username);
		type("#password", password);
		clickAndWait("#login-submit");
		return screenshot("after-login-" + username);
	}

	/** Logs out with the top bar's button (a POST with the CSRF token). */
	public Browser logOut() {
		clickAndWait("#logout");
		return screenshot("logged-out");
	}

	/**
	 * The errors Chromium logged since the last call (script errors, resources that failed to load, CSP
	 * violations), without the favicon that the application does not have.
	 */
	public List<String> consoleErrors() {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.filter(message -> !message.contains("favicon.ico"))
			.toList();
	}

}
