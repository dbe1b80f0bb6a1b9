package io.gamebus.codecs.faf;

import java.util.Arrays;

/**
 * Newline framing over a byte stream with a maximum line length, like the real server's asyncio
 * reader. Lines are handed out without the '\n' and without one trailing '\r'; empty and blank
 * lines too (the decoder rejects them, as the real server does). Not thread-safe and not re-entrant: one instance per connection.
 */
final class LineFramer {

  private static final byte[] EMPTY = new byte[0];
  // A buffer that once held a huge line is dropped instead of being kept per connection.
  private static final int RETAIN_BYTES = 64 * 1024;

  private final int maxLineBytes;
  private byte[] pending = EMPTY;
  private int pendingLen;
  private long newlines;
  private FafCodecException failure;

  /** @param maxLineBytes maximum bytes per line, excluding the '\n'; must be positive */
  LineFramer(int maxLineBytes) {
    if (maxLineBytes <= 0) {
      throw new IllegalArgumentException("maxLineBytes must be positive: " + maxLineBytes);
    }
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * Appends bytes and hands each complete line to {@code sink}, in order, as a range of an array
   * (no copy per line). Throws {@link FafCodecException.Reason#LINE_TOO_LONG} as soon as a line or
   * the bytes pending without a newline exceed the maximum; the framer then stays failed and
   * rethrows on every call.
   */
  void feed(byte[] b, int off, int len, LineSink sink) throws FafCodecException {
    if (failure != null) {
      throw failure;
    }
    int end = off + len;
    int start = off;
    for (int nl; start < end && (nl = Bytes.indexOfNewline(b, start, end)) >= 0; start = nl + 1) {
      newlines++;
      if (pendingLen == 0) {
        emit(b, start, nl - start, sink);
      } else {
        append(b, start, nl - start);
        int n = pendingLen;
        pendingLen = 0;
        emit(pending, 0, n, sink);
        release();
      }
    }
    if (start < end) {
      append(b, start, end - start);
    }
  }

  /** Bytes buffered waiting for a newline. */
  int pendingBytes() {
    return pendingLen;
  }

  /** Newlines seen so far; lets the WebSocket reader notice that its pending bytes restarted. */
  long newlines() {
    return newlines;
  }

  /** The pending bytes live in [0, pendingBytes()) of this array until the next call. */
  byte[] pendingArray() {
    return pending;
  }

  void clearPending() {
    pendingLen = 0;
    release();
  }

  private void emit(byte[] b, int off, int len, LineSink sink) throws FafCodecException {
    if (len > maxLineBytes) {
      throw fail();
    }
    if (len > 0 && b[off + len - 1] == '\r') {
      len--;
    }
    // Blank lines are handed out too: the real server's json.loads("") fails on them and it
    // drops the connection, so they are garbage, not padding.
    sink.line(b, off, len);
  }

  private void append(byte[] b, int off, int len) throws FafCodecException {
    int needed = pendingLen + len;
    if (needed > maxLineBytes) {
      throw fail();
    }
    if (needed > pending.length) {
      int grown = (int) Math.min(maxLineBytes, Math.max(256L, pending.length * 2L));
      pending = Arrays.copyOf(pending, Math.max(needed, grown));
    }
    System.arraycopy(b, off, pending, pendingLen, len);
    pendingLen = needed;
  }

  private void release() {
    if (pending.length > RETAIN_BYTES) {
      pending = EMPTY;
    }
  }

  private FafCodecException fail() {
    pending = EMPTY;
    pendingLen = 0;
    failure = new FafCodecException(FafCodecException.Reason.LINE_TOO_LONG,
        "line exceeds " + maxLineBytes + " bytes");
    return failure;
  }
}
