package io.gamebus.endpoint;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Connections the whole node may hold open at once, across every endpoint, kept below the
 * process's open-file limit so that listeners, jars and the cluster always have descriptors left.
 * A connection past the budget is closed as soon as it is accepted. Shared by every endpoint of a
 * node; thread-safe.
 */
public final class ConnectionBudget {

  /** Descriptors kept for everything that is not a connection: at least 64, or an eighth of the limit. */
  static int margin(long openFileLimit) {
    return (int) Math.max(64, openFileLimit / 8);
  }

  private final int capacity;
  private final AtomicInteger used = new AtomicInteger();

  private ConnectionBudget(int capacity) {
    this.capacity = capacity;
  }

  /** A budget of exactly {@code capacity} connections (tests, or a node that knows better). */
  public static ConnectionBudget of(int capacity) {
    return new ConnectionBudget(capacity);
  }

  /** The open-file limit of this process minus {@link #margin}; unlimited where the OS does not say. */
  public static ConnectionBudget forThisProcess() {
    long limit = openFileLimit();
    return new ConnectionBudget(limit <= 0 ? Integer.MAX_VALUE
      : (int) Math.max(1, Math.min(Integer.MAX_VALUE, limit - margin(limit))));
  }

  /** The process's open-file limit, or -1 where the platform does not tell. */
  public static long openFileLimit() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      return unix.getMaxFileDescriptorCount();
    }
    return -1;
  }

  /** Takes one connection from the budget; false when it is spent. */
  public boolean tryAcquire() {
    while (true) {
      int now = used.get();
      if (now >= capacity) {
        return false;
      }
      if (used.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  /** Gives back one connection taken by {@link #tryAcquire()}. */
  public void release() {
    used.decrementAndGet();
  }

  public int capacity() { return capacity; }
  public int inUse() { return used.get(); }

  /** A start-up warning when the endpoints' maxConnections together exceed the budget, else null. */
  public String warning(long configuredConnections) {
    if (configuredConnections <= capacity) {
      return null;
    }
    return "the endpoints' maxConnections add up to " + configuredConnections + ", more than the " + capacity
      + " connections this process can hold (open-file limit " + openFileLimit()
      + " minus a margin); connections past " + capacity + " are refused. Raise the limit (ulimit -n) or lower maxConnections.";
  }
}
