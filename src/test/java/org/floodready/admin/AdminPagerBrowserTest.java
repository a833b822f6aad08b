package org.floodready.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.Browser;
import org.floodready.support.FloodReadyTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin pager of a list longer than the node counts (cap lowered to 5, pages of 20): "共 20+ 条", Next usable
 * page after page, the exact total on the last page; at 390×844 and on a desktop. Screenshots: admin-pager-*.
 */
@FloodReadyTest(browser = true, args = {"--list-count-cap", "5"})
class AdminPagerBrowserTest {
  private static final By PAGER = By.id("pager-quotas");
  private static final By NEXT = By.xpath("//span[@id='pager-quotas']/following-sibling::button");

  @Test
  void aCappedTotalShowsPlusAndNextReachesTheLastPage(ChromeDriver driver, Api anonymous, @As("admin") Api admin)
      throws Exception {
    long exact = admin.get("/api/quotas?size=500").json().getLong("total");
    assertTrue(exact > 40, "the demo has more quota lines than two admin pages: " + exact);
    driver.manage().window().setSize(new Dimension(1600, 1000));
    driver.get(anonymous.base() + "/admin/#quotas");
    wait(driver, "login form").until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("admin");
    driver.findElement(By.id("password")).sendKeys("Flood@2026");
    driver.findElement(By.id("login-button")).click();
    pagerText(driver, "第 1 /");

    for (Dimension size : List.of(new Dimension(390, 844), new Dimension(1600, 1000))) {
      String suffix = size.getWidth() < 500 ? "phone" : "desktop";
      driver.manage().window().setSize(size);
      driver.navigate().refresh();
      String first = pagerText(driver, "第 1 /");
      assertTrue(first.contains("/ 2+ 页") && first.contains("共 20+ 条"), "a capped total reads 20+: " + first);
      assertTrue(driver.findElement(PAGER).getDomAttribute("title").contains("More than 20"), "explained on hover");
      if (suffix.equals("phone")) {
        assertEquals(List.of(), Browser.tooWide(driver), "nothing wider than the phone");
      }
      driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", driver.findElement(PAGER));
      Browser.screenshot(driver, "admin-pager-" + suffix);
      driver.findElement(NEXT).click();
      String second = pagerText(driver, "第 2 /");
      assertTrue(second.contains("共 40+ 条"), "the next page counts to its end and one more: " + second);
    }

    for (int page = 3; page <= 30 && driver.findElement(NEXT).isEnabled(); page++) {
      driver.findElement(NEXT).click();
      pagerText(driver, "第 " + page + " /");
    }
    String last = driver.findElement(PAGER).getText();
    assertFalse(driver.findElement(NEXT).isEnabled(), "Next ends at the last page: " + last);
    assertFalse(last.contains("+"), "the last page knows the exact total: " + last);
    assertTrue(last.contains("共 " + exact + " 条"), last + " vs " + exact);
  }

  private static String pagerText(ChromeDriver driver, String prefix) {
    return wait(driver, "pager shows " + prefix).until(d -> {
      List<WebElement> pager = d.findElements(PAGER);
      String text = pager.isEmpty() ? "" : pager.get(0).getText();
      return text.startsWith(prefix) ? text : null;
    });
  }

  private static WebDriverWait wait(ChromeDriver driver, String what) {
    WebDriverWait w = new WebDriverWait(driver, Duration.ofSeconds(45));
    w.withMessage(what);
    w.ignoring(StaleElementReferenceException.class);
    return w;
  }
}
