package io.gamebus.codecs.faf;

import java.util.Objects;

/** {@code ask_session}: the first client message; both fields are optional for the server (§4). */
public final class AskSession {

  public static final String COMMAND = "ask_session";

  private final String version;
  private final String userAgent;
  private final FafMessage source;

  /** @param version client version or null; @param userAgent e.g. "downlords-faf-client", or null */
  public AskSession(String version, String userAgent) {
    this(version, userAgent, null);
  }

  private AskSession(String version, String userAgent, FafMessage source) {
    this.version = version;
    this.userAgent = userAgent;
    this.source = source;
  }

  public static AskSession from(FafMessage m) throws FafCodecException {
    Fields.expectCommand(m, COMMAND);
    return new AskSession(Fields.string(m.json(), COMMAND, "version", false),
        Fields.string(m.json(), COMMAND, "user_agent", false), m);
  }

  /** Null when absent. */
  public String version() {
    return version;
  }

  /** Null when absent. */
  public String userAgent() {
    return userAgent;
  }

  /** The message this view was read from (unknown fields kept), or a new one. */
  public FafMessage toMessage() {
    return source != null ? source : new MessageBuilder(COMMAND)
        .putIfNotNull("version", version).putIfNotNull("user_agent", userAgent).build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AskSession && Objects.equals(version, ((AskSession) o).version)
        && Objects.equals(userAgent, ((AskSession) o).userAgent);
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, userAgent);
  }

  @Override
  public String toString() {
    return "AskSession[version=" + version + ", userAgent=" + userAgent + "]";
  }
}
