#include "exporter.h"
#include "inputfile.h"

#include "maprenderer.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRawFont>
#include <QRegularExpression>
#include <QSvgGenerator>
#include <cmath>

namespace renkou::ui {

std::optional<ExportFormat> exportFormatOf(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"png")
        return ExportFormat::Png;
    if (suffix == u"svg")
        return ExportFormat::Svg;
    if (suffix == u"pdf")
        return ExportFormat::Pdf;
    return std::nullopt;
}

ExportSize ExportSize::atScale(double s, QSizeF layout)
{
    return {layout, s};
}

ExportSize ExportSize::forPrint(double widthMm, double dpi)
{
    // A journal column (under 120 mm) is taller than wide, so that the map keeps the column's width under its
    // text and legend at print sizes (and has room for its names); a page width keeps the 850×600 aspect.
    const double widthPx = widthMm / 25.4 * 96.0;
    return {QSizeF(widthPx, widthPx * (widthMm < 120 ? 1.4 : 600.0 / 850.0)), dpi / 96.0};
}

QSize ExportSize::pixels() const
{
    return QSize(int(std::lround(layout.width() * scale)), int(std::lround(layout.height() * scale)));
}

namespace {

/// The CJK ideograph (U+4E00–U+9FFF) that the CJK font draws with the same glyph as each Kangxi or CJK
/// radical (U+2E80–U+2FDF) it has: 山 for ⼭ (U+2F2D), 青 for ⻘ (U+2ED8), 龙 for ⻰ (U+2EF0).
const QHash<char16_t, char16_t> &ideographOfRadical()
{
    static const QHash<char16_t, char16_t> table = [] {
        QHash<char16_t, char16_t> out;
        const QRawFont font = QRawFont::fromFont(QFont(QStringLiteral("Noto Sans CJK SC")));
        if (!font.isValid())
            return out;
        QString ideographs;
        for (char16_t c = 0x4E00; c <= 0x9FFF; ++c)
            ideographs += QChar(c);
        const QList<quint32> glyphs = font.glyphIndexesForString(ideographs);
        QHash<quint32, char16_t> byGlyph;
        for (qsizetype i = 0; i < glyphs.size(); ++i) {
            if (glyphs[i] != 0 && !byGlyph.contains(glyphs[i]))
                byGlyph.insert(glyphs[i], ideographs[i].unicode());
        }
        QString radicals;
        for (char16_t c = 0x2E80; c <= 0x2FDF; ++c)
            radicals += QChar(c);
        const QList<quint32> radicalGlyphs = font.glyphIndexesForString(radicals);
        for (qsizetype i = 0; i < radicalGlyphs.size(); ++i) {
            if (const auto it = byGlyph.constFind(radicalGlyphs[i]); radicalGlyphs[i] != 0 && it != byGlyph.constEnd())
                out.insert(radicals[i].unicode(), *it);
        }
        return out;
    }();
    return table;
}

/// Qt's PDF engine writes each font subset's ToUnicode map from the lowest code point that maps to a glyph.
/// Noto Sans CJK maps radicals and ideographs to the same glyphs, so 山东省 would be extracted (and searched)
/// as ⼭东省. This rewrites the target of every such entry to the ideograph. Targets are four hex digits
/// either way and the maps are not compressed, so no byte offset in the file moves.
/// Sets the page of a PDF written by QPdfWriter to exactly `points` (180 mm = 510.236 pt): QPageSize keeps
/// whole points, but the writer prints the MediaBox with six decimals ("510.000000"), so the exact size
/// replaces it in place where it has as many characters — the cross-reference offsets stay valid. Else the
/// page stays as written (at most half a point off).
void setExactPageSize(QByteArray &pdf, const QSizeF &points)
{
    static const QRegularExpression box(QStringLiteral("/MediaBox \\[0 0 ([0-9]+\\.[0-9]{6}) ([0-9]+\\.[0-9]{6})\\]"));
    const QString text = QString::fromLatin1(pdf); // one QChar per byte: positions are byte offsets
    const QRegularExpressionMatch m = box.match(text);
    if (!m.hasMatch())
        return;
    const QByteArray w = QByteArray::number(points.width(), 'f', 6), h = QByteArray::number(points.height(), 'f', 6);
    if (w.size() != m.capturedLength(1) || h.size() != m.capturedLength(2))
        return;
    pdf.replace(m.capturedStart(2), h.size(), h);
    pdf.replace(m.capturedStart(1), w.size(), w);
}

/// Sets the size of an SVG written by QSvgGenerator to exactly `mm` (180 mm, not 179.917): the generator takes
/// whole pixels for it. Only the root element's width and height change; the view box is the layout's.
void setExactSvgSize(QByteArray &svg, const QSizeF &mm)
{
    static const QRegularExpression size(QStringLiteral("<svg width=\"[0-9.]+mm\" height=\"[0-9.]+mm\""));
    const QString text = QString::fromUtf8(svg.left(400));
    const QRegularExpressionMatch m = size.match(text);
    if (!m.hasMatch())
        return;
    const QByteArray exact = QStringLiteral("<svg width=\"%1mm\" height=\"%2mm\"")
                                 .arg(QString::number(mm.width(), 'f', 3), QString::number(mm.height(), 'f', 3))
                                 .toUtf8();
    svg.replace(m.capturedStart(), m.capturedLength(), exact); // the header is ASCII: characters are bytes
}

void mapRadicalsToIdeographs(QByteArray &pdf)
{
    static const QRegularExpression section(QStringLiteral("beginbf(range|char)\\n(.*?)endbf\\1"),
                                            QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression token(QStringLiteral("<([0-9A-Fa-f]{4})>"));
    const QString text = QString::fromLatin1(pdf); // one QChar per byte: positions are byte offsets
    std::vector<std::pair<qsizetype, char16_t>> edits; // where a target's hex digits start, the ideograph
    for (auto s = section.globalMatch(text); s.hasNext();) {
        const auto m = s.next();
        const int sourceTokens = m.captured(1) == u"range" ? 2 : 1; // the glyph codes before the targets
        const qsizetype end = m.capturedEnd(2);
        for (qsizetype lineStart = m.capturedStart(2); lineStart < end;) {
            qsizetype lineEnd = text.indexOf(u'\n', lineStart);
            if (lineEnd < 0 || lineEnd > end)
                lineEnd = end;
            int index = 0;
            for (auto t = token.globalMatch(QStringView(text).sliced(lineStart, lineEnd - lineStart)); t.hasNext(); ++index) {
                const auto tm = t.next();
                const auto it = ideographOfRadical().constFind(char16_t(tm.captured(1).toUInt(nullptr, 16)));
                if (index >= sourceTokens && it != ideographOfRadical().constEnd())
                    edits.emplace_back(lineStart + tm.capturedStart(1), *it);
            }
            lineStart = lineEnd + 1;
        }
    }
    for (const auto &[at, ideograph] : edits)
        pdf.replace(at, 4, QByteArray::number(uint(ideograph), 16).toUpper().rightJustified(4, '0'));
}

} // namespace

core::Status exportPicture(const QString &path, const ExportOptions &options,
                           const std::function<void(QPainter &, const QRectF &)> &paint,
                           const FigureMetadata &metadata)
{
    const auto format = exportFormatOf(path);
    if (!format)
        return core::Error{core::Error::Code::Usage, path, {}, QStringLiteral("has no .png, .svg or .pdf suffix")};
    // Refuse early, before the work of painting.
    if (QFileInfo::exists(path) && !options.overwrite)
        return core::writeFileAtomically(path, {}, false);
    const QRectF layout(QPointF(0, 0), options.size.layout);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (*format == ExportFormat::Png) {
        const QSize pixels = options.size.pixels();
        if (qint64(pixels.width()) * pixels.height() > kMaxExportPixels)
            return core::Error{core::Error::Code::Value, path, {},
                               QStringLiteral("would be %1 × %2 pixels (%3 megapixels); a PNG is limited to %4 megapixels: "
                                              "choose a smaller width or resolution, or SVG or PDF (vector, any size)")
                                   .arg(pixels.width())
                                   .arg(pixels.height())
                                   .arg(qint64(pixels.width()) * pixels.height() / 1'000'000)
                                   .arg(kMaxExportPixels / 1'000'000)};
        const QImage image = pictureOf(options.size, paint);
        if (image.isNull())
            return core::Error{core::Error::Code::Value, path, {}, QStringLiteral("the image size is too large")};
        image.save(&buffer, "PNG");
    } else if (*format == ExportFormat::Svg) {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setResolution(96);
        svg.setSize(options.size.layout.toSize());
        svg.setViewBox(layout);
        svg.setTitle(metadata.title.isEmpty() ? QFileInfo(path).completeBaseName() : metadata.title);
        svg.setDescription(metadata.description.isEmpty() ? QStringLiteral("Made with Renkou") : metadata.description);
        QPainter painter(&svg);
        paint(painter, layout);
    } else {
        QPdfWriter pdf(&buffer);
        pdf.setResolution(96); // one device unit per layout pixel: text, lines and shapes stay vector
        pdf.setPageSize(QPageSize(options.size.layout * 25.4 / 96.0, QPageSize::Millimeter));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setCreator(QStringLiteral("Renkou"));
        pdf.setTitle(metadata.title.isEmpty() ? QFileInfo(path).completeBaseName() : metadata.title);
        // The full citations travel in the file's XMP metadata (dc:description), beside the short source line.
        if (!metadata.description.isEmpty()) {
            const auto xml = [](const QString &text) { return text.toHtmlEscaped().toUtf8(); };
            pdf.setDocumentXmpMetadata(
                "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml(pdf.title()) + "</rdf:li></rdf:Alt></dc:title>"
                "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml(metadata.description) + "</rdf:li></rdf:Alt></dc:description>"
                "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>");
        }
        QPainter painter(&pdf);
        paint(painter, layout);
    }
    buffer.close();
    if (*format == ExportFormat::Pdf) {
        mapRadicalsToIdeographs(bytes);
        setExactPageSize(bytes, options.size.layout * 72.0 / 96.0);
    } else if (*format == ExportFormat::Svg) {
        setExactSvgSize(bytes, options.size.layout * 25.4 / 96.0);
    }
    if (bytes.isEmpty())
        return core::Error{core::Error::Code::Write, path, {}, QStringLiteral("nothing was drawn")};
    return core::writeFileAtomically(path, bytes, options.overwrite);
}

QImage pictureOf(const ExportSize &size, const std::function<void(QPainter &, const QRectF &)> &paint)
{
    QImage image(size.pixels(), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return image;
    // Painted at 96 dpi (so that point sizes lay out as on screen) and scaled; the image then records the
    // print resolution.
    const int dpm96 = int(std::lround(96 / 0.0254));
    image.setDotsPerMeterX(dpm96);
    image.setDotsPerMeterY(dpm96);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.scale(size.scale, size.scale);
        paint(painter, QRectF(QPointF(0, 0), size.layout));
    }
    const int dpm = int(std::lround(size.dpi() / 0.0254));
    image.setDotsPerMeterX(dpm);
    image.setDotsPerMeterY(dpm);
    return image;
}

namespace {
/// The renderer as a figure draws it, for the lifetime of the value: lines scaled for the pixels, and
/// without what the screen shows of the user's pointing — the unit under the mouse and the selection
/// (which a figure has no key for).
class AsFigure {
public:
    AsFigure(MapRenderer &renderer, double lineScale)
        : m_renderer(renderer), m_hovered(renderer.hovered()), m_selection(renderer.selection())
    {
        m_renderer.setLineScale(lineScale);
        m_renderer.setHovered(-1);
        m_renderer.setSelection({});
    }
    ~AsFigure()
    {
        m_renderer.setHovered(m_hovered);
        m_renderer.setSelection(m_selection);
        m_renderer.setLineScale(1.0);
    }
    AsFigure(const AsFigure &) = delete;
    AsFigure &operator=(const AsFigure &) = delete;

private:
    MapRenderer &m_renderer;
    int m_hovered;
    std::vector<int> m_selection;
};
} // namespace

QImage mapPicture(MapRenderer &renderer, const ExportSize &size)
{
    const AsFigure figure(renderer, size.scale);
    return pictureOf(size, [&](QPainter &painter, const QRectF &target) { renderer.paint(painter, target); });
}

core::Status exportMap(MapRenderer &renderer, const QString &path, const ExportOptions &options)
{
    const AsFigure figure(renderer, exportFormatOf(path) == ExportFormat::Png ? options.size.scale : 1.0);
    ExportOptions fitted = options;
    if (options.size.fitHeight)
        fitted.size.layout.rheight() -= renderer.blankHeight(QRectF(QPointF(0, 0), options.size.layout));
    return exportPicture(
        path, fitted, [&](QPainter &painter, const QRectF &target) { renderer.paint(painter, target); },
        {renderer.title(), renderer.citations()});
}

} // namespace renkou::ui
