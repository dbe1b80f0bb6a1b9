package io.gamebus.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The client end of one WebSocket on a bare {@link SocketChannel} (RFC 6455), for
 * {@link RawSubscribers}: the opening handshake made blocking, then masked frames written. Reading
 * frames is the caller's. Nothing here is shared between sockets or threads.
 */
final class RawWebSocket {

  private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};
  private static final int MAX_HANDSHAKE = 8192;

  final SocketChannel channel;
  /** Bytes read but not yet parsed: the frames that came with the handshake's answer, then every read's. */
  final ByteBuffer in;

  private RawWebSocket(SocketChannel channel, ByteBuffer in) {
    this.channel = channel;
    this.in = in;
  }

  /**
   * Connects to {@code 127.0.0.1:port}, upgrades {@code uri} with the headers a Vert.x client sends
   * (including its {@code Origin}), and returns the socket once the server has answered 101, still
   * blocking. {@code bufferBytes}: the largest frame it can read.
   */
  static RawWebSocket open(int port, String uri, int bufferBytes) throws IOException {
    SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
    channel.socket().setTcpNoDelay(true);
    byte[] key = new byte[16];
    ThreadLocalRandom.current().nextBytes(key);
    String request = "GET " + uri + " HTTP/1.1\r\n"
      + "Host: 127.0.0.1:" + port + "\r\n"
      + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
      + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
      + "Sec-WebSocket-Version: 13\r\n"
      + "Origin: http://127.0.0.1:" + port + "\r\n\r\n";
    writeFully(channel, ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
    ByteBuffer in = ByteBuffer.allocate(bufferBytes);
    int end;
    while ((end = indexOf(in.array(), 0, in.position(), HEADER_END)) < 0) {
      if (in.position() > MAX_HANDSHAKE || channel.read(in) < 0) {
        channel.close();
        throw new IOException("no WebSocket handshake answer from port " + port + uri + ": "
          + new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1));
      }
    }
    String answer = new String(in.array(), 0, end, StandardCharsets.ISO_8859_1);
    if (!answer.startsWith("HTTP/1.1 101")) {
      channel.close();
      throw new IOException("WebSocket upgrade of " + uri + " refused: " + answer.lines().findFirst().orElse(answer));
    }
    // What came after the header is already frames: keep it at the start of the buffer.
    in.flip().position(end + HEADER_END.length);
    in.compact();
    return new RawWebSocket(channel, in);
  }

  /** Writes one masked text frame; blocks (spins on a non-blocking channel) until it is all written. */
  void writeText(String text) throws IOException {
    write(0x1, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Answers a server's ping with a pong carrying the same payload. */
  void pong(byte[] payload, int from, int to) throws IOException {
    byte[] copy = new byte[to - from];
    System.arraycopy(payload, from, copy, 0, copy.length);
    write(0xA, copy);
  }

  /** Sends a close frame (status 1000) and closes the channel. */
  void close() throws IOException {
    try {
      if (channel.isConnected()) {
        write(0x8, new byte[] {0x03, (byte) 0xE8});
      }
    } finally {
      channel.close();
    }
  }

  /** One final frame of {@code opcode}, masked as a client's must be (payloads under 64 KiB). */
  private void write(int opcode, byte[] payload) throws IOException {
    if (payload.length >= 65_536) {
      throw new IllegalArgumentException("frames this client sends are small");
    }
    int lengthBytes = payload.length < 126 ? 0 : 2;
    ByteBuffer frame = ByteBuffer.allocate(2 + lengthBytes + 4 + payload.length);
    frame.put((byte) (0x80 | opcode));
    if (lengthBytes == 0) {
      frame.put((byte) (0x80 | payload.length));
    } else {
      frame.put((byte) (0x80 | 126)).putShort((short) payload.length);
    }
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    frame.put(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.put((byte) (payload[i] ^ mask[i & 3]));
    }
    writeFully(channel, frame.flip());
  }

  private static void writeFully(SocketChannel channel, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      if (channel.write(bytes) == 0) {
        Thread.onSpinWait();
      }
    }
  }

  /** Where {@code needle} first starts in {@code bytes[from, to)}, or -1. */
  static int indexOf(byte[] bytes, int from, int to, byte[] needle) {
    outer:
    for (int i = from; i <= to - needle.length; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (bytes[i + k] != needle[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
