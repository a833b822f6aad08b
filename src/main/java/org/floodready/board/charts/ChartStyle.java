package org.floodready.board.charts;

import org.floodready.print.CjkFonts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.Plot;

/** One look for every chart: the CJK font, white background, readable sizes on the duty-room screen. */
public final class ChartStyle {
  static final Color RED = new Color(0xC6, 0x28, 0x28);
  static final Color ORANGE = new Color(0xEF, 0x6C, 0x00);
  static final Color YELLOW = new Color(0xF9, 0xA8, 0x25);
  static final Color BLUE = new Color(0x15, 0x65, 0xC0);
  static final Color GREEN = new Color(0x2E, 0x7D, 0x32);
  static final Color GREY = new Color(0x61, 0x61, 0x61);
  static final Color[] SERIES = {BLUE, new Color(0x00, 0x83, 0x8F), new Color(0x6A, 0x1B, 0x9A), GREEN, GREY};
  static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
      new float[] {8f, 5f}, 0f);

  private ChartStyle() {
  }

  static void apply(JFreeChart chart) {
    StandardChartTheme theme = new StandardChartTheme("FloodReady");
    theme.setExtraLargeFont(CjkFonts.font(Font.BOLD, 20f));
    theme.setLargeFont(CjkFonts.font(Font.BOLD, 15f));
    theme.setRegularFont(CjkFonts.font(Font.PLAIN, 13f));
    theme.setSmallFont(CjkFonts.font(Font.PLAIN, 11f));
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setDomainGridlinePaint(new Color(0xE0, 0xE0, 0xE0));
    theme.setRangeGridlinePaint(new Color(0xE0, 0xE0, 0xE0));
    theme.apply(chart);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    Plot plot = chart.getPlot();
    plot.setNoDataMessage("暂无数据 No data");
    plot.setNoDataMessageFont(CjkFonts.font(Font.PLAIN, 16f));
  }
}
