package io.gamebus.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one subscriber client of the fan-out benchmark, the same for every system measured: N
 * WebSockets that register on {@link FanoutPublisher#ADDRESS} and count what arrives. It accepts
 * text and binary frames alike and counts one message per frame, or the elements of a SockJS
 * {@code a[...]} frame. Counting is all it does per frame, so that the client stays cheap next
 * to the server on a shared machine; the publish time is read from a frame only when sampling.
 */
final class FanoutSubscribers implements SubscriberGroup {

  static final String REGISTER = "{\"type\":\"register\",\"address\":\"" + FanoutPublisher.ADDRESS + "\"}";
  private static final String PING = "{\"type\":\"ping\"}";
  /** The bridges close a socket that has not pinged for 10 s by default; browsers ping every 5 s. */
  private static final long PING_EVERY_MS = 2_000;
  private static final int CONNECT_BATCH = 50;

  private final Vertx vertx;
  private final List<Context> loops;
  private int opened;
  /** Kept in a field: Vert.x closes the connections of a client that was garbage collected. */
  private final WebSocketClient client;
  /** Replaced, never changed in place: the publisher reads it on every burst. */
  private volatile Subscriber[] members = new Subscriber[0];
  private final long pinger;
  /** Every {@code sampleEvery}-th message of each subscriber is timed; 0: none. */
  private volatile int sampleEvery;

  /** Publish times are read from {@link Frames#EPOCH_KEY} (publisher in another JVM), else {@link Frames#SENT_KEY}. */
  private final boolean epochClock;

  /** Sockets are spread over {@code loops} in turn (contexts of {@code vertx}); at most {@code maxSockets}. */
  FanoutSubscribers(Vertx vertx, List<Context> loops, int maxSockets) {
    this(vertx, loops, maxSockets, false);
  }

  /** As above; {@code epochClock}: the publisher is in another JVM and stamps the wall clock. */
  FanoutSubscribers(Vertx vertx, List<Context> loops, int maxSockets, boolean epochClock) {
    this.epochClock = epochClock;
    this.vertx = vertx;
    this.loops = loops;
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(maxSockets));
    this.pinger = vertx.setPeriodic(PING_EVERY_MS, t -> {
      for (Subscriber s : snapshot()) {
        if (s.pings && !s.socket.isClosed()) {
          s.socket.writeTextMessage(PING);
        }
      }
    });
  }

  /** Connects {@code n} counted subscribers in batches, each batch waited for, and registers them. */
  void connect(int port, String uri, int n) throws Exception {
    for (int done = 0; done < n; done += CONNECT_BATCH) {
      List<Future<Subscriber>> batch = new ArrayList<>();
      for (int i = done; i < Math.min(n, done + CONNECT_BATCH); i++) {
        batch.add(open(port, uri, true));
      }
      Future.all(batch).await(30, TimeUnit.SECONDS);
    }
  }

  /**
   * One subscriber outside the group: not counted in {@link #slowestNext()}, and, not pinging, it
   * looks to the server like a tab whose connection stopped moving.
   */
  Subscriber connectLoner(int port, String uri) throws Exception {
    return open(port, uri, false).await(10, TimeUnit.SECONDS);
  }

  private Future<Subscriber> open(int port, String uri, boolean member) {
    // A socket belongs to the event loop it was connected from; from the main thread all would share one.
    Promise<Subscriber> opening = Promise.promise();
    loops.get(opened++ % loops.size()).runOnContext(v -> connect(port, uri, member).onComplete(opening));
    return opening.future();
  }

  private Future<Subscriber> connect(int port, String uri, boolean member) {
    return client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri)).map(ws -> {
      Subscriber s = new Subscriber(ws, member);
      if (member) {
        synchronized (this) {
          Subscriber[] more = Arrays.copyOf(members, members.length + 1);
          more[members.length] = s;
          members = more;
        }
      }
      ws.writeTextMessage(REGISTER);
      return s;
    });
  }

  private Subscriber[] snapshot() {
    return members;
  }

  /** Every counted subscriber has received at least one message. */
  @Override
  public boolean allReady() {
    for (Subscriber s : snapshot()) {
      if (!s.ready()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The publish index the slowest counted subscriber expects next: the publisher keeps its own
   * index minus this within a window. Warm-up messages sent before a socket's registration took
   * effect do not count as missing, because each subscriber starts from the index of its first one.
   * {@link Long#MAX_VALUE} when every one is closed.
   */
  @Override
  public long slowestNext() {
    long slowest = Long.MAX_VALUE;
    for (Subscriber s : snapshot()) {
      // One the server has closed reads nothing more, and must not hold the publisher back for ever.
      if (!s.closed.future().isComplete()) {
        slowest = Math.min(slowest, s.next());
      }
    }
    return slowest;
  }

  /** Counted subscribers closed so far; before {@link #closeAll()}, by the server. */
  int closedCount() {
    int closed = 0;
    for (Subscriber s : snapshot()) {
      if (s.closed.future().isComplete()) {
        closed++;
      }
    }
    return closed;
  }

  /** The first frame one of the counted subscribers got that was not a message, or null. */
  @Override
  public String firstUnexpected() {
    for (Subscriber s : snapshot()) {
      if (s.unexpected() != null) {
        return s.unexpected();
      }
    }
    return null;
  }

  /** Messages received so far, summed over the counted subscribers. */
  @Override
  public long totalReceived() {
    long total = 0;
    for (Subscriber s : snapshot()) {
      total += s.received;
    }
    return total;
  }

  int size() {
    return snapshot().length;
  }

  /** Starts timing every {@code every}-th message of each subscriber, dropping earlier samples. */
  @Override
  public void sample(int every) {
    for (Subscriber s : snapshot()) {
      s.clearSamples();
    }
    sampleEvery = every;
  }

  /**
   * Stops timing and returns the latencies seen so far by the counted subscribers; their samples
   * are let go, so that they do not count in a heap measurement that follows.
   */
  @Override
  public Latency stopSampling() {
    sampleEvery = 0;
    Subscriber[] all = snapshot();
    int total = 0;
    for (Subscriber s : all) {
      total += s.sampleCount;
    }
    long[] merged = new long[total];
    int at = 0;
    for (Subscriber s : all) {
      int count = Math.min(s.sampleCount, merged.length - at);
      System.arraycopy(s.samples, 0, merged, at, count);
      at += count;
      s.clearSamples();
    }
    return Latency.of(Arrays.copyOf(merged, at));
  }

  /** The publish index the fastest counted subscriber expects next: above what was published, a miscount. */
  long fastestNext() {
    long fastest = 0;
    for (Subscriber s : snapshot()) {
      fastest = Math.max(fastest, s.next());
    }
    return fastest;
  }

  /** Closes every counted subscriber and waits for the closes. */
  void closeAll() throws Exception {
    List<Future<Void>> closing = new ArrayList<>();
    for (Subscriber s : snapshot()) {
      closing.add(s.socket.close().recover(e -> Future.succeededFuture()));
    }
    synchronized (this) {
      members = new Subscriber[0];
    }
    Future.all(closing).await(30, TimeUnit.SECONDS);
  }

  /** Closes the client for good. */
  @Override
  public void shutdown() throws Exception {
    vertx.cancelTimer(pinger);
    closeAll();
    client.close().await(10, TimeUnit.SECONDS);
  }

  /** One WebSocket; its fields are written on its event loop only and read from anywhere. */
  final class Subscriber {

    final WebSocket socket;
    private final boolean pings;
    private final Promise<Void> first = Promise.promise();
    private final Promise<Void> closed = Promise.promise();
    volatile long received;
    /** Publish index of the first message received; -1 before it. */
    private volatile long firstIndex = -1;
    private long[] samples = new long[1024];
    private volatile int sampleCount;
    /** Publish time of the last message it read, when tracking (a drained loner only). */
    private volatile long lastSentNanos = -1;
    private volatile String unexpected;
    private volatile boolean tracking;

    private Subscriber(WebSocket socket, boolean pings) {
      this.socket = socket;
      this.pings = pings;
      socket.handler(this::onFrame);
      socket.closeHandler(v -> closed.tryComplete());
      socket.exceptionHandler(e -> { });
    }

    boolean ready() {
      return firstIndex >= 0;
    }

    /** Publish index of the first message received; -1 before it. */
    long firstIndex() {
      return firstIndex;
    }

    long next() {
      return firstIndex < 0 ? 0 : firstIndex + received;
    }

    /** Completes when the first message has arrived. */
    Future<Void> firstMessage() {
      return first.future();
    }

    /** Completes when the socket is closed, by either side. */
    Future<Void> closed() {
      return closed.future();
    }

    /** The first frame that was not a message, if one came before any message (e.g. an {@code err}). */
    String unexpected() {
      return unexpected;
    }

    /** When the last message this subscriber read was published ({@link Frames#now()}), -1 if none. */
    long lastSentNanos() {
      return lastSentNanos;
    }

    /** Reads every frame's publish time from now on (for a drained loner; not cheap). */
    void trackLast() {
      tracking = true;
    }

    private void onFrame(Buffer frame) {
      boolean sockJs = frame.length() > 1 && frame.getByte(0) == 'a' && frame.getByte(1) == '[';
      if (!sockJs && frame.length() == 1) {
        return; // SockJS open 'o' or heartbeat 'h' frame
      }
      if (firstIndex < 0) {
        long index = Frames.number(frame, Frames.INDEX_KEY);
        if (index < 0) {
          if (unexpected == null) {
            unexpected = frame.toString();
          }
          return;
        }
        firstIndex = index;
        first.tryComplete();
      }
      int every = sampleEvery;
      if (every > 0 && received % every == 0) {
        record(epochClock ? (Frames.epochMicros() - Frames.number(frame, Frames.EPOCH_KEY)) * 1_000
          : Frames.now() - Frames.number(frame, Frames.SENT_KEY));
      }
      if (tracking) {
        lastSentNanos = Frames.lastNumber(frame, Frames.SENT_KEY);
      }
      received += sockJs ? Frames.sockJsElements(frame) : 1;
    }

    private void record(long latency) {
      int count = sampleCount;
      if (count == samples.length) {
        samples = Arrays.copyOf(samples, count * 2);
      }
      samples[count] = latency;
      sampleCount = count + 1; // volatile write after the store: the reader sees the sample
    }

    private void clearSamples() {
      // Only called while sampling is off, so the event loop is not writing concurrently.
      sampleCount = 0;
      samples = new long[1024];
    }
  }
}
