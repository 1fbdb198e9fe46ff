package nl.dialoogtafel.http;

import java.util.List;
import java.util.Locale;

/**
 * Someone who logs in: an admin, a facilitator, or a reader of the archive (a wethouder, council
 * member or policy officer) scoped to one or more municipalities. {@code signature} is how a
 * reader signs a follow-up ("Wethouder Jeugd"); without one the role's name is used.
 */
public record Account(String username, String role, List<String> municipalities, String signature) {

  public static final String ADMIN = "admin";
  public static final String FACILITATOR = "facilitator";
  public static final String READER = "reader";

  public Account {
    municipalities = List.copyOf(municipalities);
  }

  public Account(String username, String role, List<String> municipalities) {
    this(username, role, municipalities, null);
  }

  public boolean isAdmin() {
    return ADMIN.equals(role);
  }

  public boolean canFacilitate() {
    return ADMIN.equals(role) || FACILITATOR.equals(role);
  }

  public boolean isReader() {
    return READER.equals(role);
  }

  /** Municipality names compare without regard to case or surrounding spaces. */
  public boolean reads(String municipality) {
    if (municipality == null) {
      return false;
    }
    String wanted = key(municipality);
    return municipalities.stream().anyMatch(m -> key(m).equals(wanted));
  }

  public static String key(String municipality) {
    return municipality.trim().toLowerCase(Locale.ROOT);
  }
}
