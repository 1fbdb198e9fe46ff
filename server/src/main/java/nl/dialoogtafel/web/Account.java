package nl.dialoogtafel.web;

import java.util.List;

/** Someone who logs in: a facilitator (admin creates accounts) or, later, a reader of the archive. */
public record Account(String username, String role, List<String> municipalities) {

  public static final String ADMIN = "admin";
  public static final String FACILITATOR = "facilitator";

  public Account {
    municipalities = List.copyOf(municipalities);
  }

  public boolean isAdmin() {
    return ADMIN.equals(role);
  }

  public boolean canFacilitate() {
    return ADMIN.equals(role) || FACILITATOR.equals(role);
  }
}
