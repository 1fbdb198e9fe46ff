package nl.dialoogtafel.archive;

import nl.dialoogtafel.http.Account;

/**
 * Who may read which record: an admin every closed session, a facilitator the sessions they
 * ran, a reader the sessions of their municipalities. Only closed sessions are in the archive.
 */
public final class ArchiveAccess {

  private ArchiveAccess() {}

  public static boolean mayRead(Account account, ArchivedSession session) {
    if (account == null || !session.closed()) {
      return false;
    }
    return account.isAdmin()
        || (Account.FACILITATOR.equals(account.role()) && account.username().equals(session.info().owner()))
        || (account.isReader() && account.reads(session.info().municipality()));
  }

  /** Follow-ups are the municipality's answers: its readers give them (and an admin may). */
  public static boolean mayAnswer(Account account, ArchivedSession session) {
    return account != null && session.closed()
        && (account.isAdmin() || (account.isReader() && account.reads(session.info().municipality())));
  }
}
