#include "animation.h"

#include "databundle.h"
#include "inputfile.h"
#include "mapscene.h"
#include "maprenderer.h"

#include <QHash>
#include <array>
#include <limits>
#include <numeric>
#include <memory>
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

/// The colours that cover at least 1/2000 of a frame (the page, the class fills, the text) each get a palette
/// entry of their own, exactly: the median cut may have put two of them in one box (a light class beside the
/// white of "no change"), whose mean is neither. Each takes the least used entry not holding another; the
/// few pixels of that entry go to the nearest remaining colour.
void keepFrequentColoursExact(const QImage &rgb, std::vector<GifByteType> &indices, const std::vector<std::array<quint64, 4>> &sums,
                              ColorMapObject *map)
{
    const size_t n = indices.size();
    QHash<QRgb, quint64> counts;
    for (int y = 0; y < rgb.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            ++counts[line[x] | 0xff000000u];
    }
    std::vector<std::pair<quint64, QRgb>> frequent;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() * 2000 >= n)
            frequent.emplace_back(it.value(), it.key());
    std::sort(frequent.rbegin(), frequent.rend()); // most pixels first
    if (frequent.size() > 128)
        frequent.resize(128);
    // Entries by use, least first; an entry given to a frequent colour is not given again.
    std::vector<int> byUse(256);
    std::iota(byUse.begin(), byUse.end(), 0);
    std::sort(byUse.begin(), byUse.end(), [&](int a, int b) { return sums[size_t(a)][3] < sums[size_t(b)][3]; });
    std::array<bool, 256> taken{};
    std::array<int, 256> remap; // old entry → new entry, for pixels that are not a frequent colour
    std::iota(remap.begin(), remap.end(), 0);
    std::vector<std::pair<QRgb, int>> exact; // colour → its entry
    size_t next = 0;
    for (const auto &[count, colour] : frequent) {
        const GifColorType c{GifByteType(qRed(colour)), GifByteType(qGreen(colour)), GifByteType(qBlue(colour))};
        while (next < byUse.size() && taken[size_t(byUse[next])])
            ++next;
        if (next == byUse.size())
            break;
        const int entry = byUse[next++];
        taken[size_t(entry)] = true;
        map->Colors[entry] = c;
        exact.emplace_back(colour, entry);
    }
    // Entries given away: their other pixels go to the nearest entry not given away.
    for (int e = 0; e < 256; ++e) {
        if (!taken[size_t(e)] || sums[size_t(e)][3] == 0)
            continue;
        const auto &s = sums[size_t(e)];
        const double r = double(s[0]) / double(s[3]), g = double(s[1]) / double(s[3]), b = double(s[2]) / double(s[3]);
        double best = std::numeric_limits<double>::max();
        for (int o = 0; o < 256; ++o) {
            if (taken[size_t(o)] || sums[size_t(o)][3] == 0)
                continue;
            const GifColorType &c = map->Colors[o];
            const double d = (c.Red - r) * (c.Red - r) + (c.Green - g) * (c.Green - g) + (c.Blue - b) * (c.Blue - b);
            if (d < best) {
                best = d;
                remap[size_t(e)] = o;
            }
        }
    }
    QHash<QRgb, int> exactEntry;
    for (const auto &[colour, entry] : exact)
        exactEntry.insert(colour, entry);
    for (int y = 0; y < rgb.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            const size_t i = size_t(y) * size_t(rgb.width()) + size_t(x);
            const auto it = exactEntry.constFind(line[x] | 0xff000000u);
            indices[i] = GifByteType(it != exactEntry.cend() ? it.value() : remap[indices[i]]);
        }
    }
}

} // namespace

core::Status checkFrames(const QString &path, const std::vector<QImage> &frames)
{
    if (frames.empty())
        return core::Error{core::Error::Code::Value, path, {}, QStringLiteral("no frames to write")};
    for (const QImage &f : frames)
        if (f.size() != frames.front().size())
            return core::Error{core::Error::Code::Value, path, {}, QStringLiteral("frames of different sizes")};
    return core::Done{};
}

std::optional<AnimationFormat> animationFormatOf(const QString &path)
{
    const QString suffix = path.section(u'.', -1).toLower();
    if (suffix == u"gif")
        return AnimationFormat::Gif;
    if (suffix == u"mp4")
        return AnimationFormat::Mp4;
    if (suffix == u"webm")
        return AnimationFormat::WebM;
    return std::nullopt;
}

core::Status writeAnimation(const QString &path, const std::vector<QImage> &frames, int delayMs, bool overwrite)
{
    const auto format = animationFormatOf(path);
    if (!format)
        return core::Error{core::Error::Code::Value, path, {}, QStringLiteral("an animation is written as .gif, .mp4 or .webm")};
    return *format == AnimationFormat::Gif ? writeAnimatedGif(path, frames, delayMs, overwrite)
                                           : writeVideo(path, *format, frames, delayMs, overwrite);
}

