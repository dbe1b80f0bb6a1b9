package io.gamebus.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * A subscriber client that costs as little as a client can, for latency runs in another JVM
 * ({@code --child-client raw}): N WebSockets on bare NIO, read by one thread through one selector
 * into one reused buffer per socket, frames parsed in place, nothing allocated per message. The
 * Vert.x client ({@link FanoutSubscribers}) copies every frame into a buffer of its own (450 MB/s at
 * half of gamebus's maximum), so one core of it cannot keep up with what the server sends on the
 * other; this one leaves the latency measured to the server.
 *
 * <p>It reads the raw-WebSocket paths of the three systems, one message per text frame; a SockJS
 * {@code a[...]} frame or a fragmented message ends the run with the reason rather than being
 * counted wrong.
 */
final class RawSubscribers implements SubscriberGroup {

  /** The loop thread's name; {@link JvmWindow} reports its CPU share as the client's busiest loop. */
  static final String THREAD = "raw-subscribers-loop";
  /** Larger than any frame of the benchmark (408 bytes) by far, so that a read takes many at once. */
  private static final int BUFFER_BYTES = 256 * 1024;
  private static final long PING_EVERY_NS = TimeUnit.SECONDS.toNanos(2);
  private static final byte[] INDEX = Frames.INDEX_KEY.getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EPOCH = Frames.EPOCH_KEY.getBytes(StandardCharsets.US_ASCII);
  private static final String PING = "{\"type\":\"ping\"}";

  /** One socket's counts: written by the loop thread, read from anywhere. */
  private static final class Member {
    final RawWebSocket socket;
    volatile long firstIndex = -1;
    /** Messages read; published once per read in {@link #receivedSeen}, not per frame. */
    long received;
    volatile long receivedSeen;
    volatile boolean closed;
    /** Offset of the publish time's key in the last frame: the frames are alike, so it is tried first. */
    int epochOffset;

    Member(RawWebSocket socket) {
      this.socket = socket;
    }
  }

  private final Selector selector;
  private final Member[] members;
  private final Thread loop;
  private volatile boolean running = true;
  private volatile int sampleEvery;
  /** Written by the loop thread while sampling, cleared and read by others only while it is not. */
  private final LatencyHistogram latencies = new LatencyHistogram();
  /** Turns of the loop so far: a reader waits for two more to know the loop has seen a change. */
  private volatile long turns;
  private volatile String unexpected;
  private volatile String failure;

  /** Opens {@code n} WebSockets to {@code port}{@code uri}, registers each on the benchmark's address, starts reading. */
  RawSubscribers(int port, String uri, int n) throws IOException {
    selector = Selector.open();
    members = new Member[n];
    for (int i = 0; i < n; i++) {
      RawWebSocket socket = RawWebSocket.open(port, uri, BUFFER_BYTES);
      socket.writeText(FanoutSubscribers.REGISTER);
      socket.channel.configureBlocking(false);
      members[i] = new Member(socket);
      socket.channel.register(selector, SelectionKey.OP_READ, members[i]);
    }
    loop = new Thread(this::run, THREAD);
    loop.start();
  }

  private void run() {
    long nextPing = System.nanoTime() + PING_EVERY_NS;
    try {
      while (running) {
        // The action form: no selected-key set, whose entries and iterator were this client's only
        // garbage per wake-up (enough for a collection inside a measured window).
        selector.select(this::read, 100);
        if (System.nanoTime() - nextPing > 0) {
          // The bridges close a socket that has not pinged for 10 s by default.
          for (Member m : members) {
            if (!m.closed) {
              m.socket.writeText(PING);
            }
          }
          nextPing += PING_EVERY_NS;
        }
        turns++; // only this thread writes it
      }
    } catch (IOException | RuntimeException e) {
      failure = e.toString();
    }
  }

  private void read(SelectionKey key) {
    try {
      read((Member) key.attachment());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** One read of one socket, and every whole frame in its buffer. */
  private void read(Member m) throws IOException {
    ByteBuffer in = m.socket.in;
    if (m.socket.channel.read(in) < 0) {
      m.closed = true;
      m.socket.channel.close();
      return;
    }
    byte[] bytes = in.array();
    int at = 0;
    int end = in.position();
    int every = sampleEvery;
    while (end - at >= 2) {
      int length = bytes[at + 1] & 0x7f;
      int header = 2;
      if (length == 126) {
        if (end - at < 4) {
          break;
        }
        length = (bytes[at + 2] & 0xff) << 8 | bytes[at + 3] & 0xff;
        header = 4;
      } else if (length == 127) {
        throw new IOException("a frame over 64 KiB: not one of the benchmark's");
      }
      if (end - at < header + length) {
        break;
      }
      frame(m, bytes[at] & 0xff, bytes, at + header, at + header + length, every);
      at += header + length;
    }
    in.position(at).limit(end);
    in.compact();
    m.receivedSeen = m.received;
  }

  private void frame(Member m, int first, byte[] bytes, int from, int to, int every) throws IOException {
    int opcode = first & 0x0f;
    if (opcode == 0x8) {
      m.closed = true;
      m.socket.close();
      return;
    }
    if (opcode == 0x9) {
      m.socket.pong(bytes, from, to);
      return;
    }
    if (opcode == 0xA) {
      return;
    }
    if ((first & 0x80) == 0 || opcode == 0) {
      throw new IOException("a fragmented message: this client reads one message per frame");
    }
    if (to - from > 1 && bytes[from] == 'a' && bytes[from + 1] == '[') {
      throw new IOException("a SockJS a[...] frame: this client reads raw-WebSocket paths only");
    }
    if (m.firstIndex < 0) {
      long index = number(bytes, RawWebSocket.indexOf(bytes, from, to, INDEX), to, INDEX.length);
      if (index < 0) {
        if (unexpected == null) {
          unexpected = new String(bytes, from, to - from, StandardCharsets.UTF_8);
        }
        return;
      }
      m.firstIndex = index;
    }
    if (every > 0 && m.received % every == 0) {
      latencies.record((Frames.epochMicros() - number(bytes, epochKey(m, bytes, from, to), to, EPOCH.length)) * 1_000);
    }
    m.received++;
  }

  /** Where the publish time's key is in this frame: where it was in the last one, or searched for. */
  private static int epochKey(Member m, byte[] bytes, int from, int to) {
    int guess = from + m.epochOffset;
    if (guess + EPOCH.length <= to && Arrays.equals(bytes, guess, guess + EPOCH.length, EPOCH, 0, EPOCH.length)) {
      return guess;
    }
    int at = RawWebSocket.indexOf(bytes, from, to, EPOCH);
    if (at >= 0) {
      m.epochOffset = at - from;
    }
    return at;
  }

  /** The digits after the key at {@code key} (past its quote and colon), or -1 when there is no key. */
  private static long number(byte[] bytes, int key, int to, int keyLength) {
    if (key < 0) {
      return -1;
    }
    int i = key + keyLength;
    while (i < to && (bytes[i] < '0' || bytes[i] > '9')) {
      i++;
    }
    long value = -1;
    for (; i < to && bytes[i] >= '0' && bytes[i] <= '9'; i++) {
      value = (value < 0 ? 0 : value * 10) + (bytes[i] - '0');
    }
    return value;
  }

  @Override
  public long slowestNext() {
    long slowest = Long.MAX_VALUE;
    for (Member m : members) {
      if (!m.closed) {
        slowest = Math.min(slowest, m.firstIndex < 0 ? 0 : m.firstIndex + m.receivedSeen);
      }
    }
    return slowest;
  }

  @Override
  public boolean allReady() {
    failIfFailed();
    return Arrays.stream(members).allMatch(m -> m.firstIndex >= 0);
  }

  @Override
  public String firstUnexpected() {
    return failure != null ? "client failed: " + failure : unexpected;
  }

  @Override
  public long totalReceived() {
    return Arrays.stream(members).mapToLong(m -> m.receivedSeen).sum();
  }

  @Override
  public void sample(int every) {
    latencies.clear(); // the loop is not sampling: it sees this after the volatile write below
    sampleEvery = every;
  }

  @Override
  public Latency stopSampling() {
    sampleEvery = 0;
    awaitTurns(2);
    failIfFailed();
    return latencies.latency();
  }

  /** Waits until the loop has turned {@code more} times: from then on it has seen what was written before. */
  private void awaitTurns(int more) {
    long target = turns + more;
    while (turns < target && loop.isAlive()) {
      selector.wakeup();
      Thread.onSpinWait();
    }
  }

  private void failIfFailed() {
    if (failure != null) {
      throw new IllegalStateException("raw subscriber client failed: " + failure);
    }
  }

  @Override
  public void shutdown() throws Exception {
    running = false;
    selector.wakeup();
    loop.join(TimeUnit.SECONDS.toMillis(10));
    for (Member m : members) {
      try {
        m.socket.close();
      } catch (IOException alreadyClosed) {
        // The server went first.
      }
    }
    selector.close();
  }
}
