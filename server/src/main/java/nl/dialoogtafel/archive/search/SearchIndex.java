package nl.dialoogtafel.archive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The archive's Lucene index in the data folder: one document per closed session (its words, for
 * search) and one per visible knelpunt (for similar knelpunten and recurring themes), both keyed by
 * the session id so a session is replaced or deleted as a whole. Each commit carries the index
 * {@link #VERSION} and a mark of the store's state it follows ({@link #followed}); an index of
 * another version is emptied and built again. Blocking: call from a worker, never an event loop.
 * Writes are the caller's to serialise.
 */
public final class SearchIndex implements AutoCloseable {

  /** Raise when the analysis or the fields change: an older index is then built again. */
  public static final String VERSION = "1";

  static final String TYPE = "type";
  static final String SESSION = "session";
  static final String POST = "post";
  static final String MUNICIPALITY = "municipality";
  static final String COMMUNITY = "community";
  static final String TEMPLATE = "template";
  static final String OWNER = "owner";
  static final String DAY = "day";
  static final String CLOSED = "closed";
  static final String TEXT = "text";
  static final String KNELPUNT = "kp";
  static final String TITLE = "title";
  static final String SEQ = "seq";
  static final String REVISION = "revision";
  static final String PAYLOAD = "payload";

  /** Searched text, stored with offsets so passages are highlighted without analysing again. */
  private static final FieldType WORDS = new FieldType();
  /** A knelpunt's words, with term vectors: MoreLikeThis and the themes read them. */
  private static final FieldType KNELPUNT_WORDS = new FieldType();

  static {
    WORDS.setTokenized(true);
    WORDS.setStored(true);
    WORDS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    WORDS.freeze();
    KNELPUNT_WORDS.setTokenized(true);
    KNELPUNT_WORDS.setStored(true);
    KNELPUNT_WORDS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    KNELPUNT_WORDS.setStoreTermVectors(true);
    KNELPUNT_WORDS.freeze();
  }

  private final Directory dir;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private String followed;

  private SearchIndex(Directory dir, IndexWriter writer, String followed) throws IOException {
    this.dir = dir;
    this.writer = writer;
    // Each new view answers a few searches before it is handed out (see WarmSearchers).
    this.searchers = new SearcherManager(writer, new WarmSearchers());
    this.followed = followed;
  }

  /** Opens (or makes) the index in {@code folder}; one of another version starts empty. */
  public static SearchIndex open(Path folder) throws IOException {
    Directory dir = FSDirectory.open(folder);
    TieredMergePolicy merges = new TieredMergePolicy();
    // Every deleted document is merged away on purge, not only once 10 % of a segment is deleted:
    // an erased word must leave the files.
    merges.setForceMergeDeletesPctAllowed(0);
    IndexWriterConfig config = new IndexWriterConfig(DutchText.INDEX).setMergePolicy(merges)
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    IndexWriter writer;
    try {
      writer = new IndexWriter(dir, config);
    } catch (IOException | RuntimeException unreadable) {
      // A damaged index is only a copy of the store: start again.
      writer = new IndexWriter(dir, new IndexWriterConfig(DutchText.INDEX).setMergePolicy(merges)
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE));
    }
    String followed = null;
    Map<String, String> data = userData(writer);
    if (VERSION.equals(data.get("version"))) {
      followed = data.get("followed");
    } else {
      writer.deleteAll();
      writer.setLiveCommitData(Map.of("version", VERSION).entrySet());
      writer.commit();
    }
    return new SearchIndex(dir, writer, followed);
  }

  private static Map<String, String> userData(IndexWriter writer) {
    Map<String, String> out = new java.util.HashMap<>();
    Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
    if (live != null) {
      live.forEach(e -> out.put(e.getKey(), e.getValue()));
    }
    return out;
  }

  /** The mark of the store's state this index last followed completely (null: unknown, follow all). */
  public String followed() {
    return followed;
  }

  /** What each stored session document says of itself: id, seq, revision and the payload. */
  public record Stored(String id, long seq, long revision, String payload) {}

  public List<Stored> stored() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      List<Stored> out = new ArrayList<>();
      StoredFields fields = searcher.storedFields();
      TopDocs all = searcher.search(new TermQuery(new Term(TYPE, SESSION)), Math.max(1, searcher.getIndexReader()
          .numDocs()));
      for (ScoreDoc hit : all.scoreDocs) {
        Document d = fields.document(hit.doc, Set.of(SESSION, SEQ, REVISION, PAYLOAD));
        out.add(new Stored(d.get(SESSION), d.getField(SEQ).numericValue().longValue(),
            d.getField(REVISION).numericValue().longValue(), d.get(PAYLOAD)));
      }
      return out;
    } finally {
      searchers.release(searcher);
    }
  }

  /** Replaces each session's documents by these (not yet visible: see {@link #commit}). */
  public void replace(Collection<SessionDoc> sessions) throws IOException {
    for (SessionDoc s : sessions) {
      List<Document> docs = new ArrayList<>();
      docs.add(sessionDocument(s));
      for (SessionDoc.Knelpunt k : s.knelpunten()) {
        docs.add(knelpuntDocument(s, k));
      }
      writer.updateDocuments(new Term(SESSION, s.id()), docs);
    }
  }

  public void delete(Collection<String> sessions) throws IOException {
    for (String id : sessions) {
      writer.deleteDocuments(new Term(SESSION, id));
    }
  }

  /**
   * Makes the changes durable and visible, recording the store's state they follow (null keeps the
   * last); with {@code purge}, first merges every deleted document away, so words that left the
   * record (withdrawn, hidden, erased) leave the index files too.
   */
  public void commit(String followedNow, boolean purge) throws IOException {
    if (purge) {
      writer.forceMergeDeletes(true);
    }
    if (followedNow != null) {
      followed = followedNow;
    }
    save();
    // The old reader goes, and with it the last hold on the files of merged-away segments.
    searchers.maybeRefreshBlocking();
    if (purge) {
      writer.deleteUnusedFiles();
    }
  }

  /**
   * Makes the changes durable but not yet visible: a long first build saves its progress this way
   * (a restart resumes from it) without opening and warming a new view every 200 sessions.
   */
  public void save() throws IOException {
    writer.setLiveCommitData(followed == null ? Map.of("version", VERSION).entrySet()
        : Map.of("version", VERSION, "followed", followed).entrySet());
    writer.commit();
  }

  /** Runs {@code work} on the current view of the index. */
  public <T> T read(SearchWork<T> work) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return work.apply(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FunctionalInterface
  public interface SearchWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  /** One session found: its id and up to two highlighted passages (none when no words were asked). */
  public record Found(String session, float score, List<Highlight> passages) {}

  /**
   * Sessions the filter lets through, best first for the words (the newest first without words),
   * at most {@code max}; the first {@code highlighted} get passages.
   */
  public List<Found> search(Query filter, Query words, int max, int highlighted) {
    return read(searcher -> search(searcher, filter, words, max, highlighted));
  }

  /**
   * Repeats the warm-up's searches on the current view for about {@code millis}, so the JIT has
   * compiled their paths (after a start); how many rounds ran.
   */
  public int warm(long millis) {
    return read(searcher -> {
      long until = System.nanoTime() + millis * 1_000_000;
      int rounds = 0;
      while (System.nanoTime() < until && rounds < 200) {
        WarmSearchers.warm(searcher);
        rounds++;
      }
      return rounds;
    });
  }

  /** {@link #search(Query, Query, int, int)} on this view (the warm-up asks it too). */
  static List<Found> search(IndexSearcher searcher, Query filter, Query words, int max, int highlighted)
      throws IOException {
    BooleanQuery.Builder q = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(TYPE, SESSION)), Occur.FILTER)
        .add(filter, Occur.FILTER);
    q.add(words == null ? new MatchAllDocsQuery() : words, words == null ? Occur.FILTER : Occur.MUST);
    Sort sort = words == null ? new Sort(new SortField(CLOSED, SortField.Type.LONG, true))
        : new Sort(SortField.FIELD_SCORE, new SortField(CLOSED, SortField.Type.LONG, true));
    TopDocs top = searcher.search(q.build(), max, sort, words != null);
    StoredFields fields = searcher.storedFields();
    int n = top.scoreDocs.length;
    Object[] passages = new Object[0];
    int shown = Math.min(n, words == null ? 0 : highlighted);
    if (shown > 0) {
      int[] ids = new int[shown];
      for (int i = 0; i < shown; i++) {
        ids[i] = top.scoreDocs[i].doc;
      }
      Passages highlighter = new Passages(UnifiedHighlighter.builder(searcher, DutchText.INDEX)
          .withFormatter(new Highlight.Formatter()).withMaxLength(Integer.MAX_VALUE - 1)
          .withMaxNoHighlightPassages(0));
      // Answered in the order of the ids given.
      passages = highlighter.of(words, ids);
    }
    List<Found> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ScoreDoc hit = top.scoreDocs[i];
      String id = fields.document(hit.doc, Set.of(SESSION)).get(SESSION);
      @SuppressWarnings("unchecked")
      List<Highlight> shownPassages = i < passages.length && passages[i] != null
          ? (List<Highlight>) passages[i] : List.of();
      out.add(new Found(id, Float.isNaN(hit.score) ? 0 : hit.score, shownPassages));
    }
    return out;
  }

  /** The unified highlighter, asked for the formatter's objects (pieces) instead of HTML strings. */
  private static final class Passages extends UnifiedHighlighter {
    Passages(UnifiedHighlighter.Builder builder) {
      super(builder);
    }

    /** Up to two passages of the searched text for each of these documents, in their order. */
    Object[] of(Query words, int[] ids) throws IOException {
      return highlightFieldsAsObjects(new String[] {TEXT}, words, ids, new int[] {2}).get(TEXT);
    }
  }

  private static Document sessionDocument(SessionDoc s) {
    Document d = common(s, SESSION);
    d.add(new Field(TEXT, s.title() == null ? "" : s.title(), WORDS));
    for (String passage : s.passages()) {
      d.add(new Field(TEXT, passage, WORDS));
    }
    d.add(new StoredField(SEQ, s.seq()));
    d.add(new StoredField(REVISION, s.revision()));
    d.add(new StoredField(PAYLOAD, s.payload()));
    return d;
  }

  private static Document knelpuntDocument(SessionDoc s, SessionDoc.Knelpunt k) {
    Document d = common(s, KNELPUNT);
    d.add(new StringField(POST, k.post(), Field.Store.YES));
    d.add(new Field(KNELPUNT, join(k.title(), k.text()), KNELPUNT_WORDS));
    return d;
  }

  public static String join(String title, String text) {
    if (title == null || title.isBlank()) {
      return text == null ? "" : text;
    }
    return text == null || text.isBlank() ? title : title + ". " + text;
  }

  private static Document common(SessionDoc s, String type) {
    Document d = new Document();
    d.add(new StringField(TYPE, type, Field.Store.NO));
    d.add(new StringField(SESSION, s.id(), Field.Store.YES));
    d.add(new StringField(MUNICIPALITY, nullToEmpty(s.municipality()), Field.Store.NO));
    d.add(new StringField(COMMUNITY, nullToEmpty(s.community()), Field.Store.NO));
    d.add(new StringField(TEMPLATE, nullToEmpty(s.template()), Field.Store.NO));
    d.add(new StringField(OWNER, nullToEmpty(s.owner()), Field.Store.NO));
    d.add(new LongPoint(DAY, s.closedDay()));
    d.add(new NumericDocValuesField(CLOSED, s.closedMillis()));
    return d;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  @Override
  public void close() throws IOException {
    searchers.close();
    writer.close();
    dir.close();
  }
}
