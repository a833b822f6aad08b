package org.floodready.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The drafts of one fact on one work-chat robot, gathered into one group message: a robot posts into its
 * group, so everyone the fact concerns is named (and @-mentioned by mobile where the robot can) in one post.
 */
final class RobotGroups {
  static final List<String> ROBOTS = List.of("wecom", "dingtalk", "feishu");

  /** One group message: the fact's first draft gives the text; the people are listed in order named. */
  record Group(String channel, List<Draft> drafts) {
    Draft first() {
      return drafts.get(0);
    }

    /** The row's recipient: the robot's group (part of the row's dedup key, so stable per channel). */
    String name() {
      return "群机器人 " + channel;
    }

    String mobiles() {
      String joined = drafts.stream().map(d -> d.to().phone()).filter(Objects::nonNull).filter(p -> !p.isBlank())
          .distinct().collect(Collectors.joining(","));
      return joined.isEmpty() ? null : joined;
    }

    Long[] memberIds() {
      return drafts.stream().map(d -> d.to().id()).toArray(Long[]::new);
    }

    String members() {
      return drafts.stream().map(d -> d.to().displayName()).collect(Collectors.joining("、"));
    }
  }

  private final Map<String, Group> byFact = new LinkedHashMap<>();

  void add(String channel, Draft d) {
    byFact.computeIfAbsent(d.dedupKey() + "\n" + channel, k -> new Group(channel, new ArrayList<>())).drafts().add(d);
  }

  List<Group> all() {
    return List.copyOf(byFact.values());
  }
}
