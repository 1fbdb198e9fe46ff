package nl.dialoogtafel.loadtest;

/**
 * Phones that post and connections that receive, as the open loop drives them: one session's
 * {@link Room}, or several sessions at once ({@link Rooms}).
 */
interface Audience {

  /** Connections each post must reach (the same for every post). */
  int receivers();

  int phones();

  /** The next phone to post, in rotation (our server allows one connection 10 messages a second). */
  int nextPhone();

  /** A story whose title is the nonce the deliveries are matched by. */
  void post(int phone, String id, String title, String text);

  void track(Deliveries current);

  /** Errors received plus sockets the server closed. */
  long failures();

  Cpu cpu();
}
