package io.gamebus.codecs.faf;

/**
 * {@code auth}: OAuth login with a JWT (§4). Reading checks the field types the server relies
 * on: {@code token} a string (required), {@code unique_id} a string and {@code session} an integer
 * when present. The server requires {@code unique_id} but this view leaves that check to the
 * endpoint; {@code session} is sent by faf-commons and ignored by the server.
 */
public final class Auth {

  public static final String COMMAND = "auth";

  private final String token;

  private Auth(String token) {
    this.token = token;
  }

  /** @throws FafCodecException BAD_FIELD naming the field that is missing or of the wrong type */
  public static Auth from(FafMessage m) throws FafCodecException {
    Fields.expectCommand(m, COMMAND);
    String token = Fields.string(m.json(), COMMAND, "token", true);
    Fields.string(m.json(), COMMAND, "unique_id", false);
    Fields.integer(m.json(), COMMAND, "session", false);
    return new Auth(token);
  }

  /** The JWT. A credential: never log it. */
  public String token() {
    return token;
  }
}
