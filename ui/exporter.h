#pragma once
#include "result.h"

#include <QByteArray>
#include <QSizeF>
#include <QString>
#include <functional>
#include <optional>

class QImage;
class QPainter;
class QRectF;

namespace renkou::ui {

class MapRenderer;

enum class ExportFormat { Png, Svg, Pdf };

/// Largest PNG export (100 megapixels, 400 MB while painted): 180 mm at 600 dpi is 13 megapixels, OWID's
/// 3400 × 2400 is 8. Larger PNGs are refused before anything is allocated.
inline constexpr qint64 kMaxExportPixels = 100'000'000;

/// The format named by a file's suffix (.png, .svg, .pdf), or nullopt.
std::optional<ExportFormat> exportFormatOf(const QString &path);

/// The size of an export. Layout is in CSS pixels (1/96 inch): a PNG gets `scale` device pixels per layout
/// pixel; SVG and PDF are vector at the layout size (PDF page in mm).
struct ExportSize {
    QSizeF layout{850, 600};
    double scale = 1;
    /// A map's export (exportMap()) trims the height its layout leaves blank under the map, legend and inset:
    /// a phone's layout is as tall as its map needs.
    bool fitHeight = false;

    /// Layout 850×600 (Our World in Data's size) at `s`×.
    static ExportSize atScale(double s, QSizeF layout = {850, 600});
    /// A width on paper at `dpi` (a PNG of width mm / 25.4 × dpi pixels); the height by the 850×600 aspect,
    /// or 1.4 times the width for a column under 120 mm wide (85 mm × 119 mm).
    static ExportSize forPrint(double widthMm, double dpi);
    /// The PNG's size in pixels.
    QSize pixels() const;
    double dpi() const { return 96.0 * scale; }
};

struct ExportOptions {
    ExportSize size;
    bool overwrite = false; ///< replace an existing file (else refuse: the CLI's --force, the GUI asks first)
};

/// What an SVG or PDF says of itself: its title (default: the file's name) and a description (SVG
/// <desc>, PDF XMP dc:description): the full citations of a map, beside its short source line.
struct FigureMetadata {
    QString title;
    QString description;
};

/// Paints with `paint` (given a painter and the layout rectangle) into `path` as PNG, SVG or PDF. The write
/// is atomic: the file appears complete or not at all, and an existing file is never left half-written.
core::Status exportPicture(const QString &path, const ExportOptions &options,
                           const std::function<void(QPainter &, const QRectF &)> &paint,
                           const FigureMetadata &metadata = {});
/// A picture painted by `paint` (given a painter and the layout rectangle) at `size`, on white, recording
/// its resolution: a PNG export's image, or one for the clipboard. A null image when it cannot be allocated.
QImage pictureOf(const ExportSize &size, const std::function<void(QPainter &, const QRectF &)> &paint);
/// The map as an export draws it (no hover highlight or selection, lines scaled), as a picture at `size`.
QImage mapPicture(MapRenderer &renderer, const ExportSize &size);
/// The map as the renderer shows it (title, legend, source line included; not the unit under the mouse nor
/// the selection), at the export's size (less the height it leaves blank, with `fitHeight`).
core::Status exportMap(MapRenderer &renderer, const QString &path, const ExportOptions &options);

} // namespace renkou::ui
