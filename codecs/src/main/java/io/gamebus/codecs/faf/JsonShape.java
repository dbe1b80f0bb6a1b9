package io.gamebus.codecs.faf;

/**
 * Incremental look at bytes pending without a newline: tracks string/escape state and nesting
 * depth so the WebSocket reader can tell, at a frame end, whether the bytes may already form one
 * complete JSON value. Each byte is looked at once, so a message cut into many small frames costs
 * linear time instead of a re-parse per frame. It does not validate: the decoder does.
 */
final class JsonShape {

  private int depth;
  private byte root;
  private boolean inString;
  private boolean escaped;
  private boolean closed;
  private boolean invalid;

  void reset() {
    depth = 0;
    root = 0;
    inString = false;
    escaped = false;
    closed = false;
    invalid = false;
  }

  void scan(byte[] b, int off, int len) {
    for (int i = off, end = off + len; i < end && !invalid; i++) {
      byte c = b[i];
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = false;
          closed = depth == 0;
        }
      } else if (!Bytes.isBlank(c)) {
        structural(c);
      }
    }
  }

  private void structural(byte c) {
    if (closed) {
      invalid = true; // a second value after a complete one: the decoder reports trailing data
      return;
    }
    if (root == 0) {
      root = c;
    }
    if (c == '"') {
      inString = true;
    } else if (c == '{' || c == '[') {
      depth++;
    } else if (c == '}' || c == ']') {
      depth--;
      invalid = depth < 0;
      closed = depth == 0;
    }
  }

  /**
   * True when the decoder should look at the bytes now: a value is complete, the bytes are
   * already malformed, or the root is a number or literal (never an object, so an error anyway).
   */
  boolean decidable() {
    return root != 0 && (closed || invalid || (root != '{' && root != '[' && root != '"'));
  }
}