core::Status writeAnimatedGif(const QString &path, const std::vector<QImage> &frames, int delayMs, bool overwrite)
{
    if (const auto bad = checkFrames(path, frames); !bad)
        return bad;
    const QSize size = frames.front().size();
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

    const size_t n = size_t(size.width()) * size_t(size.height());
    std::vector<GifByteType> red(n), green(n), blue(n), indices(n);
    for (const QImage &frame : frames) {
        // The loop pauses on the last frame (the latest year) three times as long, as news graphics do.
        const int shownMs = &frame == &frames.back() ? 3 * delayMs : delayMs;
        // giflib's median-cut quantizer: up to 256 colours chosen for this frame (so a map's class colours
        // stay exact), no dithering.
        const QImage rgb = frame.convertToFormat(QImage::Format_RGB32);
        for (int y = 0; y < size.height(); ++y) {
            const QRgb *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
            for (int x = 0; x < size.width(); ++x) {
                const size_t i = size_t(y) * size_t(size.width()) + size_t(x);
                red[i] = GifByteType(qRed(line[x]));
                green[i] = GifByteType(qGreen(line[x]));
                blue[i] = GifByteType(qBlue(line[x]));
            }
        }
        ColorMapObject *map = GifMakeMapObject(256, nullptr);
        if (!map)
            return fail(gif);
        int colours = 256;
        if (GifQuantizeBuffer(unsigned(size.width()), unsigned(size.height()), &colours, red.data(), green.data(), blue.data(),
                              indices.data(), map->Colors) == GIF_ERROR) {
            GifFreeMapObject(map);
            return fail(gif);
        }
        // giflib's quantizer works on 5 bits a channel (white comes out #f8f8f8): each colour of the map is
        // set to the mean of the pixels given it, which for a class fill or the white page is exactly its colour.
        std::vector<std::array<quint64, 4>> sums(256, {0, 0, 0, 0});
        for (size_t i = 0; i < n; ++i) {
            auto &sum = sums[indices[i]];
            sum[0] += red[i];
            sum[1] += green[i];
            sum[2] += blue[i];
            ++sum[3];
        }
        for (int c = 0; c < 256; ++c) {
            const auto &sum = sums[size_t(c)];
            if (sum[3] > 0)
                map->Colors[c] = {GifByteType((sum[0] + sum[3] / 2) / sum[3]), GifByteType((sum[1] + sum[3] / 2) / sum[3]),
                                  GifByteType((sum[2] + sum[3] / 2) / sum[3])};
        }
        keepFrequentColoursExact(rgb, indices, sums, map);
        GraphicsControlBlock gcb{};
        gcb.DisposalMode = DISPOSE_DO_NOT;
        gcb.DelayTime = std::max(1, (shownMs + 5) / 10);
        gcb.TransparentColor = NO_TRANSPARENT_COLOR;
        GifByteType extension[4];
        const size_t length = EGifGCBToExtension(&gcb, extension);
        bool ok = EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, int(length), extension) != GIF_ERROR
                  && EGifPutImageDesc(gif, 0, 0, size.width(), size.height(), false, map) != GIF_ERROR;
        for (int y = 0; ok && y < size.height(); ++y)
            ok = EGifPutLine(gif, indices.data() + size_t(y) * size_t(size.width()), size.width()) != GIF_ERROR;
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
                                    const ExportSize &size, const FigureTexts &texts, const std::function<bool(int)> &progress)
{
    // One set of classes for every frame: the values of every year with data, as the window's "same classes
    // for every year", so that a year has the same colours in the window, a figure and an animation.
    const std::vector<double> all = valuesOfYears(bundle, view);
    // Every frame's map first, to make the foot (notes, source line) as tall in each as in the tallest, so
    // that the map stays put.
    const QRectF target(QPointF(0, 0), size.layout);
    std::vector<std::unique_ptr<MapRenderer>> maps;
    qreal foot = 0;
    for (int y : years) {
        core::View v = view;
        v.year = y;
        v.from.reset();
        maps.push_back(std::make_unique<MapRenderer>());
        renderView(*maps.back(), bundle, v, all, true);
        // The years lead, large above the title ("2014", then "Resident population by province").
        const QString title = maps.back()->title();
        maps.back()->setHeadline(title.section(QStringLiteral(" · "), 0, 0));
        maps.back()->setTitle(title.section(QStringLiteral(" · "), 1));
        applyFigureTexts(*maps.back(), texts);
        foot = std::max(foot, maps.back()->footHeight(target));
    }
    std::vector<QImage> frames;
    for (const auto &map : maps) {
        map->setFootReserve(foot);
        frames.push_back(mapPicture(*map, size));
        if (progress && !progress(int(frames.size())))
            break;
    }
    return frames;
}

} // namespace renkou::ui
