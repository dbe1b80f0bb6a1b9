package io.gamebus.codecs.faf;

import java.util.Objects;

/** {@code hello}: the deprecated password login; {@code password} is the SHA-256 hex of the password. */
public final class Hello {

  public static final String COMMAND = "hello";

  private final String login;
  private final String password;
  private final String uniqueId;
  private final FafMessage source;

  public Hello(String login, String password, String uniqueId) {
    this(Objects.requireNonNull(login, "login"), Objects.requireNonNull(password, "password"),
        Objects.requireNonNull(uniqueId, "uniqueId"), null);
  }

  private Hello(String login, String password, String uniqueId, FafMessage source) {
    this.login = login;
    this.password = password;
    this.uniqueId = uniqueId;
    this.source = source;
  }

  public static Hello from(FafMessage m) throws FafCodecException {
    Fields.expectCommand(m, COMMAND);
    return new Hello(Fields.string(m.json(), COMMAND, "login", true),
        Fields.string(m.json(), COMMAND, "password", true),
        Fields.string(m.json(), COMMAND, "unique_id", true), m);
  }

  public String login() {
    return login;
  }

  /** SHA-256 hex of the password. */
  public String password() {
    return password;
  }

  public String uniqueId() {
    return uniqueId;
  }

  /** The message this view was read from (unknown fields kept), or a new one. */
  public FafMessage toMessage() {
    return source != null ? source : new MessageBuilder(COMMAND).put("login", login)
        .put("password", password).put("unique_id", uniqueId).build();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Hello)) {
      return false;
    }
    Hello h = (Hello) o;
    return login.equals(h.login) && password.equals(h.password) && uniqueId.equals(h.uniqueId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(login, password, uniqueId);
  }

  /** The password hash is a credential and is not printed. */
  @Override
  public String toString() {
    return "Hello[login=" + login + ", password=***, uniqueId=" + uniqueId + "]";
  }
}
