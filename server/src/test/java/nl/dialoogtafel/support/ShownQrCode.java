package nl.dialoogtafel.support;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Reads the QR code an {@code <img>} on a page shows. The browser draws the loaded image onto a
 * canvas and hands back its pixels, so the decode does not depend on where the element sits on the
 * screen at the moment of a screenshot (a page still settling once cut the code in half on CI).
 */
public final class ShownQrCode {

  private static final int PIXELS = 600;

  private ShownQrCode() {}

  /** Waits until the image with this id has loaded, then decodes what it shows. */
  public static String decode(Browser browser, String imageId) throws Exception {
    browser.await(d -> (Boolean) browser.script("const q = document.getElementById(arguments[0]);"
        + " return q.complete && q.naturalWidth > 0;", imageId) ? Boolean.TRUE : null);
    String dataUrl = (String) browser.script("const q = document.getElementById(arguments[0]);"
        + " const c = document.createElement('canvas'); c.width = c.height = arguments[1];"
        + " const g = c.getContext('2d'); g.imageSmoothingEnabled = false;"
        + " g.fillStyle = '#fff'; g.fillRect(0, 0, c.width, c.height);"
        + " g.drawImage(q, 0, 0, c.width, c.height); return c.toDataURL('image/png');", imageId, PIXELS);
    byte[] png = Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1));
    var image = ImageIO.read(new ByteArrayInputStream(png));
    var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    try {
      return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    } catch (NotFoundException e) {
      Path kept = Files.createTempFile("qr-not-found-", ".png");
      Files.write(kept, png);
      throw new AssertionError("no QR code found in #" + imageId + "; its pixels are in " + kept, e);
    }
  }
}
