package org.haven.referrals.control;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes a referral summary as PDF: a title, sections of labelled lines, wrapped paragraphs and a
 * footer on every page. The font (DejaVu Sans, embedded as a subset) covers Latin, Cyrillic, Greek
 * and Arabic; Arabic and Hebrew are shaped and put in visual order with ICU, since PDF shows glyphs
 * as placed. A character the font lacks prints as "?" rather than failing the approval.
 */
public final class SummaryPdf {

  /** One block of the document: a heading, then label–value lines, then free paragraphs. */
  public record Section(String heading, List<Line> lines, List<String> paragraphs) {
    public Section {
      Objects.requireNonNull(heading);
      lines = List.copyOf(lines);
      paragraphs = List.copyOf(paragraphs);
    }
  }

  /** A labelled value; the value may be long and is wrapped. */
  public record Line(String label, String value) {}

  private static final String REGULAR = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
  private static final String BOLD = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";
  private static final byte[] REGULAR_FONT = fontFile(REGULAR);
  private static final byte[] BOLD_FONT = fontFile(BOLD);

  private static final float MARGIN = 56;
  private static final float LABEL_WIDTH = 150;
  private static final float BODY = 10;
  private static final float LEADING = 14;
  private static final float FULL_WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

  private SummaryPdf() {}

  /**
   * The document; {@code footer} words the footer of each page by its number. Right to left, every
   * line is aligned to the right and labels stand on the right of their values.
   */
  public static byte[] write(
      String title, List<Section> sections, IntFunction<String> footer, boolean rightToLeft) {
    try (PDDocument doc = new PDDocument();
        TrueTypeFont regularFile = parse(REGULAR_FONT);
        TrueTypeFont boldFile = parse(BOLD_FONT)) {
      PDDocumentInformation info = doc.getDocumentInformation();
      // Document properties travel with the file: a title, nothing about the survivor.
      info.setTitle(title);
      info.setProducer("Haven");
      Writer out =
          new Writer(
              doc,
              new Face(PDType0Font.load(doc, regularFile, true), regularFile, rightToLeft),
              new Face(PDType0Font.load(doc, boldFile, true), boldFile, rightToLeft),
              footer,
              rightToLeft);
      out.title(title);
      for (Section section : sections) {
        out.heading(section.heading());
        for (Line line : section.lines()) {
          out.labelled(line.label(), line.value());
        }
        for (String paragraph : section.paragraphs()) {
          out.paragraph(paragraph);
        }
      }
      out.close();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      doc.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the referral summary", e);
    }
  }

  /** A font as PDF uses it and as its file says which characters it has. */
  private record Face(PDType0Font font, CmapLookup cmap, boolean rightToLeft) {
    Face(PDType0Font font, TrueTypeFont file, boolean rightToLeft) throws IOException {
      this(font, file.getUnicodeCmapLookup(), rightToLeft);
    }

    /** What can be shown: right-to-left runs shaped and reordered, missing glyphs as "?". */
    String printable(String logical) {
      String visual = visualOrder(logical, rightToLeft);
      StringBuilder kept = new StringBuilder(visual.length());
      visual
          .codePoints()
          .forEach(
              cp -> {
                if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                  kept.append(cp == '\t' ? " " : "");
                } else if (cmap.getGlyphId(cp) == 0) {
                  kept.append('?');
                } else {
                  kept.appendCodePoint(cp);
                }
              });
      return kept.toString();
    }

