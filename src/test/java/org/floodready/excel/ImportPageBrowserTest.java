package org.floodready.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Browser;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin's import page in headless Chromium: check, import, see the located problems; desktop and phone. The
 * ledger's total is counted exactly here (a count cap above the 10,000 imported rows) to see every row landed.
 */
@FloodReadyTest(browser = true, args = {"--list-count-cap", "100000"})
class ImportPageBrowserTest {
  static TestServer server;
  static Api admin;
  static ChromeDriver driver;
  static Path dir;

  @BeforeAll
  static void start(TestServer node, ChromeDriver browser) throws Exception {
    server = node;
    admin = server.as("admin");
    dir = Files.createTempDirectory("fr-import-page");
    driver = browser;
  }

  static WebDriverWait waitFor(String what) {
    WebDriverWait w = new WebDriverWait(driver, Duration.ofSeconds(60));
    w.withMessage(what);
    return w;
  }

  static void login(String user) {
    driver.get(server.anonymous.base() + "/admin/import.html");
    driver.executeScript("sessionStorage.clear();");
    driver.navigate().refresh();
    waitFor("login form").until(d -> d.findElement(By.id("username")).isDisplayed());
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys("Flood@2026");
    driver.findElement(By.id("login-button")).click();
    waitFor("the import page").until(d -> d.findElement(By.id("page")).isDisplayed());
  }

  static Path file(String name, byte[] bytes) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  @SuppressWarnings("unchecked")
  static List<String> wider() {
    return (List<String>) driver.executeScript("const w = document.documentElement.clientWidth;"
        + "return Array.from(document.querySelectorAll('body *')).filter(e => e.offsetParent !== null"
        + " && e.getBoundingClientRect().right > w + 1).map(e => e.tagName + '#' + e.id + '.' + e.className);");
  }

  @Test
  void anAdminChecksImportsAndSeesTheProblemsOnDesktopAndPhone() throws Exception {
    driver.manage().window().setSize(new Dimension(1280, 900));
    login("admin");
    new Select(driver.findElement(By.id("kind"))).selectByValue("items");
    byte[] good;
    byte[] bad;
    try (XSSFWorkbook wb = Sheets.template(admin, "items")) {
      good = Sheets.fill(wb, 1, List.of(
          Map.of("物资编码", "P-1", "物资名称", "页面导入一", "英文名称", "Page one", "类别", "materials", "计量单位", "个"),
          Map.of("物资编码", "P-2", "物资名称", "页面导入二", "英文名称", "Page two", "类别", "life_saving", "计量单位", "件")));
    }
    try (XSSFWorkbook wb = Sheets.template(admin, "items")) {
      bad = Sheets.fill(wb, 1, List.of(
          Map.of("物资编码", "P-3", "英文名称", "No name", "类别", "materials", "计量单位", "个"),
          Map.of("物资编码", "P-4", "物资名称", "错类别", "英文名称", "Bad", "类别", "food", "计量单位", "个")));
    }
    driver.findElement(By.id("file")).sendKeys(file("good.xlsx", good).toString());
    waitFor("the chosen file's name").until(d -> d.findElement(By.id("file-name")).getText().equals("good.xlsx"));
    driver.findElement(By.id("check")).click();
    waitFor("the dry run's answer").until(d -> d.findElement(By.id("summary")).getText().contains("检查通过"));
    assertEquals(0, admin.get("/api/items?q=P-1").json().getJsonArray("items").size(), "a check writes nothing");
    driver.findElement(By.id("import")).click();
    waitFor("the import's answer").until(d -> d.findElement(By.id("summary")).getText().contains("已导入 2 行"));
    assertTrue(driver.findElement(By.id("summary")).getText().contains("新建 created 2"));
    assertEquals(1, admin.get("/api/items?q=P-2").json().getJsonArray("items").size());

    driver.findElement(By.id("file")).sendKeys(file("bad.xlsx", bad).toString());
    driver.findElement(By.id("import")).click();
    waitFor("the problems").until(d -> d.findElements(By.cssSelector("#problems li")).size() == 2);
    String problems = driver.findElement(By.id("problems")).getText();
    assertTrue(problems.contains("第 2 行 B 列「物资名称」") && problems.contains("必填") && problems.contains("is required"),
        problems);
    assertTrue(problems.contains("第 3 行 D 列「类别」"), problems);
    assertTrue(driver.findElement(By.id("marked")).isDisplayed(), "the marked workbook can be downloaded");
    assertTrue(driver.findElement(By.id("status")).getText().contains("未写入任何数据"));
    Browser.screenshot(driver, "import-page-desktop-problems");
    assertTrue(wider().isEmpty(), wider().toString());

    driver.manage().window().setSize(new Dimension(390, 844));
    waitFor("the phone width").until(d -> ((Number) driver.executeScript(
        "return document.documentElement.clientWidth;")).intValue() <= 390);
    Browser.fullPage(driver, "import-page-phone-problems");
    assertTrue(wider().isEmpty(), "wider than the phone: " + wider());
    assertEquals(0, admin.get("/api/items?q=P-3").json().getJsonArray("items").size());
  }

