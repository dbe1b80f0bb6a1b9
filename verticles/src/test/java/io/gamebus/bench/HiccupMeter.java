package io.gamebus.bench;

import java.util.concurrent.TimeUnit;

/**
 * What the machine itself does to a thread that only sleeps, as jHiccup measures it: a daemon
 * thread sleeps 1 ms over and over and counts the wake-ups that came more than
 * {@value #LATE_MS} ms late. A JVM's own pauses and a virtual CPU the host did not run show here as
 * they show in every latency the benchmark measures in that process, so a latency figure can be
 * read against the floor its machine set in the same window. Costs a wake-up a millisecond.
 */
final class HiccupMeter implements AutoCloseable {

  static final int LATE_MS = 2;
  private static final long SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private final Thread thread;
  private volatile boolean running = true;
  private volatile int late;
  private volatile long worstNanos;

  private HiccupMeter() {
    thread = new Thread(this::run, "hiccup-meter");
    thread.setDaemon(true);
    thread.start();
  }

  static HiccupMeter start() {
    return new HiccupMeter();
  }

  private void run() {
    long before = System.nanoTime();
    while (running) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException stopped) {
        return;
      }
      long now = System.nanoTime();
      long lateBy = now - before - SLEEP_NANOS;
      if (lateBy > TimeUnit.MILLISECONDS.toNanos(LATE_MS)) {
        late++; // one writer
      }
      worstNanos = Math.max(worstNanos, lateBy);
      before = now;
    }
  }

  /** Wake-ups more than {@value #LATE_MS} ms late so far. */
  int late() {
    return late;
  }

  /** The latest any wake-up came, in ms. */
  double worstMillis() {
    return worstNanos / 1e6;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
