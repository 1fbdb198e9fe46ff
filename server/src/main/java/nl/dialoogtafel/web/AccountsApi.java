package nl.dialoogtafel.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import nl.dialoogtafel.live.ProtocolException;
import nl.dialoogtafel.storage.Documents;

/**
 * {@code POST /api/accounts}: the admin creates facilitators and readers. A reader must be given
 * the municipalities whose archive they may read; that scope is all the access they get.
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
    if (!Auth.account(ctx).isAdmin()) {
      ApiReplies.error(ctx, 403, "forbidden", "admin_only", null);
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
      password = body.getValue("password") instanceof String p ? p : "";
      if (password.length() < 12 || password.length() > 200) {
        throw ProtocolException.invalid("password", "field_length", "password", 12, 200);
      }
    } catch (ProtocolException invalid) {
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

  static JsonObject describe(Account account) {
    return new JsonObject().put("username", account.username()).put("role", account.role())
        .put("municipalities", new JsonArray(account.municipalities())).put("signature", account.signature());
  }

  private static Account read(JsonObject body) {
    String username = body.getValue("username") instanceof String u ? u.trim() : null;
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw ProtocolException.invalid("username", "username_format", "username");
    }
    String role = body.getValue("role") instanceof String r ? r.trim() : null;
    if (role == null || !ROLES.contains(role)) {
      throw ProtocolException.invalid("role", "role_unknown", "role");
    }
    List<String> municipalities = municipalities(body.getValue("municipalities"));
    if (role.equals(Account.READER) && municipalities.isEmpty()) {
      throw ProtocolException.invalid("municipalities", "municipalities_required", "municipalities");
    }
    Object rawSignature = body.getValue("signature");
    if (rawSignature != null && !(rawSignature instanceof String)) {
      throw ProtocolException.invalid("signature", "field_type", "signature");
    }
    String signature = rawSignature == null ? null : oneLine("signature", (String) rawSignature, 80);
    return new Account(username, role, municipalities, signature == null || signature.isEmpty() ? null : signature);
  }

  private static List<String> municipalities(Object raw) {
    List<String> out = new ArrayList<>();
    if (raw == null) {
      return out;
    }
    if (!(raw instanceof JsonArray list) || list.size() > MAX_MUNICIPALITIES) {
      throw ProtocolException.invalid("municipalities", "field_type", "municipalities");
    }
    for (Object item : list) {
      if (!(item instanceof String name)) {
        throw ProtocolException.invalid("municipalities", "field_type", "municipalities");
      }
      String clean = oneLine("municipalities", name, 80);
      if (clean.isEmpty()) {
        throw ProtocolException.invalid("municipalities", "field_length", "municipalities", 1, 80);
      }
      out.add(clean);
    }
    return out;
  }

  private static String oneLine(String field, String value, int max) {
    String trimmed = value.trim();
    if (trimmed.length() > max) {
      throw ProtocolException.invalid(field, "field_length", field, 0, max);
    }
    if (trimmed.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw ProtocolException.invalid(field, "field_characters", field);
    }
    return trimmed;
  }
}