    float width(String logical, float size) throws IOException {
      return font.getStringWidth(printable(logical)) / 1000 * size;
    }
  }

  /** Lays text out top to bottom, starting a new page when one is full. */
  private static final class Writer {
    private final PDDocument doc;
    private final Face regular;
    private final Face bold;
    private final IntFunction<String> footer;
    private final boolean rightToLeft;
    private PDPageContentStream page;
    private float y;
    private int pages;

    Writer(PDDocument doc, Face regular, Face bold, IntFunction<String> footer, boolean rtl)
        throws IOException {
      this.doc = doc;
      this.regular = regular;
      this.bold = bold;
      this.footer = footer;
      this.rightToLeft = rtl;
      newPage();
    }

    void title(String text) throws IOException {
      show(bold, 16, MARGIN, FULL_WIDTH, text);
      y -= 26;
    }

    void heading(String text) throws IOException {
      room(3 * LEADING);
      y -= 6;
      show(bold, 12, MARGIN, FULL_WIDTH, text);
      y -= LEADING + 4;
    }

    void labelled(String label, String value) throws IOException {
      float valueWidth = FULL_WIDTH - LABEL_WIDTH;
      float labelX = rightToLeft ? MARGIN + valueWidth : MARGIN;
      float valueX = rightToLeft ? MARGIN : MARGIN + LABEL_WIDTH;
      List<String> lines =
          wrap(regular, value == null || value.isBlank() ? "—" : value, valueWidth);
      room(LEADING);
      show(bold, BODY, labelX, LABEL_WIDTH - 8, label);
      for (String line : lines) {
        room(LEADING);
        show(regular, BODY, valueX, valueWidth, line);
        y -= LEADING;
      }
    }

    void paragraph(String text) throws IOException {
      for (String line : wrap(regular, text, FULL_WIDTH)) {
        room(LEADING);
        show(regular, BODY, MARGIN, FULL_WIDTH, line);
        y -= LEADING;
      }
      y -= 4;
    }

    void close() throws IOException {
      finishPage();
    }

    private void room(float needed) throws IOException {
      if (y - needed < MARGIN + 2 * LEADING) {
        finishPage();
        newPage();
      }
    }

    private void newPage() throws IOException {
      PDPage p = new PDPage(PDRectangle.A4);
      doc.addPage(p);
      page = new PDPageContentStream(doc, p);
      pages++;
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void finishPage() throws IOException {
      float size = 8;
      float lineY = MARGIN;
      for (String line : wrap(regular, footer.apply(pages), FULL_WIDTH, size)) {
        float x = rightToLeft ? MARGIN + FULL_WIDTH - regular.width(line, size) : MARGIN;
        page.beginText();
        page.setFont(regular.font(), size);
        page.newLineAtOffset(x, lineY);
        page.showText(regular.printable(line));
        page.endText();
        lineY -= 10;
      }
      page.close();
    }

    /** A line of a column {@code width} wide: right-aligned when it reads right to left. */
    private void show(Face face, float size, float x, float width, String text) throws IOException {
      boolean right = rightToLeft || Bidi.getBaseDirection(text) == Bidi.RTL;
      float start = right ? x + width - face.width(text, size) : x;
      show(face, size, start, text);
    }

    private void show(Face face, float size, float x, String text) throws IOException {
      page.beginText();
      page.setFont(face.font(), size);
      page.newLineAtOffset(x, y);
      page.showText(face.printable(text));
      page.endText();
    }
  }

  private static List<String> wrap(Face face, String text, float width) throws IOException {
    return wrap(face, text, width, BODY);
  }

  /** Breaks logical text into lines that fit, at spaces where it can, inside long words if not. */
  static List<String> wrap(Face face, String text, float width, float size) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\\R", -1)) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.split(" ")) {
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (face.width(candidate, size) <= width) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (!line.isEmpty()) {
          lines.add(line.toString());
          line.setLength(0);
        }
        // A word wider than the line is cut where it no longer fits.
        String rest = word;
        while (face.width(rest, size) > width) {
          int cut = rest.length() - 1;
          while (cut > 1 && face.width(rest.substring(0, cut), size) > width) {
            cut--;
          }
          lines.add(rest.substring(0, cut));
          rest = rest.substring(cut);
        }
        line.append(rest);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /**
   * Right-to-left runs shaped (Arabic letters joined) and reordered for display; in a right-to-left
   * document a line's base direction is right to left whatever its first letter.
   */
  static String visualOrder(String logical, boolean rightToLeft) {
    if (logical.isEmpty() || !Bidi.requiresBidi(logical.toCharArray(), 0, logical.length())) {
      return logical;
    }
    try {
      String shaped =
          new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL)
              .shape(logical);
      Bidi bidi = new Bidi(shaped, rightToLeft ? Bidi.RTL : Bidi.LEVEL_DEFAULT_LTR);
      return bidi.writeReordered(Bidi.DO_MIRRORING | Bidi.REMOVE_BIDI_CONTROLS);
    } catch (ArabicShapingException e) {
      return logical;
    }
  }

  private static TrueTypeFont parse(byte[] file) throws IOException {
    return new TTFParser().parse(new RandomAccessReadBuffer(file));
  }

  private static byte[] fontFile(String path) {
    try (InputStream in = SummaryPdf.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing: the build unpacks it (ejb/pom.xml)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
