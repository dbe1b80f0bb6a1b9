package io.gamebus.codecs.faf;

/** {@code session}: the server's answer to ask_session; the real server picks from [0, 2^32). */
public final class Session {

  public static final String COMMAND = "session";

  private final long session;
  private final FafMessage source;

  public Session(long session) {
    this(session, null);
  }

  private Session(long session, FafMessage source) {
    this.session = session;
    this.source = source;
  }

  public static Session from(FafMessage m) throws FafCodecException {
    Fields.expectCommand(m, COMMAND);
    return new Session(Fields.integer(m.json(), COMMAND, "session", true), m);
  }

  public long session() {
    return session;
  }

  /** The message this view was read from (unknown fields kept), or a new one. */
  public FafMessage toMessage() {
    return source != null ? source : new MessageBuilder(COMMAND).put("session", session).build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Session && session == ((Session) o).session;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(session);
  }

  @Override
  public String toString() {
    return "Session[" + session + "]";
  }
}
