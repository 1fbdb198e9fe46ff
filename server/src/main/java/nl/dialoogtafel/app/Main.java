package nl.dialoogtafel.app;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts Dialoogtafel from the environment: {@code java -jar dialoogtafel.jar}; or checks an
 * exported record offline: {@code java -jar dialoogtafel.jar verify FILE.json}; or backs up the
 * running server's embedded store ({@code backup FILE.zip}) and restores one into an empty data
 * folder ({@code restore FILE.zip}); or serves the embedded store alone for the nodes of a
 * cluster on one machine ({@code store}).
 */
public final class Main {

  private static final Logger LOG = Logger.getLogger(Main.class.getName());

  // Held strongly: java.util.logging keeps loggers weakly, and a collected logger forgets its level.
  private static final Logger DRIVER_LOG = Logger.getLogger("org.mongodb.driver");
  private static final Logger EMBEDDED_LOG = Logger.getLogger("de.bwaldvogel");

  private Main() {}

  /** The commands open a store to check it; the driver's and the store's chatter would bury the verdict. */
  private static void quietStoreLogs() {
    DRIVER_LOG.setLevel(Level.WARNING);
    EMBEDDED_LOG.setLevel(Level.SEVERE);
  }

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("verify")) {
      System.exit(nl.dialoogtafel.record.ExportVerifier.run(args, System.out, System.err));
      return;
    }
    if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
      quietStoreLogs();
      System.exit(args[0].equals("backup")
          ? BackupCommand.run(args, System.getenv(), System.out, System.err)
          : RestoreCommand.run(args, System.getenv(), System.out, System.err));
      return;
    }
    if (args.length > 0 && args[0].equals("store")) {
      quietStoreLogs();
      System.exit(StoreCommand.run(args, System.getenv(), System.out, System.err));
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
