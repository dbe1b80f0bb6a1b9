package io.gamebus.bench;

import io.gamebus.bench.FanoutSystems.Kind;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The stalled-subscriber check of the fan-out benchmark, on gamebus only: N normal subscribers and
 * one that registers, reads its first message, then stops reading ({@code pause()}, so TCP
 * backpressure builds up to the server). The publisher floods as fast as the window over the
 * normal ones allows. The bridge's ping and idle timeouts are raised out of the way (the loner does
 * not ping), so a close can only come from the bridge's handling of the backlog.
 */
final class FanoutStall {

  /** The stalled subscriber, reading again, is given up on after this long without a message. */
  static final int DRAIN_IDLE_SECONDS = 3;
  /** About this many latency samples in all, whatever the message count. */
  private static final long SAMPLES = 1_000_000;

  private FanoutStall() {
  }

  static void run(FanoutOptions options, Vertx servers, Vertx clients, List<Context> clientLoops) throws Exception {
    int n = options.stallSubscribers();
    try (FanoutRun run = new FanoutRun(servers, Kind.GAMEBUS, FanoutSystems.gamebusBridgeWithoutTimeouts(),
      clients, clientLoops, n)) {
      FanoutSubscribers group = run.group;
      FanoutPublisher publisher = run.publisher;
      FanoutSubscribers.Subscriber loner = group.connectLoner(run.system.port(), run.system.uri());
      run.warmUp(loner);
      loner.socket.pause();
      long heapBefore = FanoutReport.heapAfterGc();
      group.sample((int) Math.max(1, options.stallMessages() * n / SAMPLES));
      long r0 = group.totalReceived();
      long t0 = System.nanoTime();
      long floodStart = Frames.now();
      Future<Long> flood = publisher.flood(group, options.stallMessages(), options.window());
      long timer = servers.setTimer(options.stallSeconds() * 1000L, t -> publisher.stopFlood());
      long published = flood.await(options.stallSeconds() + 60L, TimeUnit.SECONDS);
      servers.cancelTimer(timer);
      double seconds = (System.nanoTime() - t0) / 1e9;
      Latency latency = group.stopSampling();
      double othersRate = (group.totalReceived() - r0) / seconds;
      boolean closedWhilePaused = loner.closed().isComplete();
      long heapAfter = FanoutReport.heapAfterGc();

      // Reading again shows whether the server cut the socket: its close comes after what got through.
      loner.trackLast();
      loner.socket.resume();
      long expected = publisher.nextIndex() - loner.firstIndex();
      // Until it is closed, has everything, or gets nothing more for a while (a bridge that drops).
      long seen = -1;
      long lastProgress = System.nanoTime();
      while (!loner.closed().isComplete() && loner.next() < publisher.nextIndex()
        && System.nanoTime() - lastProgress < TimeUnit.SECONDS.toNanos(DRAIN_IDLE_SECONDS)) {
        if (loner.received != seen) {
          seen = loner.received;
          lastProgress = System.nanoTime();
        }
        Thread.sleep(100);
      }
      if (group.closedCount() > 0) {
        System.out.printf("%n(the server closed %d of the %d reading subscribers too)%n", group.closedCount(), n);
      }
      FanoutReport.stalled(n, options.window(), published, seconds, othersRate, latency, heapBefore, heapAfter, closedWhilePaused,
        loner, expected, floodStart);
    }
  }
}
