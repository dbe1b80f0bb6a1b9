package io.gamebus.codecs.faf;

import java.util.Objects;

/**
 * {@code auth}: OAuth login with a JWT (§4). The server requires {@code unique_id} but this view
 * leaves that check to the endpoint; {@code session} is sent by faf-commons and ignored by the server.
 */
public final class Auth {

  public static final String COMMAND = "auth";

  private final String token;
  private final String uniqueId;
  private final Long session;
  private final FafMessage source;

  /** @param token the JWT, required; @param uniqueId faf-uid output or null; @param session or null */
  public Auth(String token, String uniqueId, Long session) {
    this(Objects.requireNonNull(token, "token"), uniqueId, session, null);
  }

  private Auth(String token, String uniqueId, Long session, FafMessage source) {
    this.token = token;
    this.uniqueId = uniqueId;
    this.session = session;
    this.source = source;
  }

  public static Auth from(FafMessage m) throws FafCodecException {
    Fields.expectCommand(m, COMMAND);
    return new Auth(Fields.string(m.json(), COMMAND, "token", true),
        Fields.string(m.json(), COMMAND, "unique_id", false),
        Fields.integer(m.json(), COMMAND, "session", false), m);
  }

  public String token() {
    return token;
  }

  /** Null when absent. */
  public String uniqueId() {
    return uniqueId;
  }

  /** Null when absent. */
  public Long session() {
    return session;
  }

  /** The message this view was read from (unknown fields kept), or a new one. */
  public FafMessage toMessage() {
    return source != null ? source : new MessageBuilder(COMMAND).put("token", token)
        .putIfNotNull("unique_id", uniqueId).putIfNotNull("session", session).build();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Auth)) {
      return false;
    }
    Auth a = (Auth) o;
    return token.equals(a.token) && Objects.equals(uniqueId, a.uniqueId) && Objects.equals(session, a.session);
  }

  @Override
  public int hashCode() {
    return Objects.hash(token, uniqueId, session);
  }

  /** The token is a credential and is not printed. */
  @Override
  public String toString() {
    return "Auth[token=***, uniqueId=" + uniqueId + ", session=" + session + "]";
  }
}