  /**
   * 10,000 opening balances on a phone: the page polls the import job (stored in PostgreSQL) and its bar and row
   * count move through the checking and the writing, then the result.
   */
  @Test
  void aLargeImportShowsItsProgressOnAPhone() throws Exception {
    largeImport(new Dimension(390, 844), "PHONE-", "phone", false);
  }

  /** The same on a desktop, and a reload while it writes: the page finds the job again and follows it to its end. */
  @Test
  void aLargeImportShowsItsProgressOnADesktopAndSurvivesAReload() throws Exception {
    largeImport(new Dimension(1280, 900), "DESK-", "desktop", true);
  }

  private static final java.util.regex.Pattern ROWS = java.util.regex.Pattern.compile(
      "已(检查|写入) ([\\d,]+) / 10,000 行 · (checked|written) ([\\d,]+) of 10,000 rows");

  private void largeImport(Dimension size, String prefix, String name, boolean reload) throws Exception {
    driver.manage().window().setSize(size);
    login("admin");
    new Select(driver.findElement(By.id("kind"))).selectByValue("opening-balances");
    List<Map<String, Object>> rows = new java.util.ArrayList<>();
    for (int i = 1; i <= 10_000; i++) {
      rows.add(Map.of("基地", "B-GC-ZJS", "物资", "M-SK", "批次号", prefix + i, "数量", i % 89 + 1));
    }
    byte[] big;
    try (XSSFWorkbook wb = Sheets.template(admin, "opening-balances")) {
      big = Sheets.fill(wb, 1, rows);
    }
    long before = admin.get("/api/movements?size=1").json().getLong("total");
    driver.findElement(By.id("file")).sendKeys(file(name + ".xlsx", big).toString());
    driver.findElement(By.id("import")).click();
    java.util.Map<String, List<Integer>> seen = new java.util.TreeMap<>();
    java.util.Set<String> shots = new java.util.HashSet<>();
    boolean reloaded = !reload;
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (!driver.findElement(By.id("summary")).getText().contains("已导入 10000 行")) {
      assertTrue(System.nanoTime() < deadline, "the import ends; seen " + seen);
      // The count and the bar read together: a poll's answer changes both between two reads.
      List<?> now = (List<?>) driver.executeScript("const r = document.getElementById('rows');"
          + "return [r.hidden ? '' : r.textContent, document.getElementById('progress').value];");
      String text = (String) now.get(0);
      var m = ROWS.matcher(text);
      if (m.matches()) {
        int n = Integer.parseInt(m.group(2).replace(",", ""));
        assertEquals(m.group(2), m.group(4), text);
        seen.computeIfAbsent(m.group(3), k -> new java.util.ArrayList<>()).add(n);
        assertEquals(n, ((Number) now.get(1)).intValue(), "the bar shows the rows counted: " + text);
        boolean worthAShot = m.group(3).equals("written") ? n >= 3_000 && n <= 8_000 : n > 0 && n < 10_000;
        if (worthAShot && shots.add(m.group(3))) {
          driver.executeScript("document.getElementById('rows').scrollIntoView({block: 'center'});");
          Browser.screenshot(driver, "excel-import-" + m.group(3) + "-" + name);
          assertTrue(wider().isEmpty(), "wider than the screen: " + wider());
        }
        if (!reloaded && m.group(3).equals("written") && n > 0) {
          driver.navigate().refresh();
          reloaded = true;
          waitFor("the page following the job again after the reload").until(d ->
              ROWS.matcher(d.findElement(By.id("rows")).getText()).matches()
              || d.findElement(By.id("summary")).getText().contains("已导入"));
        }
      }
      Thread.sleep(30);
    }
    assertTrue(reloaded);
    assertEquals("opening-balances", new Select(driver.findElement(By.id("kind"))).getFirstSelectedOption()
        .getAttribute("value"), "after the reload the page names the kind of the job it follows");
    assertTrue(shots.contains("written"), "a screenshot of the bar while writing: " + seen);
    assertTrue(seen.getOrDefault("written", List.of()).stream().anyMatch(n -> n > 0 && n < 10_000),
        "the rows written were seen moving: " + seen);
    // The checking phase (about a second for 10,000 rows) may fall between two polls of the page, so its count
    // is not asserted here; ImportJobsClusterTest asserts it on the API.
    System.out.println("IMPORT PAGE " + name + ": " + seen);
    assertTrue(driver.findElement(By.id("summary")).getText().contains("入账 booked 10000"),
        driver.findElement(By.id("summary")).getText());
    assertFalse(driver.findElement(By.id("marked")).isDisplayed(), "no marked sheet after a clean import");
    assertFalse(driver.findElement(By.id("rows")).isDisplayed(), "the row count goes with the bar");
    assertEquals(before + 10_000, admin.get("/api/movements?size=1").json().getLong("total"));
    driver.executeScript("document.getElementById('summary').scrollIntoView({block: 'center'});");
    Browser.screenshot(driver, "excel-import-done-" + name);
    assertTrue(wider().isEmpty(), "wider than the screen: " + wider());
  }

