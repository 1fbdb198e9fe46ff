package nl.dialoogtafel.loadtest;

import static com.mongodb.client.model.Filters.eq;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.dialoogtafel.Server;
import nl.dialoogtafel.Settings;
import nl.dialoogtafel.archive.RecordSource;
import nl.dialoogtafel.dialogue.Phase;
import nl.dialoogtafel.record.EventStore;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.templates.TemplateCatalog;
import org.bson.Document;

public final class Probe {
  public static void main(String[] args) throws Exception {
    Path dataDir = Files.createTempDirectory("probe");
    Map<String, String> env = new HashMap<>();
    env.put("PORT", "0"); env.put("HOST", "127.0.0.1"); env.put("DIALOOG_DATA_DIR", dataDir.toString());
    env.put("DIALOOG_ADMIN", "bench:bench-wachtwoord-lang-genoeg");
    try (Server server = Server.start(Settings.from(env))) {
      List<Phase> phases = TemplateCatalog.load(Path.of("session-templates")).find("transformatiedialoog").orElseThrow().phases();
      var seed = ArchiveBenchmark.class.getDeclaredMethod("seed", Database.class, List.class, String.class, int.class, int.class);
      seed.setAccessible(true);
      seed.invoke(null, server.database(), phases, "s0big", 5000, 100);
      for (int i = 1; i < Integer.parseInt(args[0]); i++) seed.invoke(null, server.database(), phases, "s" + i + "arch", 20, 5);
      Database db = server.database();
      for (int round = 0; round < 3; round++) {
        long t = System.nanoTime();
        int n = 0;
        for (Document d : db.collection(Database.EVENTS).find(eq("session", "s0big"))) n++;
        long scan = System.nanoTime() - t;
        t = System.nanoTime();
        int m = 0;
        for (Document d : db.collection(Database.EVENTS).find(eq("session", "s5arch"))) m++;
        long small = System.nanoTime() - t;
        t = System.nanoTime();
        int k = 0;
        for (Document d : db.collection(Database.EVENTS).find(com.mongodb.client.model.Filters.and(
            com.mongodb.client.model.Filters.gte("_id", "s5arch:"), com.mongodb.client.model.Filters.lt("_id", "s5arch;")))) k++;
        long idRange = System.nanoTime() - t;
        t = System.nanoTime();
        int j = 0;
        for (Document d : db.collection(Database.EVENTS).find(com.mongodb.client.model.Filters.and(eq("session", "s5arch"), eq("seq", 3)))) j++;
        long uniq = System.nanoTime() - t;
        System.out.printf("id range %d docs %.1f ms | unique (session,seq) %d docs %.1f ms%n", k, idRange / 1e6, j, uniq / 1e6);
        t = System.nanoTime();
        var ev = new EventStore(db).loadAll("s0big").toCompletionStage().toCompletableFuture().get();
        long load = System.nanoTime() - t;
        RecordSource src = new RecordSource(db);
        var s = src.session("s0big").toCompletionStage().toCompletableFuture().get().orElseThrow();
        t = System.nanoTime();
        var rec = src.narrative(s).toCompletionStage().toCompletableFuture().get();
        long narrative = System.nanoTime() - t;
        System.out.printf("raw find big %d docs %.1f ms | raw find small %d docs %.1f ms | loadAll %.1f ms | narrative %.1f ms%n",
            n, scan / 1e6, m, small / 1e6, load / 1e6, narrative / 1e6);
      }
    }
  }
}
