package io.gamebus.codecs.faf;

import java.util.Objects;

/**
 * {@code notice}: a message for the user. Styles other than the four constants are accepted when
 * reading, since clients only display them.
 */
public final class Notice {

  public static final String COMMAND = "notice";
  /** Informational text. */
  public static final String INFO = "info";
  /** An error; the server usually closes the connection after it. */
  public static final String ERROR = "error";
  /** The player is being kicked (e.g. logged in elsewhere). */
  public static final String KICK = "kick";
  /** The client should terminate the game process. */
  public static final String KILL = "kill";

  private final String style;
  private final String text;
  private final FafMessage source;

  /** @param style one of INFO, ERROR, KICK, KILL; @param text or null */
  public Notice(String style, String text) {
    this(Objects.requireNonNull(style, "style"), text, null);
  }

  private Notice(String style, String text, FafMessage source) {
    this.style = style;
    this.text = text;
    this.source = source;
  }

  public static Notice from(FafMessage m) throws FafCodecException {
    Fields.expectCommand(m, COMMAND);
    return new Notice(Fields.string(m.json(), COMMAND, "style", true),
        Fields.string(m.json(), COMMAND, "text", false), m);
  }

  public String style() {
    return style;
  }

  /** Null when absent. */
  public String text() {
    return text;
  }

  /** The message this view was read from (unknown fields kept), or a new one. */
  public FafMessage toMessage() {
    return source != null ? source
        : new MessageBuilder(COMMAND).put("style", style).putIfNotNull("text", text).build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Notice && style.equals(((Notice) o).style) && Objects.equals(text, ((Notice) o).text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(style, text);
  }

  @Override
  public String toString() {
    return "Notice[style=" + style + ", text=" + text + "]";
  }
}
