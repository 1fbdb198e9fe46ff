package nl.dialoogtafel.accounts;

import nl.dialoogtafel.http.Account;
import nl.dialoogtafel.http.ApiReplies;
import nl.dialoogtafel.http.Bodies;
import nl.dialoogtafel.http.Fields;
import nl.dialoogtafel.http.TextRule;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import nl.dialoogtafel.http.Refusal;
import nl.dialoogtafel.storage.Documents;

/**
 * {@code /api/accounts}: the admin creates facilitators and readers, lists them, takes access away
 * (and gives it back) and sets a new password. A reader must be given the municipalities whose
 * archive they may read; that scope is all the access they get. Admins only, all of it.
 */
public final class AccountsApi {

  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,80}");
  private static final Set<String> ROLES = Set.of(Account.ADMIN, Account.FACILITATOR, Account.READER);
  private static final int MAX_MUNICIPALITIES = 20;

  private final AccountStore accounts;

  public AccountsApi(AccountStore accounts) {
    this.accounts = accounts;
  }

  public void create(RoutingContext ctx) {
    if (!adminOnly(ctx)) {
      return;
    }
    JsonObject body = Bodies.object(ctx);
    if (body == null) {
      return;
    }
    Account account;
    String password;
    try {
      account = read(body);
      password = password(body);
    } catch (Refusal invalid) {
      ApiReplies.failure(ctx, invalid);
      return;
    }
    accounts.create(account, password)
        .onSuccess(created -> ApiReplies.json(ctx, 201, describe(created)))
        .onFailure(e -> {
          if (Documents.isDuplicateKey(e)) {
            ApiReplies.error(ctx, 409, "conflict", "account_exists", "username");
          } else {
            ApiReplies.failure(ctx, e);
          }
        });
  }

  /** {@code GET /api/accounts}: everyone with an account, by username; never a hash or a token. */
  public void list(RoutingContext ctx) {
    if (!adminOnly(ctx)) {
      return;
    }
    accounts.list().onSuccess(all -> {
      JsonArray list = new JsonArray();
      all.forEach(listed -> list.add(describe(listed)));
      ApiReplies.json(ctx, 200, new JsonObject().put("accounts", list));
    }).onFailure(e -> ApiReplies.failure(ctx, e));
  }

  /**
   * {@code POST /api/accounts/{username}/disable}: access taken away at once — every login cookie
   * and API token of the account stops working. Never one's own account, never the last admin.
   */
  public void disable(RoutingContext ctx) {
    String username = target(ctx);
    if (username == null) {
      return;
    }
    accounts.disable(username, Auth.account(ctx).username()).onSuccess(outcome -> {
      switch (outcome) {
        case NOT_FOUND -> ApiReplies.error(ctx, 404, "not_found", "account_not_found", null);
        case LAST_ADMIN -> ApiReplies.error(ctx, 409, "conflict", "account_last_admin", null);
        case SELF -> ApiReplies.error(ctx, 409, "conflict", "account_self", null);
        case DONE -> answerWith(ctx, username);
      }
    }).onFailure(e -> ApiReplies.failure(ctx, e));
  }

  /** {@code POST /api/accounts/{username}/enable}: access given back, with the password it had. */
  public void enable(RoutingContext ctx) {
    String username = target(ctx);
    if (username == null) {
      return;
    }
    accounts.enable(username).onSuccess(found -> {
      if (found) {
        answerWith(ctx, username);
      } else {
        ApiReplies.error(ctx, 404, "not_found", "account_not_found", null);
      }
    }).onFailure(e -> ApiReplies.failure(ctx, e));
  }

  /**
   * {@code POST /api/accounts/{username}/password} {@code {password}}: a new password. The account's
   * other logins end, since the old password may be known to someone else.
   */
  public void resetPassword(RoutingContext ctx) {
    String username = target(ctx);
    if (username == null) {
      return;
    }
    JsonObject body = Bodies.object(ctx);
    if (body == null) {
      return;
    }
    String password;
    try {
      password = password(body);
    } catch (Refusal invalid) {
      ApiReplies.failure(ctx, invalid);
      return;
    }
    String keep = username.equals(Auth.account(ctx).username()) ? Auth.presentedToken(ctx) : null;
    accounts.resetPassword(username, password, keep).onSuccess(found -> {
      if (found) {
        answerWith(ctx, username);
      } else {
        ApiReplies.error(ctx, 404, "not_found", "account_not_found", null);
      }
    }).onFailure(e -> ApiReplies.failure(ctx, e));
  }

  /** The account named in the path, or null once answered: 403 for a non-admin, 404 for a name that cannot exist. */
  private static String target(RoutingContext ctx) {
    if (!adminOnly(ctx)) {
      return null;
    }
    String username = username(ctx);
    if (username == null) {
      ApiReplies.error(ctx, 404, "not_found", "account_not_found", null);
    }
    return username;
  }

  /** 200 with the account as it is now. */
  private void answerWith(RoutingContext ctx, String username) {
    accounts.find(username).onSuccess(found -> {
      if (found.isPresent()) {
        ApiReplies.json(ctx, 200, describe(found.get()));
      } else {
        ApiReplies.error(ctx, 404, "not_found", "account_not_found", null);
      }
    }).onFailure(e -> ApiReplies.failure(ctx, e));
  }

  private static boolean adminOnly(RoutingContext ctx) {
    if (Auth.account(ctx).isAdmin()) {
      return true;
    }
    ApiReplies.error(ctx, 403, "forbidden", "admin_only", null);
    return false;
  }

  private static String username(RoutingContext ctx) {
    String username = ctx.pathParam("username");
    return username != null && USERNAME.matcher(username).matches() ? username : null;
  }

  private static String password(JsonObject body) {
    String password = body.getValue("password") instanceof String p ? p : "";
    if (password.length() < 12 || password.length() > 200) {
      throw Refusal.invalid("password", "field_length", "password", 12, 200);
    }
    return password;
  }

  static JsonObject describe(Account account) {
    return new JsonObject().put("username", account.username()).put("role", account.role())
        .put("municipalities", new JsonArray(account.municipalities())).put("signature", account.signature());
  }

  private static JsonObject describe(AccountStore.Listed listed) {
    return describe(listed.account()).put("disabled", listed.disabled());
  }

  private static Account read(JsonObject body) {
    String username = body.getValue("username") instanceof String u ? u.trim() : null;
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw Refusal.invalid("username", "username_format", "username");
    }
    String role = body.getValue("role") instanceof String r ? r.trim() : null;
    if (role == null || !ROLES.contains(role)) {
      throw Refusal.invalid("role", "role_unknown", "role");
    }
    List<String> municipalities = municipalities(body.getValue("municipalities"));
    if (role.equals(Account.READER) && municipalities.isEmpty()) {
      throw Refusal.invalid("municipalities", "municipalities_required", "municipalities");
    }
    String signature = new Fields(body).optionalName("signature", 80);
    return new Account(username, role, municipalities, signature);
  }

  private static List<String> municipalities(Object raw) {
    List<String> out = new ArrayList<>();
    if (raw == null) {
      return out;
    }
    if (!(raw instanceof JsonArray list) || list.size() > MAX_MUNICIPALITIES) {
      throw Refusal.invalid("municipalities", "field_type", "municipalities");
    }
    for (Object item : list) {
      if (!(item instanceof String name)) {
        throw Refusal.invalid("municipalities", "field_type", "municipalities");
      }
      String clean = Fields.check("municipalities", name, 80, TextRule.Shape.NAME);
      if (clean == null) {
        throw Refusal.invalid("municipalities", "field_length", "municipalities", 1, 80);
      }
      out.add(clean);
    }
    return out;
  }
}
