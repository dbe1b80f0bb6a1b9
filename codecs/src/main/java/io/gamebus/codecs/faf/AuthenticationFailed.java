package io.gamebus.codecs.faf;

import java.util.Objects;

/** {@code authentication_failed}: login refused; the connection stays open so the client may retry. */
public final class AuthenticationFailed {

  public static final String COMMAND = "authentication_failed";

  private final String text;
  private final FafMessage source;

  public AuthenticationFailed(String text) {
    this(Objects.requireNonNull(text, "text"), null);
  }

  private AuthenticationFailed(String text, FafMessage source) {
    this.text = text;
    this.source = source;
  }

  public static AuthenticationFailed from(FafMessage m) throws FafCodecException {
    Fields.expectCommand(m, COMMAND);
    return new AuthenticationFailed(Fields.string(m.json(), COMMAND, "text", true), m);
  }

  public String text() {
    return text;
  }

  /** The message this view was read from (unknown fields kept), or a new one. */
  public FafMessage toMessage() {
    return source != null ? source : new MessageBuilder(COMMAND).put("text", text).build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuthenticationFailed && text.equals(((AuthenticationFailed) o).text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return "AuthenticationFailed[" + text + "]";
  }
}
