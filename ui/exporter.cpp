#include "exporter.h"

#include "maprenderer.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
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
    const double widthPx = widthMm / 25.4 * 96.0;
    return {QSizeF(widthPx, widthPx * 600.0 / 850.0), dpi / 96.0};
}

QSize ExportSize::pixels() const
{
    return QSize(int(std::lround(layout.width() * scale)), int(std::lround(layout.height() * scale)));
}

core::Status writeFileAtomically(const QString &path, const QByteArray &bytes, bool overwrite)
{
    const QFileInfo info(path);
    if (info.isDir())
        return core::Error{core::Error::Code::Write, path, {}, QStringLiteral("is a directory")};
    if (info.exists() && !overwrite)
        return core::Error{core::Error::Code::Exists, path, {},
                           QStringLiteral("already exists; not replaced (use --force to replace it)")};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return core::Error{core::Error::Code::Write, path, {}, QStringLiteral("cannot be written: %1").arg(file.errorString())};
    if (file.write(bytes) != bytes.size() || !file.commit())
        return core::Error{core::Error::Code::Write, path, {}, QStringLiteral("cannot be written: %1").arg(file.errorString())};
    return core::Done{};
}

core::Status exportPicture(const QString &path, const ExportOptions &options,
                           const std::function<void(QPainter &, const QRectF &)> &paint)
{
    const auto format = exportFormatOf(path);
    if (!format)
        return core::Error{core::Error::Code::Usage, path, {}, QStringLiteral("has no .png, .svg or .pdf suffix")};
    // Refuse early, before the work of painting.
    if (QFileInfo::exists(path) && !options.overwrite)
        return writeFileAtomically(path, {}, false);
    const QRectF layout(QPointF(0, 0), options.size.layout);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (*format == ExportFormat::Png) {
        QImage image(options.size.pixels(), QImage::Format_ARGB32_Premultiplied);
        if (image.isNull())
            return core::Error{core::Error::Code::Value, path, {}, QStringLiteral("the image size is too large")};
        // Painted at 96 dpi (so that point sizes lay out as on screen) and scaled; the file then records
        // the print resolution.
        const int dpm96 = int(std::lround(96 / 0.0254));
        image.setDotsPerMeterX(dpm96);
        image.setDotsPerMeterY(dpm96);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            painter.scale(options.size.scale, options.size.scale);
            paint(painter, layout);
        }
        const int dpm = int(std::lround(options.size.dpi() / 0.0254));
        image.setDotsPerMeterX(dpm);
        image.setDotsPerMeterY(dpm);
        image.save(&buffer, "PNG");
    } else if (*format == ExportFormat::Svg) {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setResolution(96);
        svg.setSize(options.size.layout.toSize());
        svg.setViewBox(layout);
        svg.setTitle(QFileInfo(path).completeBaseName());
        svg.setDescription(QStringLiteral("Made with Renkou"));
        QPainter painter(&svg);
        paint(painter, layout);
    } else {
        QPdfWriter pdf(&buffer);
        pdf.setResolution(96); // one device unit per layout pixel: text, lines and shapes stay vector
        pdf.setPageSize(QPageSize(options.size.layout * 25.4 / 96.0, QPageSize::Millimeter));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setCreator(QStringLiteral("Renkou"));
        pdf.setTitle(QFileInfo(path).completeBaseName());
        QPainter painter(&pdf);
        paint(painter, layout);
    }
    buffer.close();
    if (bytes.isEmpty())
        return core::Error{core::Error::Code::Write, path, {}, QStringLiteral("nothing was drawn")};
    return writeFileAtomically(path, bytes, options.overwrite);
}

core::Status exportMap(MapRenderer &renderer, const QString &path, const ExportOptions &options)
{
    const bool png = exportFormatOf(path) == ExportFormat::Png;
    renderer.setLineScale(png ? options.size.scale : 1.0);
    const core::Status status = exportPicture(path, options, [&](QPainter &painter, const QRectF &target) {
        renderer.paint(painter, target);
    });
    renderer.setLineScale(1.0);
    return status;
}

} // namespace renkou::ui
