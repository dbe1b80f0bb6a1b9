package io.gamebus.launcher;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings what Hazelcast logs at a cluster node's start from some 60-80 lines (banner, copyright,
 * Jet and security hints, health monitor, migrations) to its warnings and the member list. An
 * operator who gives the JDK a logging configuration ({@code -Djava.util.logging.config.file})
 * decides alone: nothing is changed then.
 */
final class HazelcastLogging {

  /** Kept here: the JDK holds loggers weakly, and a collected logger forgets its level. */
  private static final Logger HAZELCAST = Logger.getLogger("com.hazelcast");
  /** Logs {@code Members {size:2, ver:2} [...]} whenever a member joins or leaves. */
  private static final Logger MEMBERS = Logger.getLogger("com.hazelcast.internal.cluster.ClusterService");

  private HazelcastLogging() {
  }

  static void quiet() {
    System.setProperty("hazelcast.logging.type", "jdk");
    if (System.getProperty("java.util.logging.config.file") != null
        || System.getProperty("java.util.logging.config.class") != null) {
      return;
    }
    if (HAZELCAST.getLevel() == null) {
      HAZELCAST.setLevel(Level.WARNING);
    }
    if (MEMBERS.getLevel() == null) {
      MEMBERS.setLevel(Level.INFO);
    }
  }
}
