package nl.dialoogtafel.archive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.dialoogtafel.archive.NarrativeRecord.Link;

/**
 * The web of connections drawn as organisations on a circle with a line per connected pair,
 * thicker for more connections. Coordinates are computed here so the template only writes them.
 */
public record WebDiagram(int size, List<Node> nodes, List<Edge> edges) {

  public record Node(String name, long x, long y, long labelX, long labelY, String anchor) {}

  public record Edge(long x1, long y1, long x2, long y2, long width) {}

  private static final int SIZE = 640;
  private static final double RADIUS = 190;

  /** Null when there is nothing to draw. */
  public static WebDiagram of(List<Link> links) {
    if (links.isEmpty()) {
      return null;
    }
    Map<String, double[]> places = new LinkedHashMap<>();
    for (Link link : links) {
      places.putIfAbsent(link.a(), null);
      places.putIfAbsent(link.b(), null);
    }
    List<Node> nodes = new ArrayList<>();
    int i = 0;
    double centre = SIZE / 2.0;
    for (String name : List.copyOf(places.keySet())) {
      double angle = -Math.PI / 2 + 2 * Math.PI * i++ / places.size();
      double x = centre + RADIUS * Math.cos(angle);
      double y = centre + RADIUS * Math.sin(angle);
      places.put(name, new double[] {x, y});
      double lx = centre + (RADIUS + 16) * Math.cos(angle);
      double ly = centre + (RADIUS + 16) * Math.sin(angle) + 4;
      String anchor = Math.abs(Math.cos(angle)) < 0.2 ? "middle" : Math.cos(angle) > 0 ? "start" : "end";
      nodes.add(new Node(shorten(name), Math.round(x), Math.round(y), Math.round(lx), Math.round(ly), anchor));
    }
    List<Edge> edges = new ArrayList<>();
    for (Link link : links) {
      double[] a = places.get(link.a());
      double[] b = places.get(link.b());
      edges.add(new Edge(Math.round(a[0]), Math.round(a[1]), Math.round(b[0]), Math.round(b[1]),
          Math.min(8, 1 + link.count())));
    }
    return new WebDiagram(SIZE, nodes, edges);
  }

  private static String shorten(String name) {
    return name.length() <= 28 ? name : name.substring(0, 27) + "…";
  }
}
