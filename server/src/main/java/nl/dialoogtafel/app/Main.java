package nl.dialoogtafel.app;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts Dialoogtafel from the environment: {@code java -jar dialoogtafel.jar}; or checks an
 * exported record offline: {@code java -jar dialoogtafel.jar verify FILE.json}.
 */
public final class Main {

  private static final Logger LOG = Logger.getLogger(Main.class.getName());

  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("verify")) {
      System.exit(nl.dialoogtafel.record.ExportVerifier.run(args, System.out, System.err));
      return;
    }
    Settings settings;
    try {
      settings = Settings.fromEnvironment();
    } catch (IllegalArgumentException wrongSetting) {
      System.err.println(wrongSetting.getMessage());
      System.exit(2);
      return;
    }
    try {
      Server server = Server.start(settings);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (Exception e) {
          LOG.log(Level.WARNING, "stopping failed", e);
        }
      }));
      String where = settings.mongoUri().isPresent() ? "MongoDB (MONGODB_URI)"
          : "ingebouwde opslag in " + settings.dataDir().toAbsolutePath().normalize();
      System.out.println("Dialoogtafel luistert op http://localhost:" + server.port() + " — " + where);
    } catch (Exception e) {
      LOG.log(Level.SEVERE, "Dialoogtafel kon niet starten", e);
      System.exit(1);
    }
  }
}
