package dev.passerelle.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import dev.passerelle.RequiredTool;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * The editor page in a real browser (Debian's headless Chromium): paste the sample article, get
 * the translation sentence by sentence and the digest; an empty submission shows the API's error.
 * Screenshots land in target/ for people to look at. Skipped where Chromium is not installed.
 */
@QuarkusTest
class EditorPageTest {

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

    private void open() {
        browser.get(page.toString());
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textMatches(By.id("model"), java.util.regex.Pattern.compile("model .+")));
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
        assertTrue(bullets.get(0).getText().startsWith("Kazakhstan engages with Russia"), bullets.get(0).getText());
        assertTrue(browser.findElement(By.id("progress-text")).getText().startsWith("24 sentences"));
        assertTrue(browser.findElement(By.id("error")).getAttribute("hidden") != null, "no error shown");
        screenshot("editor-page.png");
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
    void anEmptySubmissionShowsTheApisError() throws IOException {
        open();
        paste("   ");
        browser.findElement(By.id("go")).click();
        WebElement error = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertTrue(error.getText().contains("Bad Request") && error.getText().contains("empty"), error.getText());
        screenshot("editor-page-error.png");
    }
}
