#include "animation.h"

#include "databundle.h"
#include "inputfile.h"
#include "mapscene.h"
#include "maprenderer.h"

#include <QPainter>
#include <gif_lib.h>

namespace renkou::ui {

namespace {

int appendToBuffer(GifFileType *gif, const GifByteType *data, int length)
{
    static_cast<QByteArray *>(gif->UserData)->append(reinterpret_cast<const char *>(data), length);
    return length;
}

core::Error gifError(const QString &path, int code)
{
    return core::Error{core::Error::Code::Write, path, {}, QStringLiteral("GIF encoder: %1").arg(QString::fromUtf8(GifErrorString(code)))};
}

} // namespace

core::Status writeAnimatedGif(const QString &path, const std::vector<QImage> &frames, int delayMs, bool overwrite)
{
    if (frames.empty())
        return core::Error{core::Error::Code::Value, path, {}, QStringLiteral("no frames to write")};
    const QSize size = frames.front().size();
    for (const QImage &f : frames)
        if (f.size() != size)
            return core::Error{core::Error::Code::Value, path, {}, QStringLiteral("frames of different sizes")};
    QByteArray bytes;
    int error = 0;
    GifFileType *gif = EGifOpen(&bytes, appendToBuffer, &error);
    if (!gif)
        return gifError(path, error);
    EGifSetGifVersion(gif, true);
    const auto fail = [&](GifFileType *g) {
        const int code = g->Error;
        EGifCloseFile(g, nullptr);
        return gifError(path, code);
    };
    if (EGifPutScreenDesc(gif, size.width(), size.height(), 8, 0, nullptr) == GIF_ERROR)
        return fail(gif);
    // Loop for ever: the NETSCAPE2.0 application extension, loop count 0.
    static const GifByteType netscape[] = "NETSCAPE2.0";
    static const GifByteType loop[] = {1, 0, 0};
    if (EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR || EGifPutExtensionBlock(gif, 11, netscape) == GIF_ERROR
        || EGifPutExtensionBlock(gif, 3, loop) == GIF_ERROR || EGifPutExtensionTrailer(gif) == GIF_ERROR)
        return fail(gif);
    for (const QImage &frame : frames) {
        const QImage indexed = frame.convertToFormat(QImage::Format_Indexed8, Qt::ThresholdDither | Qt::AvoidDither);
        ColorMapObject *map = GifMakeMapObject(256, nullptr);
        if (!map)
            return fail(gif);
        const QList<QRgb> table = indexed.colorTable();
        for (int i = 0; i < 256; ++i) {
            const QRgb c = i < table.size() ? table[i] : qRgb(0, 0, 0);
            map->Colors[i] = {GifByteType(qRed(c)), GifByteType(qGreen(c)), GifByteType(qBlue(c))};
        }
        GraphicsControlBlock gcb{};
        gcb.DisposalMode = DISPOSE_DO_NOT;
        gcb.DelayTime = std::max(1, (delayMs + 5) / 10);
        gcb.TransparentColor = NO_TRANSPARENT_COLOR;
        GifByteType extension[4];
        const size_t n = EGifGCBToExtension(&gcb, extension);
        bool ok = EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, int(n), extension) != GIF_ERROR
                  && EGifPutImageDesc(gif, 0, 0, size.width(), size.height(), false, map) != GIF_ERROR;
        for (int y = 0; ok && y < size.height(); ++y)
            ok = EGifPutLine(gif, const_cast<GifPixelType *>(indexed.constScanLine(y)), size.width()) != GIF_ERROR;
        GifFreeMapObject(map);
        if (!ok)
            return fail(gif);
    }
    if (EGifCloseFile(gif, &error) == GIF_ERROR)
        return gifError(path, error);
    return core::writeFileAtomically(path, bytes, overwrite);
}

std::vector<int> animationYears(const core::DataBundle &bundle, const core::View &view, int from, int to)
{
    const MapQuery q = queryFor(bundle, view, [&bundle](core::Level l, const core::IndicatorInfo &i) {
        return core::yearsWithData(bundle.context(), l, i);
    });
    std::vector<int> years;
    for (int y : core::yearsWithData(bundle.context(), q.level, q.indicator)) {
        // A change needs a start before it.
        if (y >= from && y <= to && (!q.indicator.spansYears || y > from))
            years.push_back(y);
    }
    return years;
}

std::vector<QImage> animationFrames(const core::DataBundle &bundle, const core::View &view, const std::vector<int> &years,
                                    const ExportSize &size, const std::function<bool(int)> &progress)
{
    // One set of classes for every frame: the values of all the years.
    const std::vector<double> all = valuesOfYears(bundle, view, years);
    std::vector<QImage> frames;
    const QRectF target(QPointF(0, 0), size.layout);
    for (int y : years) {
        core::View v = view;
        v.year = y;
        v.from.reset();
        MapRenderer renderer;
        renderView(renderer, bundle, v, all, true);
        renderer.setLineScale(size.scale);
        QImage image(size.pixels(), QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.scale(size.scale, size.scale);
        renderer.paint(painter, target);
        painter.end();
        frames.push_back(std::move(image));
        if (progress && !progress(int(frames.size())))
            break;
    }
    return frames;
}

} // namespace renkou::ui
