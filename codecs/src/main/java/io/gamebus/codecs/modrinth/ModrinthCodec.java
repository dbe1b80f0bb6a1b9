package io.gamebus.codecs.modrinth;

import io.gamebus.codecs.json.JsonFrameDecoder;
import io.gamebus.codecs.json.JsonFrameException;
import io.gamebus.codecs.modrinth.ModrinthCodecException.Reason;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One Modrinth socket frame (a WebSocket text frame holding one JSON object with an {@code event}
 * string) to a validated {@link JsonObject} and back. Decoding is one streaming pass into the
 * JsonObject ({@link JsonFrameDecoder}) followed by a check of the known event's fields against
 * {@link ModrinthEvent} that allocates nothing when the frame fits. Unknown events and unknown
 * fields pass through unchanged. Immutable and thread-safe.
 */
public final class ModrinthCodec {

  /**
   * Default largest frame decoded: 1 MiB. Real events are small (a {@code stats} frame is about
   * 200 bytes; a console {@code log} line of a few KiB is the largest common frame; a
   * {@code filesystem-ops} or {@code install-progress} list stays in the tens of KiB). The official
   * client sets no limit, so this only bounds what one hostile or broken peer can make us buffer.
   */
  public static final int DEFAULT_MAX_BYTES = 1024 * 1024;

  /** What the {@code jwt} field holds in {@link #redacted} copies. */
  public static final String REDACTED = "<redacted>";

  // Jackson quotes the token it stumbled on ("Unrecognized token 'eyJ…'"), which may be an unquoted JWT.
  private static final Pattern QUOTED = Pattern.compile("'[^']{16,}'");

  private final int maxBytes;
  private final JsonFrameDecoder decoder;

  /** A codec with {@link #DEFAULT_MAX_BYTES}. */
  public ModrinthCodec() {
    this(DEFAULT_MAX_BYTES);
  }

  /**
   * @param maxBytes largest frame decoded, in UTF-8 bytes; a longer one fails with TOO_LARGE before
   *     any parsing. Must be positive. Encoding is not limited (the official client has no limit).
   */
  public ModrinthCodec(int maxBytes) {
    this.decoder = new JsonFrameDecoder(maxBytes); // rejects maxBytes <= 0
    this.maxBytes = maxBytes;
  }

  /** The largest frame decoded, in bytes. */
  public int maxBytes() {
    return maxBytes;
  }

  /**
   * Decodes and validates one text frame's bytes.
   *
   * @throws ModrinthCodecException TOO_LARGE, NOT_UTF8, NOT_JSON, NOT_OBJECT, NO_EVENT or
   *     BAD_FIELDS, checked in that order
   */
  public ModrinthFrame decode(Buffer frame) {
    if (frame.length() > maxBytes) { // before copying the bytes out
      throw tooLarge(String.valueOf(frame.length()));
    }
    byte[] bytes = frame.getBytes();
    return decode(bytes, 0, bytes.length);
  }

  /** Same as {@link #decode(Buffer)} on the text's UTF-8 bytes (a WebSocket text message). */
  public ModrinthFrame decode(String text) {
    // Every char is at most 3 UTF-8 bytes: refuse a huge text before encoding it.
    if (text.length() > maxBytes) {
      throw tooLarge("at least " + text.length());
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return decode(bytes, 0, bytes.length);
  }

  /** Same as {@link #decode(Buffer)} on {@code len} bytes from {@code off}; the array is not retained. */
  public ModrinthFrame decode(byte[] bytes, int off, int len) {
    JsonObject json;
    try {
      json = decoder.decode(bytes, off, len);
    } catch (JsonFrameException e) {
      throw new ModrinthCodecException(Reason.valueOf(e.reason().name()), scrub(e.getMessage()));
    }
    return new ModrinthFrame(eventName(json), check(json), json);
  }

  /**
   * Validates like {@link #decode(Buffer)} and writes compact JSON (fields in the object's order).
   *
   * @throws ModrinthCodecException NO_EVENT or BAD_FIELDS
   */
  public Buffer encode(JsonObject event) {
    validate(event);
    return event.toBuffer();
  }

  /** Same as {@link #encode} as a String, for a WebSocket text frame. */
  public String encodeText(JsonObject event) {
    validate(event);
    return event.encode();
  }

  /**
   * Checks that {@code event} is a string and, for a known event, that its fields fit the
   * catalogue; unknown events and unknown fields are accepted. For {@code .out} bodies.
   *
   * @throws ModrinthCodecException NO_EVENT or BAD_FIELDS
   */
  public static void validate(JsonObject event) {
    eventName(event);
    check(event);
  }

  /**
   * A shallow copy with a top-level {@code jwt} replaced by {@value #REDACTED} when present (what
   * goes on the bus and in logs); the original is not changed. Always a new object.
   */
  public static JsonObject redacted(JsonObject frame) {
    JsonObject copy = new JsonObject(new LinkedHashMap<>(frame.getMap()));
    if (copy.containsKey("jwt")) {
      copy.put("jwt", REDACTED);
    }
    return copy;
  }

  private static String eventName(JsonObject json) {
    Object event = json.getMap().get("event");
    if (event instanceof String name) {
      return name;
    }
    throw new ModrinthCodecException(Reason.NO_EVENT, event == null && !json.containsKey("event")
        ? "event: required field missing"
        : "event: expected a string, got " + Problem.show(event));
  }

  /** The catalogue entry, null when unknown; throws BAD_FIELDS when a known event does not fit. */
  private static ModrinthEvent check(JsonObject json) {
    Map<String, Object> map = json.getMap();
    ModrinthEvent kind = ModrinthEvent.of((String) map.get("event"));
    if (kind != null) {
      Problem p = kind.check(map);
      if (p != null) {
        throw new ModrinthCodecException(Reason.BAD_FIELDS, p.text(kind.wireName()));
      }
    }
    return kind;
  }

  private ModrinthCodecException tooLarge(String length) {
    return new ModrinthCodecException(Reason.TOO_LARGE,
        "frame of " + length + " bytes exceeds the limit of " + maxBytes + " bytes");
  }

  private static String scrub(String message) {
    String s = QUOTED.matcher(message).replaceAll("'…'");
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }
}
