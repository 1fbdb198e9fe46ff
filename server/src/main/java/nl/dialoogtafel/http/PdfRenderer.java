package nl.dialoogtafel.http;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The council's PDF, made from the same template as the page (with {@code pdf=true}) by
 * openhtmltopdf. The font travels inside the file (Liberation Sans from PDFBox's own jar, subset,
 * so text stays selectable and searchable; see {@link PdfFont}); the PDF is tagged (PDF/UA) for screen readers.
 * Nothing is fetched while rendering: the style sheet is inlined and every URI resolves to nothing.
 * Blocking: call on the rendering pool.
 */
public final class PdfRenderer {

  static final String FAMILY = "Liberation Sans";
  private static final String CSS = "/web-assets/archive/archive.css";

  // The renderer narrates every CSS rule it skips (grid, flex: screen-only layout) and every font
  // it loads; only its errors matter here. Held strongly: java.util.logging keeps loggers weakly.
  private static final java.util.logging.Logger PDFBOX_LOG = quiet("org.apache.pdfbox");

  static {
    for (String name : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
      com.openhtmltopdf.util.XRLog.setLevel(name, java.util.logging.Level.SEVERE);
    }
  }

  private final PageRenderer pages;
  private final String css;

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
    logger.setLevel(java.util.logging.Level.SEVERE);
    return logger;
  }

  public PdfRenderer(PageRenderer pages) {
    this.pages = pages;
    this.css = resource(CSS);
  }

  public byte[] render(String template, String language, Map<String, Object> model) {
    return fromHtml(html(template, language, model));
  }

  /** The template rendered for the PDF (no navigation, no forms, the style sheet inlined). */
  public String html(String template, String language, Map<String, Object> model) {
    Map<String, Object> all = new HashMap<>(model);
    all.put("pdf", true);
    all.put("css", css);
    return pages.render(template, language, all);
  }

  /** Lays out and writes the PDF of {@link #html}'s page: the long part, seconds for a big record. */
  public byte[] fromHtml(String html) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.usePdfUaAccessibility(true);
    // One embedded face answers every family, weight and style the style sheet may ask for,
    // so no text can fall back to a base-14 font that is not embedded.
    for (String family : List.of(FAMILY, "sans-serif", "serif", "monospace")) {
      for (int weight : new int[] {400, 700}) {
        for (FontStyle style : new FontStyle[] {FontStyle.NORMAL, FontStyle.ITALIC}) {
          builder.useFont(PdfFont::open, family, weight, style, true,
              EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.FALLBACK_PRE, FSFontUseCase.FALLBACK_FINAL));
        }
      }
    }
    builder.useUriResolver((base, uri) -> null);
    builder.withHtmlContent(html, null);
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String resource(String path) {
    try (InputStream in = PdfRenderer.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
