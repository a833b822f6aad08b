package org.floodready.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Matches a Chinese name against what a keeper types on a phone keyboard: pinyin initials ({@code bzd} for
 * 编织袋) or whole pinyin without tones ({@code bianzhi}). A character with several readings matches any of them.
 */
final class PinyinMatch {
  private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();
  private static final Map<String, List<Set<String>>> READINGS = new ConcurrentHashMap<>();

  static {
    FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
    FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
    FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
  }

  private PinyinMatch() {
  }

  /** Latin letters only: worth comparing with pinyin. */
  static boolean isPinyinQuery(String text) {
    return text != null && text.matches("[A-Za-z]{1,40}");
  }

  /** True when {@code query} is a run of initials or a run of whole syllables (full or the last one begun). */
  static boolean matches(String name, String query) {
    String q = query.toLowerCase(Locale.ROOT);
    List<Set<String>> readings = READINGS.computeIfAbsent(name, PinyinMatch::readings);
    for (int start = 0; start < readings.size(); start++) {
      if (initialsFrom(readings, start, q) || syllablesFrom(readings, start, q)) {
        return true;
      }
    }
    return false;
  }

  private static boolean initialsFrom(List<Set<String>> readings, int start, String q) {
    if (start + q.length() > readings.size()) {
      return false;
    }
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (readings.get(start + i).stream().noneMatch(r -> r.charAt(0) == c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean syllablesFrom(List<Set<String>> readings, int index, String rest) {
    if (rest.isEmpty()) {
      return true;
    }
    if (index >= readings.size()) {
      return false;
    }
    for (String r : readings.get(index)) {
      if (rest.startsWith(r) && syllablesFrom(readings, index + 1, rest.substring(r.length()))) {
        return true;
      }
      if (r.startsWith(rest)) {
        return true;
      }
    }
    return false;
  }

  /** Per character its toneless readings; a letter or digit stands for itself. */
  private static List<Set<String>> readings(String name) {
    List<Set<String>> out = new ArrayList<>();
    for (char c : name.toCharArray()) {
      Set<String> set = new TreeSet<>();
      try {
        String[] pinyin = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
        if (pinyin != null) {
          for (String p : pinyin) {
            set.add(p.replace("u:", "v"));
          }
        }
      } catch (BadHanyuPinyinOutputFormatCombination e) {
        throw new IllegalStateException(e);
      }
      if (set.isEmpty() && Character.isLetterOrDigit(c)) {
        set.add(String.valueOf(Character.toLowerCase(c)));
      }
      if (!set.isEmpty()) {
        out.add(set);
      }
    }
    return out;
  }
}
