package org.floodready.print;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The font for Chinese labels in charts and PDFs, chosen once by family name among the fonts the
 * machine has (Debian's fonts-noto-cjk, which .ci/run installs). A machine without one falls back to
 * the logical SansSerif font with a warning: charts still render, Chinese may show as boxes.
 */
public final class CjkFonts {
  private static final Logger log = LoggerFactory.getLogger(CjkFonts.class);

  static final List<String> PREFERRED_FAMILIES = List.of(
      "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
      "Noto Sans CJK TC", "Noto Serif CJK SC", "AR PL UMing CN");

  /** Font files OpenPDF can embed, in order of preference; ",2" picks the SC face of Noto's collection. */
  static final List<String> PDF_FONT_FILES = List.of(
      "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2",
      "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc,2",
      "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0",
      "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0",
      "/usr/share/fonts/truetype/arphic/uming.ttc,0");

  private static final java.util.Map<String, Font> FONTS = new java.util.concurrent.ConcurrentHashMap<>();
  private static final String FAMILY;
  private static final String PDF_FONT;

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    Set<String> installed = Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment()
        .getAvailableFontFamilyNames()).collect(Collectors.toSet());
    FAMILY = PREFERRED_FAMILIES.stream().filter(installed::contains).findFirst().orElse(null);
    if (FAMILY == null) {
      log.warn("No CJK font found (looked for {}); charts fall back to SansSerif and Chinese labels may not"
          + " render. Install fonts-noto-cjk.", PREFERRED_FAMILIES);
    } else {
      log.info("Chart font: {}", FAMILY);
    }
    PDF_FONT = PDF_FONT_FILES.stream()
        .filter(f -> Files.isReadable(Path.of(f.substring(0, f.lastIndexOf(',')))))
        .findFirst().orElse(null);
    if (PDF_FONT == null) {
      log.warn("No CJK font file found for PDF reports (looked for {}); Chinese text in PDFs will be missing",
          PDF_FONT_FILES);
    }
  }

  private CjkFonts() {
  }

  /** The chosen family, or the logical "SansSerif" when no CJK font is installed. */
  public static String family() {
    return FAMILY == null ? Font.SANS_SERIF : FAMILY;
  }

  public static boolean cjkAvailable() {
    return FAMILY != null;
  }

  /** Fonts are immutable: one instance per style and size serves every chart. */
  public static Font font(int style, float size) {
    return FONTS.computeIfAbsent(style + "/" + size, k -> new Font(family(), style, 12).deriveFont(size));
  }

  /** The font file (with collection index) for OpenPDF's BaseFont, if the machine has one. */
  public static Optional<String> pdfFontFile() {
    return Optional.ofNullable(PDF_FONT);
  }
}
