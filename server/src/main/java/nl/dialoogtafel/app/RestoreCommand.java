package nl.dialoogtafel.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nl.dialoogtafel.storage.DataFolder;
import nl.dialoogtafel.storage.StoreBackup;
import nl.dialoogtafel.storage.StoreCheck;

/**
 * {@code java -jar dialoogtafel.jar restore FILE.zip}: puts a backup's store into an empty
 * {@code DIALOOG_DATA_DIR} (made 700, the file 600) and checks every record in it before saying it
 * is done. A folder that holds anything is refused: a restore never overwrites a store, not even a
 * stopped one. Exit 0 done, 1 the file is no usable backup, 2 wrong use or a folder that is not empty.
 */
final class RestoreCommand {

  private RestoreCommand() {}

  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (args.length != 2) {
      err.println(BackupCommand.text("backup.usage"));
      return BackupCommand.WRONG_USE;
    }
    Settings settings;
    try {
      settings = Settings.from(env);
    } catch (IllegalArgumentException wrong) {
      err.println(wrong.getMessage());
      return BackupCommand.WRONG_USE;
    }
    if (settings.mongoUri().isPresent()) {
      err.println(BackupCommand.text("backup.restore_external"));
      return BackupCommand.WRONG_USE;
    }
    Path dataDir = settings.dataDir().toAbsolutePath().normalize();
    Path backup = Path.of(args[1]).toAbsolutePath().normalize();
    try {
      if (!isEmptyOrAbsent(dataDir)) {
        err.println(BackupCommand.text("backup.restore_not_empty", dataDir));
        return BackupCommand.WRONG_USE;
      }
      DataFolder.makePrivate(dataDir);
      StoreBackup.Unpacked restored;
      try {
        restored = StoreBackup.unpack(backup, dataDir);
      } catch (StoreBackup.Refused refused) {
        err.println(BackupCommand.text("backup.restore_invalid", refused.getMessage()));
        return BackupCommand.FAILED;
      }
      StoreCheck.Report report = StoreCheck.check(restored.store());
      Optional<String> problem = BackupCommand.problemOf(report, restored.version());
      if (problem.isPresent()) {
        Files.deleteIfExists(restored.store());
        err.println(BackupCommand.text("backup.restore_invalid", problem.get()));
        return BackupCommand.FAILED;
      }
      out.println(BackupCommand.text("backup.restored", dataDir, report.sessions(), report.events(), restored.made()));
      return BackupCommand.DONE;
    } catch (IOException | RuntimeException e) {
      err.println(BackupCommand.text("backup.restore_invalid", e.getClass().getSimpleName()));
      return BackupCommand.FAILED;
    }
  }

  private static boolean isEmptyOrAbsent(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return true;
    }
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }
}
