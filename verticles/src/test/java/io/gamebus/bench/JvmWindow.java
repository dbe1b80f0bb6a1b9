package io.gamebus.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What this JVM did during a measured window, so a latency figure can be told apart from the
 * process's own pauses: every garbage collection that ended in the window (from the collectors'
 * notifications, which give each one's duration), the CPU time of the whole process, and the
 * busiest Vert.x event loop (a loop near 100 % queues what it reads or writes). Used on both sides
 * of a latency run with the subscribers in another process.
 */
final class JvmWindow implements AutoCloseable {

  /** Collections in the window: {@code count}, their summed and longest duration in ms (G1: young pauses mostly). */
  record Summary(int gcCount, long gcTotalMillis, long gcMaxMillis, double cores, double busiestLoop, double machineBusy,
                 int hiccups, double worstHiccupMillis) {

    /** {@code count / total / max ms} of the collections. */
    String gc() {
      return gcCount == 0 ? "0" : String.format("%d / %d / %d", gcCount, gcTotalMillis, gcMaxMillis);
    }

    /** One line for the child to hand to its parent. */
    String encode() {
      return gcCount + " " + gcTotalMillis + " " + gcMaxMillis + " " + cores + " " + busiestLoop + " " + machineBusy
        + " " + hiccups + " " + worstHiccupMillis;
    }

    /** {@code late wake-ups / the latest in ms} of the {@link HiccupMeter}. */
    String hiccupCell() {
      return String.format("%d / %.1f", hiccups, worstHiccupMillis);
    }

    static Summary decode(String[] words, int from) {
      return new Summary(Integer.parseInt(words[from]), Long.parseLong(words[from + 1]), Long.parseLong(words[from + 2]),
        Double.parseDouble(words[from + 3]), Double.parseDouble(words[from + 4]), Double.parseDouble(words[from + 5]),
        Integer.parseInt(words[from + 6]), Double.parseDouble(words[from + 7]));
    }
  }

  private static final String EVENT_LOOP = "vert.x-eventloop-thread";

  private final ConcurrentLinkedQueue<Long> gcMillis = new ConcurrentLinkedQueue<>();
  private final NotificationListener listener = this::onNotification;
  private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> loopCpu0;
  private final long cpu0;
  private final long[] machine0 = machineTicks();
  private final long t0;
  private final HiccupMeter hiccups = HiccupMeter.start();

  private JvmWindow() {
    for (GarbageCollectorMXBean gc : collectors) {
      ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
    }
    loopCpu0 = loopCpu();
    cpu0 = FanoutReport.processCpuNanos();
    t0 = System.nanoTime();
  }

  /** Starts watching now; {@link #summary()} ends the window. */
  static JvmWindow open() {
    return new JvmWindow();
  }

  private void onNotification(Notification notification, Object handback) {
    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
      gcMillis.add(info.getGcInfo().getDuration());
    }
  }

  /** What happened since {@link #open()}. */
  Summary summary() {
    long wall = Math.max(1, System.nanoTime() - t0);
    double cores = (FanoutReport.processCpuNanos() - cpu0) / (double) wall;
    double busiest = 0;
    for (Map.Entry<Long, Long> loop : loopCpu().entrySet()) {
      Long before = loopCpu0.get(loop.getKey());
      busiest = Math.max(busiest, (loop.getValue() - (before == null ? 0 : before)) / (double) wall);
    }
    long total = 0;
    long max = 0;
    int count = 0;
    for (long ms : gcMillis) {
      total += ms;
      max = Math.max(max, ms);
      count++;
    }
    long[] machine1 = machineTicks();
    double machineBusy = machine0 == null || machine1 == null ? Double.NaN
      : 1 - (machine1[1] - machine0[1]) / (double) Math.max(1, machine1[0] - machine0[0]);
    return new Summary(count, total, max, cores, busiest, machineBusy, hiccups.late(), hiccups.worstMillis());
  }

  /**
   * All CPUs' ticks since boot and the idle ones among them (idle + iowait), from the first line of
   * {@code /proc/stat} (Linux); null elsewhere. On a 2-core machine shared by a server, a client and
   * the kernel's loopback work, a busy machine queues threads behind each other: that shows here.
   */
  private static long[] machineTicks() {
    try {
      String[] fields = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < fields.length; i++) {
        total += Long.parseLong(fields[i]);
      }
      return new long[] {total, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  private Map<Long, Long> loopCpu() {
    Map<Long, Long> cpu = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && (info.getThreadName().startsWith(EVENT_LOOP) || info.getThreadName().equals(RawSubscribers.THREAD))) {
        long nanos = threads.getThreadCpuTime(info.getThreadId());
        if (nanos >= 0) {
          cpu.put(info.getThreadId(), nanos);
        }
      }
    }
    return cpu;
  }

  @Override
  public void close() {
    hiccups.close();
    for (GarbageCollectorMXBean gc : collectors) {
      try {
        ((NotificationEmitter) gc).removeNotificationListener(listener);
      } catch (ListenerNotFoundException alreadyGone) {
        // Nothing to remove.
      }
    }
  }
}
