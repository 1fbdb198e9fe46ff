package nl.dialoogtafel.facilitator;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.dialoogtafel.storage.Ids;

/**
 * The three screens are static pages (ES modules, no build step) under {@code /assets/}; these
 * handlers map the friendly URLs onto them and draw the join QR code.
 */
public final class Screens {

  private static final Pattern CODE = Pattern.compile("[" + Ids.CODE_ALPHABET + "]{6}");

  private final Optional<String> publicUrl;

  public Screens(Optional<String> publicUrl) {
    this.publicUrl = publicUrl;
  }

  public void phone(RoutingContext ctx) {
    ctx.reroute("/assets/phone/index.html");
  }

  public void kiosk(RoutingContext ctx) {
    ctx.reroute("/assets/kiosk/index.html");
  }

  public void console(RoutingContext ctx) {
    ctx.reroute("/assets/console/index.html");
  }

  /** {@code /qr/{code}.svg}: the QR code of the join URL for that code (public: it is on the screen anyway). */
  public void joinQr(RoutingContext ctx) {
    String code = ctx.pathParam("code").toUpperCase(java.util.Locale.ROOT);
    if (!CODE.matcher(code).matches()) {
      ctx.response().setStatusCode(404).end();
      return;
    }
    String base = publicUrl.orElseGet(() -> ctx.request().scheme() + "://" + ctx.request().authority());
    ctx.response().putHeader("Content-Type", "image/svg+xml").putHeader("Cache-Control", "public, max-age=3600")
        .end(JoinQrCode.svg(base + "/j/" + code));
  }
}
