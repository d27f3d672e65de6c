package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The broker's day in a real headless Chromium (Debian's chromium and chromium-driver packages):
 * a new task appears in the open list, is claimed, refused once, completed, and the deal moves on
 * its diagram; then the page speaks Chinese. Screenshots go to target/e2e/. Without the browser
 * these tests are skipped and say so.
 */
class BrowserIT extends ApiTest {

  private static final Path CHROMIUM = Path.of(System.getProperty("ttdesk.e2e.chromium", "/usr/bin/chromium"));
  private static final Path DRIVER = Path.of(System.getProperty("ttdesk.e2e.chromedriver", "/usr/bin/chromedriver"));
  private static final Path SHOTS = Path.of("target/e2e");

  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void browser() throws Exception {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!present) {
      System.out.println("*** BROWSER TESTS NOT RUN: install Debian's chromium and chromium-driver to run them ***");
    }
    Assumptions.assumeTrue(present, "Browser tests not run: /usr/bin/chromium or /usr/bin/chromedriver is missing");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--window-size=1280,900", "--lang=en",
        "--user-data-dir=" + Files.createTempDirectory("ttdesk-chromium"));
    // The console, so a page that the security policy breaks shows it.
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    Files.createDirectories(SHOTS);
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aBrokerWorksANewTaskFromTheListToTheDiagramAndSwitchesToChinese() throws Exception {
    String base = "http://localhost:" + port;
    browser.get(base + "/desk/tasks");
    browser.findElement(By.id("username")).sendKeys("broker");
    browser.findElement(By.id("password")).sendKeys("demo");
    browser.findElement(By.cssSelector("#signin button")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tasks")));
    // Newest first, so the new task is on the first page however many tasks other tests left open.
    browser.get(base + "/desk/tasks?sort=CREATED");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-live='on']")));

    // The list is open when the disclosure arrives: its task shows up without a reload.
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    String reference = deal(id).get("reference").asText();
    long task = awaitTask("broker", id, "ScreenDisclosure");
    long seen = System.nanoTime();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-task='" + task + "']")));
    System.out.printf("the new task showed in the open list %d ms after the API listed it%n",
        Duration.ofNanos(System.nanoTime() - seen).toMillis());
    assertThat(browser.findElement(By.id("live")).getText()).isEqualTo("A new task has arrived.");
    shot("1-new-task");

    browser.findElement(By.cssSelector("tr[data-task='" + task + "'] td a")).click();
    browser.findElement(By.id("claim")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unclaim")));
    new Select(browser.findElement(By.id("decision"))).selectByValue("NOT_PURSUE");
    browser.findElement(By.cssSelector("#complete button[type=submit]")).click();
    String error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("comment-error"))).getText();
    assertThat(error).isNotBlank();
    assertThat(browser.findElement(By.id("comment")).getAttribute("aria-invalid")).isEqualTo("true");
    shot("2-refused-form");

    new Select(browser.findElement(By.id("decision"))).selectByValue("PURSUE");
    browser.findElement(By.id("comment")).sendKeys("Fits the demand of two makers");
    browser.findElement(By.cssSelector("#complete button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tasks")));
    assertThat(get("broker", "/api/v1/tasks/" + task).body().get("state").asText()).isEqualTo("COMPLETED");

    awaitTask("broker", id, "PrepareTermSheet");
    browser.get(base + "/desk/deals/" + id);
    assertThat(browser.findElement(By.cssSelector("g[data-element='ScreenDisclosure']")).getAttribute("class"))
        .contains("done");
    assertThat(browser.findElement(By.cssSelector("g[data-element='PrepareTermSheet']")).getAttribute("class"))
        .contains("active");
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains(reference);
    shot("3-deal-diagram");

    // A comment and a file on the deal, through the real server's multipart handling and CSRF check.
    browser.findElement(By.id("note-body")).sendKeys("Licensee asked for the efficiency data");
    browser.findElement(By.cssSelector("#comment-form button")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notes"), "Licensee asked for the efficiency data"));
    Path pdf = SHOTS.resolve("efficiency.pdf");
    Files.writeString(pdf, "%PDF-1.4\n%%EOF\n");
    browser.findElement(By.id("note-file")).sendKeys(pdf.toAbsolutePath().toString());
    browser.findElement(By.cssSelector("#file-form button")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("efficiency.pdf")));
    browser.findElement(By.id("trail-link")).click();
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chain"))).getText())
        .startsWith("The chain holds");
    // Shown again in the reader's zone (this browser's is UTC), to the second; the UTC text stays as the title.
    org.openqa.selenium.WebElement first = browser.findElement(By.cssSelector("#trail time"));
    assertThat(first.getText()).matches(".*\\d{1,2}:\\d{2}:\\d{2}.*");
    assertThat(first.getAttribute("title")).endsWith("UTC");
    shot("3b-case-trail");
    browser.navigate().back();

    browser.findElement(By.cssSelector("a[hreflang='zh-CN']")).click();
    wait.until(ExpectedConditions.textToBe(By.id("process-title"), "流程进展"));
    assertThat(browser.findElement(By.id("stage")).getText()).isEqualTo("许可谈判准备");
    browser.get(base + "/desk/tasks");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("任务");
    shot("4-chinese-list");
    // On a tablet held upright the list still reads: no column is cut off, the table scrolls.
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(820, 1180));
    browser.get(base + "/desk/deals/" + id);
    shot("5-tablet-deal");
    browser.get(base + "/desk/tasks?lang=en");
  }

  @Test
  void swaggerUiShowsTheApiUnderThePagesSecurityPolicy() throws Exception {
    String base = "http://localhost:" + port;
    browser.get(base + "/swagger-ui.html");
    browser.findElement(By.id("username")).sendKeys("auditor");
    browser.findElement(By.id("password")).sendKeys("demo");
    browser.findElement(By.cssSelector("#signin button")).click();
    wait.until(ExpectedConditions.urlContains("/desk"));
    browser.get(base + "/swagger-ui.html");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-summary")));
    assertThat(browser.findElement(By.cssSelector(".info .title")).getText()).contains("TT Deal Desk API");
    assertThat(browser.findElements(By.cssSelector(".opblock-summary")).size()).isGreaterThan(50);
    shot("6-swagger-ui");
    assertThat(browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll())
        .map(org.openqa.selenium.logging.LogEntry::getMessage)
        .noneMatch(m -> m.contains("Content Security Policy"));
  }

  private void shot(String name) throws Exception {
    Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(png, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
