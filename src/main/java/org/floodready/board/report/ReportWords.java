package org.floodready.board.report;

import java.util.Map;

/** Enum values in the daily report in Chinese with English, as on the board (board.js has the same words). */
public final class ReportWords {
  private static final Map<String, String> WORDS = Map.ofEntries(
      Map.entry("none", "正常 normal"), Map.entry("blue", "蓝 blue"), Map.entry("yellow", "黄 yellow"),
      Map.entry("orange", "橙 orange"), Map.entry("red", "红 red"),
      Map.entry("raised", "待确认 raised"), Map.entry("upgraded", "升级 upgraded"),
      Map.entry("escalated", "超时升级 escalated"), Map.entry("acknowledged", "已确认 acknowledged"),
      Map.entry("resolved", "已解除 resolved"), Map.entry("withdrawn", "撤回发布 CAP withdrawn"),
      Map.entry("reported", "已上报 reported"), Map.entry("assigned", "已交办 assigned"),
      Map.entry("rectifying", "整改中 rectifying"), Map.entry("rectified", "已整改待核查 rectified"),
      Map.entry("closed", "已销号 closed"),
      Map.entry("report", "上报 report"), Map.entry("assign", "交办 assign"), Map.entry("start", "开始整改 start"),
      Map.entry("rectify", "整改完成 rectify"), Map.entry("verify", "核查销号 verify"), Map.entry("reopen", "退回 reopen"),
      Map.entry("escalate", "挂牌督办 escalate"), Map.entry("photo", "照片 photo"),
      Map.entry("water_body", "水体 water body"), Map.entry("water_surface", "水面 water surface"),
      Map.entry("channel", "河道 channel"), Map.entry("bank", "岸线 bank"),
      Map.entry("water_activity", "涉水活动 activity on the water"), Map.entry("outfall", "排污口 outfall"),
      Map.entry("signboard", "公示牌 signboard"), Map.entry("structure", "建筑物 structure"),
      Map.entry("seepage_piping", "渗漏管涌 seepage/piping"), Map.entry("bank_collapse", "岸坡坍塌 bank collapse"),
      Map.entry("blocked_culvert", "涵洞淤堵 blocked culvert"), Map.entry("inspection", "检查发现 inspection finding"),
      Map.entry("ok", "正常 ok"), Map.entry("problem", "有问题 problem"), Map.entry("open", "进行中 open"));

  private ReportWords() {
  }

  public static String word(String value) {
    return value == null ? "" : WORDS.getOrDefault(value, value);
  }
}
