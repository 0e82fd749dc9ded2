package dev.passerelle.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import dev.passerelle.RequiredTool;
import dev.passerelle.security.ApiKeys;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The editor page in a real browser (Debian's headless Chromium), with API keys on: the key typed in
 * its field (kept in sessionStorage) goes with every call; paste the sample article, get the
 * translation sentence by sentence and the digest; no key or a wrong one, and an empty submission,
 * show clear errors.
 * Screenshots land in target/ for people to look at. Skipped where Chromium is not installed.
 */
@QuarkusTest
@TestProfile(EditorPageTest.WithKey.class)
class EditorPageTest {

    /** API keys on, with the one key the page's field is given; a server glossary to pick. */
    public static class WithKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path glossaries = Path.of("target/page-glossaries");
            try {
                Files.createDirectories(glossaries);
                Files.writeString(glossaries.resolve("newsroom.tsv"), "Kazakhstan\tFrance\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return Map.of("passerelle.auth.enabled", "true",
                    "passerelle.auth.keys", "editor:" + HexFormat.of().formatHex(ApiKeys.sha256(KEY)),
                    "passerelle.glossary.dir", glossaries.toAbsolutePath().toString());
        }
    }

    private static final String KEY = "editor-secret";

    @TestHTTPResource("/")
    URL page;

    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!RequiredTool.CHROMIUM.present()) {
            // Each test is then skipped (or failed) in needsTheBrowser: skipping the whole class here
            // would show in surefire's counts as zero tests run, not as three skipped.
            return;
        }
        profile = Files.createTempDirectory("passerelle-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1300,1800", "--user-data-dir=" + profile);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(driver, options);
    }

    @BeforeEach
    void needsTheBrowser() {
        RequiredTool.CHROMIUM.assume();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Opens the page with the key entered in its field, as an editor would type it. */
    private void open() {
        openWithoutKey();
        WebElement field = browser.findElement(By.id("api-key"));
        field.clear();
        field.sendKeys(KEY, Keys.TAB);
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.id("model"), "model passerelle/tiny-marian-fr-en"));
    }

    private void openWithoutKey() {
        browser.get(page.toString());
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear(); localStorage.clear();");
        browser.navigate().refresh();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textMatches(By.id("model"), java.util.regex.Pattern.compile("model .+")));
    }

    private Object script(String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }

    private void paste(String text) {
        WebElement area = browser.findElement(By.id("source"));
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", area, text);
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(Path.of("target"));
        Files.copy(shot.toPath(), Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void translatesAndDigestsTheSampleArticle() throws IOException {
        open();
        paste(Fixture.sampleText());
        browser.findElement(By.id("go")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#digest li"), 2));
        List<WebElement> rows = browser.findElements(By.cssSelector("#sentences tbody tr"));
        assertEquals(24, rows.size(), "one row per sentence of the article");
        assertTrue(rows.get(0).getText().contains("Kazakhstan engages with Russia"), rows.get(0).getText());
        assertTrue(rows.get(0).findElements(By.tagName("td")).get(0).getText().startsWith("Le Kazakhstan dialogue"));
        List<WebElement> bullets = browser.findElements(By.cssSelector("#digest li"));
        assertTrue(bullets.size() >= 3 && bullets.size() <= 7);
        assertTrue(bullets.get(0).getText().startsWith("Russian President Vladimir Putin's top diplomat"), bullets.get(0).getText());
        assertTrue(browser.findElement(By.id("progress-text")).getText().startsWith("24 sentences"));
        assertTrue(browser.findElement(By.id("error")).getAttribute("hidden") != null, "no error shown");
        screenshot("editor-page.png");
    }

    @Test
    void aServerGlossaryIsPickedAndItsTermsShown() {
        open();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#glossary option[value=newsroom]")));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("glossary"))).selectByValue("newsroom");
        paste("Le Kazakhstan est un allié important.");
        browser.findElement(By.id("go")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#sentences tbody tr"), 1));
        WebElement english = browser.findElements(By.cssSelector("#sentences tbody tr td")).get(1);
        assertTrue(english.getText().startsWith("France is an important ally."), english.getText());
        assertEquals("Kazakhstan → France", english.findElement(By.cssSelector(".term.applied")).getText());
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("glossary"))).selectByValue("");
    }

    @Test
    void marksSentencesTheModelWasUnsureOf() {
        open();
        paste("Le président est arrivé à Astana.\nAccueil | Monde | Économie | S'abonner");
        browser.findElement(By.id("go")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#sentences tbody tr"), 2));
        List<WebElement> rows = browser.findElements(By.cssSelector("#sentences tbody tr"));
        assertTrue(!rows.get(0).getAttribute("class").contains("doubtful"), "a learnt sentence is not marked");
        assertTrue(rows.get(1).getAttribute("class").contains("doubtful"), "the menu line is marked");
    }

    @Test
    void withoutAKeyThePageSaysOneIsNeeded() throws IOException {
        openWithoutKey();
        assertEquals("model status: needs an API key", browser.findElement(By.id("model")).getText());
        paste("Le président est arrivé à Astana.");
        browser.findElement(By.id("go")).click();
        WebElement error = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertTrue(error.getText().contains("needs an API key") && error.getText().contains("401"), error.getText());
        screenshot("editor-page-401.png");
    }

    @Test
    void theKeyIsKeptForTheSessionOnly() {
        open();
        assertEquals(KEY, script("return sessionStorage.getItem('passerelle.apiKey');"));
        assertEquals(0L, script("return localStorage.length;"), "nothing in localStorage");
        browser.navigate().refresh();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.id("model"), "model passerelle/tiny-marian-fr-en"));
        assertEquals(KEY, browser.findElement(By.id("api-key")).getAttribute("value"), "kept across a reload");
        assertEquals("password", browser.findElement(By.id("api-key")).getAttribute("type"), "not shown on screen");
    }

    @Test
    void aWrongKeyIsSaidToBeWrong() {
        openWithoutKey();
        browser.findElement(By.id("api-key")).sendKeys("not-the-key", Keys.TAB);
        paste("Le président est arrivé à Astana.");
        browser.findElement(By.id("go")).click();
        WebElement error = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertTrue(error.getText().contains("did not accept this API key"), error.getText());
    }

    @Test
    void anEmptySubmissionShowsTheApisError() throws IOException {
        open();
        paste("   ");
        browser.findElement(By.id("go")).click();
        WebElement error = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertTrue(error.getText().contains("Bad Request") && error.getText().contains("empty"), error.getText());
        screenshot("editor-page-error.png");
    }

    @Test
    void showsHtmlRenderedInBothLanguages() throws IOException {
        open();
        paste("<h2>Merci beaucoup !</h2><p>Le <em>président</em> est arrivé à <a href=\"/astana\">Astana</a>.</p>"
                + "<script>parent.document.title = 'owned';</script>");
        assertEquals("html", browser.findElement(By.id("format")).getAttribute("value"), "a fragment is translated as HTML");
        browser.findElement(By.id("go")).click();
        WebElement source = browser.findElement(By.id("html-out"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !source.getAttribute("value").isEmpty());
        assertEquals("<h2>Thank you very much!</h2><p>The <em>president</em> arrived in <a href=\"/astana\">Astana</a>.</p>"
                + "<script>parent.document.title = 'owned';</script>", source.getAttribute("value"));
        browser.switchTo().frame(browser.findElement(By.id("english-html")));
        assertEquals("president", browser.findElement(By.tagName("em")).getText());
        assertEquals("Astana", browser.findElement(By.cssSelector("a[href='/astana']")).getText());
        browser.switchTo().defaultContent();
        browser.switchTo().frame(browser.findElement(By.id("french-html")));
        assertEquals("Merci beaucoup !", browser.findElement(By.tagName("h2")).getText());
        browser.switchTo().defaultContent();
        assertEquals("Passerelle — French to English", browser.getTitle(), "the frames run no script");
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#digest li"), 0));
        assertEquals(2, browser.findElements(By.cssSelector("#sentences tbody tr")).size());
        screenshot("editor-page-html.png");
    }

    @Test
    void aWholePageIsReadForItsArticle() {
        open();
        paste("<!DOCTYPE html><html><body><nav>Accueil</nav><article><p>Le président est arrivé à Astana.</p></article>"
                + "</body></html>");
        assertEquals("article", browser.findElement(By.id("format")).getAttribute("value"));
        browser.findElement(By.id("go")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#sentences tbody tr"), 1));
        assertTrue(browser.findElement(By.id("html-panel")).getAttribute("hidden") != null, "text answers, no HTML panel");
    }
}
