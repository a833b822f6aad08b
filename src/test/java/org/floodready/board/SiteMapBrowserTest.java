package org.floodready.board;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.floodready.support.Api;
import org.floodready.support.Browser;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The board's site map with more bases than it shows one by one (900 generated beside the demo district): it
 * shows them as counted cells, asks by its view, and a click on a cell zooms in until the bases show one by one;
 * on a desktop and on a 390×844 phone. Screenshots in target/screenshots/sitemap-*.png.
 */
@FloodReadyTest(browser = true)
class SiteMapBrowserTest {
  static ChromeDriver driver;

  @BeforeAll
  static void manyBasesAndALogin(TestServer server, ChromeDriver browser, Api anonymous) throws Exception {
    server.server.app().pool().preparedQuery("INSERT INTO bases (code, name_zh, name_en, unit_id, address, lat, lon,"
            + " created_at) SELECT 'MAPB-' || g, '地图仓库' || g, 'Map base ' || g, (SELECT min(id) FROM units), 'test',"
            + " 35.0 + ((g * 7919) % 1000) / 2000.0, 114.0 + ((g * 104729) % 1000) / 2000.0, now()"
            + " FROM generate_series(1, $1) g")
        .execute(Tuple.of(900)).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    driver = browser;
    driver.manage().window().setSize(new Dimension(1600, 1000));
    Browser.logIn(driver, anonymous.base(), "duty");
  }

  static WebDriverWait waitFor(String what) {
    WebDriverWait w = new WebDriverWait(driver, Duration.ofSeconds(60));
    w.withMessage(what);
    return w;
  }

  static WebElement map() {
    return driver.findElement(By.id("panel-map"));
  }

  static List<WebElement> cells(String layer) {
    return map().findElements(By.cssSelector("svg circle[data-kind=cell][data-layer=" + layer + "]"));
  }

  @Test
  void manyBasesShowAsCellsAndACellZoomsInToSingleBases() throws Exception {
    waitFor("the map shows the bases as cells").until(d -> !cells("bases").isEmpty());
    waitFor("the checkpoints one by one").until(d ->
        !map().findElements(By.cssSelector("svg [data-kind=checkpoint]")).isEmpty());
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", map());
    Browser.screenshot(driver, "sitemap-desktop-cells");
    long total = cells("bases").stream().mapToLong(c -> Long.parseLong(c.getAttribute("data-count"))).sum();
    assertTrue(total >= 900, "the cells count every base in view: " + total);

    WebElement biggest = cells("bases").stream()
        .max(Comparator.comparingLong(c -> Long.parseLong(c.getAttribute("data-count")))).orElseThrow();
    driver.executeScript("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", biggest);
    waitFor("a click on a cell zooms in until the bases show one by one").until(d ->
        !map().findElements(By.cssSelector("svg [data-kind=base]")).isEmpty() && cells("bases").isEmpty());
    Browser.screenshot(driver, "sitemap-desktop-zoomed");

    driver.manage().window().setSize(new Dimension(390, 844));
    map().findElements(By.cssSelector("button.zoom")).get(2).click();
    waitFor("reset: the whole frame in cells again").until(d -> !cells("bases").isEmpty());
    driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", map());
    Browser.screenshot(driver, "sitemap-phone-cells");
    assertTrue(Browser.tooWide(driver).isEmpty(), "nothing wider than the phone: " + Browser.tooWide(driver));
  }
}
