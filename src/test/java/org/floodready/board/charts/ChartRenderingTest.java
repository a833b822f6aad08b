package org.floodready.board.charts;

import org.floodready.print.CjkFonts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ChartRenderingTest {
  static final List<String> NAMES = List.of("编织袋", "土工布袋", "救生衣", "冲锋舟", "潜水泵", "排水抢险车", "发电机组",
      "小魏庄水库", "尖岗水库", "航海路机场高速北涵洞", "烟厂西街", "后街", "十八里河街道", "管城回族区", "惠济区",
      "南曹乡", "花园口镇", "防汛限制水位", "满足率", "应急响应Ⅳ级");

  static BarChartSpec coverage(double woven) {
    return new BarChartSpec("物资满足率 Coverage by category", "类别", "满足率 %", List.of(
        new BarChartSpec.Bar("满足率", "防御材料", woven),
        new BarChartSpec.Bar("满足率", "救生器材", 104),
        new BarChartSpec.Bar("满足率", "抢险机具", 66)), 100.0, "定额 100%", 80.0);
  }

  @Test
  void theChosenFontDisplaysItemAndPlaceNames() {
    assertTrue(CjkFonts.cjkAvailable(), "no CJK font installed: install fonts-noto-cjk (.ci/run does)");
    Font font = CjkFonts.font(Font.PLAIN, 14f);
    for (String name : NAMES) {
      assertEquals(-1, font.canDisplayUpTo(name), font.getFontName() + " cannot display " + name);
    }
  }

  @Test
  void barChartRendersAPngOfTheRequestedSize() throws Exception {
    byte[] png = ChartResponder.png(coverage(72), 640, 360);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(640, img.getWidth());
    assertEquals(360, img.getHeight());
    assertTrue(hasRed(img), "a bar below the 80% threshold is drawn red");
    assertTrue(!hasRed(ImageIO.read(new ByteArrayInputStream(ChartResponder.png(new BarChartSpec("t", "c", "v",
        List.of(new BarChartSpec.Bar("s", "a", 95)), 100.0, "100%", 80.0), 400, 300)))),
        "no red when every bar is above the threshold");
  }

  @Test
  void levelChartRendersStepLineBandsAndLines() throws Exception {
    Instant t0 = Instant.parse("2026-07-18T00:00:00Z");
    List<LevelChartSpec.Point> points = new ArrayList<>();
    List<LevelChartSpec.Point> limit = new ArrayList<>();
    for (int h = 0; h < 72; h += 3) {
      points.add(new LevelChartSpec.Point(t0.plusSeconds(h * 3600L), 128.2 + h * 0.03));
    }
    for (int d = 0; d < 3; d++) {
      limit.add(new LevelChartSpec.Point(t0.plusSeconds(d * 86400L), d < 1 ? 129.0 : 129.5));
    }
    LevelChartSpec spec = new LevelChartSpec("小魏庄水库 水位", "水位 m", ZoneId.of("Asia/Shanghai"), "实测水位",
        points, "汛限水位", limit, List.of(new LevelChartSpec.Line("设计洪水位 132.0", 132.0, "red")),
        List.of(new LevelChartSpec.Band("防洪高水位—设计洪水位", 131.2, 132.0, "orange")));
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(ChartResponder.png(spec, 900, 420)));
    assertEquals(900, img.getWidth());
    assertEquals(420, img.getHeight());
  }

  @Test
  void digestChangesWithTheDataAndOnlyThen() {
    assertEquals(coverage(72).digest(), coverage(72).digest());
    assertNotEquals(coverage(72).digest(), coverage(73).digest());
  }

  private static boolean hasRed(BufferedImage img) {
    for (int x = 0; x < img.getWidth(); x += 2) {
      for (int y = 0; y < img.getHeight(); y += 2) {
        int rgb = img.getRGB(x, y);
        if ((rgb & 0xFFFFFF) == (ChartStyle.RED.getRGB() & 0xFFFFFF)) {
          return true;
        }
      }
    }
    return false;
  }
}