  /** Every kind the server imports is offered, named in Chinese; the rescue-team sheets work from the page. */
  @Test
  void theRescueTeamSheetsAreOfferedAndCheckedOnAPhone() throws Exception {
    driver.manage().window().setSize(new Dimension(390, 844));
    login("admin");
    Select kind = new Select(driver.findElement(By.id("kind")));
    assertEquals(new java.util.TreeSet<>(ImportService.KINDS.keySet()), kind.getOptions().stream()
        .map(o -> o.getAttribute("value")).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
    assertTrue(kind.getOptions().stream().allMatch(o -> o.getText().codePointAt(0) > 0x2E80), "Chinese first");
    kind.selectByValue("rescue-teams");
    assertEquals("救援队伍 Rescue teams", kind.getFirstSelectedOption().getText());
    byte[] bad;
    try (XSSFWorkbook wb = Sheets.template(admin, "rescue-teams")) {
      bad = Sheets.fill(wb, 1, List.of(Map.of("队伍名称", "页面队", "所属单位", "ZZ-GC", "队长", "王五",
          "队长电话", "13900000011", "在册人数", 9, "专长", "舟艇、飞行")));
    }
    driver.findElement(By.id("file")).sendKeys(file("teams.xlsx", bad).toString());
    driver.findElement(By.id("import")).click();
    waitFor("the problem").until(d -> d.findElements(By.cssSelector("#problems li")).size() == 1);
    String problems = driver.findElement(By.id("problems")).getText();
    assertTrue(problems.contains("第 2 行 F 列「专长」") && problems.contains("「飞行」不是允许值")
        && problems.contains("舟艇 boats"), problems);
    driver.executeScript("document.getElementById('problems').scrollIntoView({block: 'center'});");
    Browser.screenshot(driver, "import-page-phone-rescue-teams");
    assertTrue(wider().isEmpty(), wider().toString());

    kind.selectByValue("team-requirements");
    byte[] good;
    try (XSSFWorkbook wb = Sheets.template(admin, "team-requirements")) {
      good = Sheets.fill(wb, 1, List.of(Map.of("单位", "惠济区", "应备待命队伍数", 3)));
    }
    driver.findElement(By.id("file")).sendKeys(file("requirements.xlsx", good).toString());
    driver.findElement(By.id("import")).click();
    waitFor("the import's answer").until(d -> d.findElement(By.id("summary")).getText().contains("已导入 1 行"));
    assertTrue(driver.findElement(By.id("summary")).getText().contains("已设定 set 1"));
    driver.executeScript("document.getElementById('summary').scrollIntoView({block: 'center'});");
    Browser.screenshot(driver, "import-page-phone-team-requirements");
    assertTrue(wider().isEmpty(), wider().toString());
  }

  @Test
  void aKeeperIsToldOnlyAdminsImport() throws Exception {
    driver.manage().window().setSize(new Dimension(390, 844));
    login("keeper");
    assertTrue(driver.findElement(By.id("not-admin")).isDisplayed());
    assertFalse(driver.findElement(By.id("import")).isEnabled());
    Browser.screenshot(driver, "import-page-phone-keeper");
    assertTrue(wider().isEmpty(), wider().toString());
  }
}
