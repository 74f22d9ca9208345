// Figures fit to publish: at every size a figure is exported at, nothing laid over the map — title,
// subtitle, legend, inset, notes, source line — covers a unit's fill.
#include "animation.h"
#include "databundle.h"
#include "exporter.h"
#include "mapscene.h"
#include "maprenderer.h"

#include <QFile>
#include <QHash>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QTemporaryDir>
#include <QPainter>
#include <gtest/gtest.h>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

using namespace renkou;

namespace {

const core::DataBundle &bundle()
{
    static const core::DataBundle b = [] {
        auto r = core::DataBundle::load(QStringLiteral(RENKOU_BUNDLE_DIR), core::DataBundle::Parts::Everything);
        EXPECT_TRUE(r.ok());
        return std::move(r).value();
    }();
    return b;
}

/// Pixels of the unit colour (every unit filled pure magenta) inside `r`.
int landPixels(const QImage &mask, const QRectF &r)
{
    int n = 0;
    const QRect box = r.toAlignedRect().intersected(mask.rect());
    for (int y = box.top(); y <= box.bottom(); ++y)
        for (int x = box.left(); x <= box.right(); ++x) {
            const QColor c = mask.pixelColor(x, y);
            n += c.red() > 200 && c.green() < 80 && c.blue() > 200 ? 1 : 0;
        }
    return n;
}

} // namespace

TEST(Layout, NothingOverTheMapCoversAUnitAtAnyExportSize)
{
    const std::pair<const char *, QSizeF> sizes[] = {
        {"OWID 850×600", {850, 600}},
        {"journal column 85 mm", ui::ExportSize::forPrint(85, 300).layout},
        {"journal page 180 mm", ui::ExportSize::forPrint(180, 300).layout},
        {"square 1080×1080", {1080, 1080}},
        {"phone 640×900", {640, 900}},
    };
    struct Case {
        const char *what;
        core::Level level;
        QString indicator;
        int year;
        std::optional<int> from;
    };
    const Case cases[] = {
        {"province population 2024", core::Level::Province, QStringLiteral("population"), 2024, std::nullopt},
        {"province change 2010–2020", core::Level::Province, QStringLiteral("change"), 2020, 2010},
        {"prefecture population 2020", core::Level::Prefecture, QStringLiteral("population"), 2020, std::nullopt},
    };
    for (const Case &c : cases) {
        core::View view;
        view.level = c.level;
        view.indicator = c.indicator;
        view.year = c.year;
        view.from = c.from;
        for (const auto &[name, size] : sizes) {
            const std::string what = std::string(c.what) + " at " + name;
            ui::MapRenderer r;
            ui::renderView(r, bundle(), view);
            const QRectF target(QPointF(0, 0), size);
            const ui::MapRenderer::Layout layout = r.layout(target);
            ASSERT_FALSE(layout.legend.isEmpty()) << what;
            // Every unit in magenta, nothing else drawn: where the units lie on this layout.
            r.setFills(std::vector<std::optional<QColor>>(r.fills().size(), QColor(Qt::magenta)));
            r.setOverlaysHidden(true);
            QImage mask(size.toSize(), QImage::Format_RGB32);
            {
                QPainter p(&mask);
                r.paint(p, target);
            }
            ASSERT_GT(landPixels(mask, target), 1000) << what; // the map is drawn
            EXPECT_EQ(landPixels(mask, layout.legend), 0) << what << ": the legend covers a unit";
            if (!layout.inset.isEmpty()) {
                EXPECT_EQ(landPixels(mask, layout.inset), 0) << what << ": the inset covers a unit";
            }
            EXPECT_EQ(landPixels(mask, QRectF(0, 0, size.width(), layout.mapArea.top())), 0) << what << ": the title block";
            EXPECT_EQ(landPixels(mask, QRectF(0, layout.mapArea.bottom(), size.width(), size.height())), 0)
                << what << ": the notes and source line";
            EXPECT_FALSE(layout.legend.intersects(layout.inset)) << what;
            EXPECT_TRUE(target.contains(layout.legend)) << what;
            // The map keeps a useful size: at least a third of the figure's width.
            EXPECT_GT(layout.worldToDevice.m11() * r.fullExtent().width(), size.width() / 3) << what;
        }
    }
}

// On the classes of every year (the window's default), a year's legend lists only the classes its units fill;
// an animation's frames keep every class, so that the legend stays put from frame to frame.
TEST(Layout, ALegendListsNoEmptyClassButAnAnimationKeepsThemAll)
{
    core::View view;
    view.indicator = QStringLiteral("change");
    view.year = 2002; // before the losses: the classes of the largest losses are empty
    const std::vector<double> all = ui::valuesOfYears(bundle(), view);
    ui::MapRenderer r;
    const ui::MapScene scene = ui::renderView(r, bundle(), view, all);
    ASSERT_FALSE(r.legend().empty());
    for (const ui::LegendItem &item : r.legend())
        EXPECT_GT(item.count, 0) << item.label.toStdString();
    const auto empty = std::count_if(scene.classes.begin(), scene.classes.end(), [](const core::ClassRange &c) { return c.count == 0; });
    ASSERT_GT(empty, 0) << "2001–2002 leaves a class of the other years empty";
    ui::MapRenderer frame;
    ui::renderView(frame, bundle(), view, all, true);
    EXPECT_EQ(frame.legend().size(), r.legend().size() + size_t(empty));
}

// A phone's map is as tall as it needs: the blank under the map, legend and inset is trimmed, and the trimmed
// figure leaves none; a map that fills its area (850×600) is not trimmed.
TEST(Layout, APhoneMapIsAsTallAsItNeeds)
{
    core::View view;
    view.indicator = QStringLiteral("change");
    view.year = 2024;
    view.from = 2023;
    ui::MapRenderer r;
    ui::renderView(r, bundle(), view);
    EXPECT_GT(r.blankHeight(QRectF(0, 0, 640, 900)), 40);
    EXPECT_LT(r.blankHeight(QRectF(0, 0, 850, 600)), 1);
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("phone.png"));
    ui::ExportSize phone = ui::ExportSize::atScale(2, {640, 900});
    phone.fitHeight = true;
    ASSERT_TRUE(ui::exportMap(r, png, {phone, false}).ok());
    const QImage image(png);
    EXPECT_EQ(image.width(), 1280);
    EXPECT_LT(image.height(), 1800 - 80);
    const qreal trimmed = image.height() / 2.0;
    EXPECT_LT(r.blankHeight(QRectF(0, 0, 640, trimmed)), 8) << "no blank left";
    // The source line is still at the foot: dark pixels in the last 30 layout pixels.
    int dark = 0;
    for (int y = image.height() - 60; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            dark += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
    EXPECT_GT(dark, 100);
}

// Animation: one frame a year with data, the same classes in every frame, a GIF that reads back with
// every frame at the asked size; bad input is an error, not a file.
TEST(Animation, FramesShareTheirClassesAndTheGifReadsBack)
{
    core::View view;
    const std::vector<int> years = ui::animationYears(bundle(), view, 2020, 2024);
    ASSERT_EQ(years, (std::vector<int>{2020, 2021, 2022, 2023, 2024}));
    // The classes of each frame are those of all the years together.
    std::vector<double> all;
    for (int y : years)
        for (const core::ColumnEntry &e : core::computeColumn(bundle().context(), core::Level::Province,
                                                              core::findIndicator(bundle().population, QStringLiteral("population")).value(), y, {})
                                              .entries)
            if (e.value)
                all.push_back(*e.value);
    std::vector<std::vector<std::pair<double, double>>> bounds;
    for (int y : {2020, 2024}) {
        core::View v = view;
        v.year = y;
        ui::MapRenderer r;
        const ui::MapScene scene = ui::renderView(r, bundle(), v, all, true);
        std::vector<std::pair<double, double>> b;
        int counted = 0;
        for (const core::ClassRange &c : scene.classes) {
            b.emplace_back(c.lower, c.upper);
            counted += c.count;
        }
        bounds.push_back(b);
        EXPECT_EQ(counted, int(scene.column.values().size())) << y; // the counts are the frame's own units
        EXPECT_TRUE(r.title().startsWith(QString::number(y))) << r.title().toStdString();
    }
    EXPECT_EQ(bounds[0], bounds[1]);

    const auto frames = ui::animationFrames(bundle(), view, years, ui::ExportSize::atScale(1));
    ASSERT_EQ(frames.size(), years.size());
    // The year leads each frame in large type: the first block of text from the top is at least 24 px tall
    // (the 14-pt title's is about 15), and it differs between the first and the last frame.
    const auto firstBlock = [](const QImage &image) {
        const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
        const auto dark = [&](int y) {
            for (int x = 0; x < rgb.width() / 3; ++x)
                if (qGray(rgb.pixel(x, y)) < 100)
                    return true;
            return false;
        };
        int y0 = 0;
        while (y0 < rgb.height() && !dark(y0))
            ++y0;
        int y1 = y0;
        while (y1 < rgb.height() && dark(y1))
            ++y1;
        return std::pair{y0, y1 - y0};
    };
    EXPECT_GE(firstBlock(frames.front()).second, 24);
    const auto [top, height] = firstBlock(frames.front());
    EXPECT_NE(frames.front().copy(0, top, 200, height), frames.back().copy(0, top, 200, height)) << "the years differ";
    QTemporaryDir dir;
    const QString gif = dir.filePath(QStringLiteral("map.gif"));
    ASSERT_TRUE(ui::writeAnimatedGif(gif, frames, 500, false).ok());
    QImageReader reader(gif);
    EXPECT_EQ(reader.imageCount(), 5);
    EXPECT_EQ(reader.size(), QSize(850, 600));
    const QImage first = reader.read().convertToFormat(QImage::Format_RGB32);
    ASSERT_FALSE(first.isNull());
    EXPECT_EQ(reader.nextImageDelay(), 500);
    // The colours are the map's own: almost every pixel exactly as drawn (the page white, the class fills).
    int same = 0, total = 0;
    const QImage drawn = frames[0].convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < drawn.height(); y += 7)
        for (int x = 0; x < drawn.width(); x += 7, ++total)
            same += drawn.pixel(x, y) == first.pixel(x, y) ? 1 : 0;
    EXPECT_GT(same, total * 90 / 100) << same << " of " << total;
    // Every pixel of a colour that covers 1/2000 of a frame (page, class fills) is that colour in the GIF, in
    // every frame: a class's swatch never changes colour between frames.
    QImageReader frameReader(gif);
    for (size_t k = 0; k < frames.size(); ++k) {
        const QImage back = frameReader.read().convertToFormat(QImage::Format_RGB32);
        ASSERT_FALSE(back.isNull()) << k;
        const QImage own = frames[k].convertToFormat(QImage::Format_RGB32);
        QHash<QRgb, qint64> counts;
        for (int y = 0; y < own.height(); ++y)
            for (int x = 0; x < own.width(); ++x)
                ++counts[own.pixel(x, y)];
        qint64 frequent = 0, changed = 0;
        for (int y = 0; y < own.height(); ++y) {
            for (int x = 0; x < own.width(); ++x) {
                if (counts.value(own.pixel(x, y)) * 2000 >= qint64(own.width()) * own.height()) {
                    ++frequent;
                    changed += back.pixel(x, y) != own.pixel(x, y) ? 1 : 0;
                }
            }
        }
        EXPECT_GT(frequent, 0) << k;
        EXPECT_EQ(changed, 0) << "frame " << k;
        // The loop pauses on the last year.
        EXPECT_EQ(frameReader.nextImageDelay(), k + 1 == frames.size() ? 1500 : 500) << "frame " << k; // of the frame read
    }
    EXPECT_FALSE(ui::writeAnimatedGif(gif, frames, 500, false).ok()); // exists: not replaced without permission
    EXPECT_FALSE(ui::writeAnimatedGif(dir.filePath(QStringLiteral("none.gif")), {}, 500, false).ok());
    EXPECT_FALSE(ui::writeAnimatedGif(dir.filePath(QStringLiteral("mixed.gif")), {frames[0], frames[1].scaled(100, 100)}, 500, false).ok());
    EXPECT_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("mixed.gif"))));
}

namespace {
/// What FFmpeg's demuxer reads back from a video: its codec, size, packets (frames) and duration in ms,
/// and the colour at the centre of its first frame.
struct VideoFacts {
    AVCodecID codec = AV_CODEC_ID_NONE;
    QSize size;
    int packets = 0;
    double durationMs = 0;
    QColor centre;
};

VideoFacts readVideo(const QString &path)
{
    VideoFacts facts;
    AVFormatContext *in = nullptr;
    if (avformat_open_input(&in, QFile::encodeName(path).constData(), nullptr, nullptr) < 0)
        return facts;
    avformat_find_stream_info(in, nullptr);
    const AVStream *s = in->streams[0];
    facts.codec = s->codecpar->codec_id;
    facts.size = QSize(s->codecpar->width, s->codecpar->height);
    const AVCodec *decoder = avcodec_find_decoder(facts.codec);
    AVCodecContext *dec = avcodec_alloc_context3(decoder);
    avcodec_parameters_to_context(dec, s->codecpar);
    avcodec_open2(dec, decoder, nullptr);
    AVPacket *packet = av_packet_alloc();
    AVFrame *frame = av_frame_alloc();
    while (av_read_frame(in, packet) >= 0) {
        ++facts.packets;
        avcodec_send_packet(dec, packet);
        if (!facts.centre.isValid() && avcodec_receive_frame(dec, frame) == 0) {
            // The luma and chroma at the centre, back to RGB (BT.709, limited range).
            const int x = frame->width / 2, y = frame->height / 2;
            const double Y = (frame->data[0][y * frame->linesize[0] + x] - 16) / 219.0;
            const double U = (frame->data[1][y / 2 * frame->linesize[1] + x / 2] - 128) / 224.0;
            const double V = (frame->data[2][y / 2 * frame->linesize[2] + x / 2] - 128) / 224.0;
            const auto c = [](double v) { return std::clamp(int(std::lround(v * 255)), 0, 255); };
            facts.centre = QColor(c(Y + 1.5748 * V), c(Y - 0.1873 * U - 0.4681 * V), c(Y + 1.8556 * U));
        }
        av_packet_unref(packet);
    }
    facts.durationMs = double(in->duration) * 1000 / AV_TIME_BASE; // as the container states it
    av_frame_free(&frame);
    av_packet_free(&packet);
    avcodec_free_context(&dec);
    avformat_close_input(&in);
    return facts;
}
} // namespace

// MP4 and WebM: FFmpeg reads back the codec, the size (an odd size padded to even), one packet a frame and
// the duration frames × delay; the first frame's colour survives the encoding to YUV.
TEST(Animation, VideosReadBackWithTheirFramesAndDuration)
{
    std::vector<QImage> frames;
    for (const QColor c : {QColor(0xd7, 0x30, 0x27), QColor(0x45, 0x75, 0xb4), QColor(0xfe, 0xe0, 0x90)}) {
        QImage f(401, 300, QImage::Format_RGB32);
        f.fill(c);
        frames.push_back(f);
    }
    QTemporaryDir dir;
    for (const auto &[name, codec] : {std::pair{"map.mp4", AV_CODEC_ID_H264}, std::pair{"map.webm", AV_CODEC_ID_VP9}}) {
        const QString path = dir.filePath(QString::fromLatin1(name));
        const auto written = ui::writeAnimation(path, frames, 700, false);
        ASSERT_TRUE(written.ok()) << written.error().toString().toStdString();
        const VideoFacts facts = readVideo(path);
        EXPECT_EQ(facts.codec, codec) << name;
        EXPECT_EQ(facts.size, QSize(402, 300)) << name;
        EXPECT_EQ(facts.packets, 3) << name;
        EXPECT_NEAR(facts.durationMs, 2100, 1) << name;
        ASSERT_TRUE(facts.centre.isValid()) << name;
        EXPECT_NEAR(facts.centre.red(), 0xd7, 6) << name;
        EXPECT_NEAR(facts.centre.green(), 0x30, 6) << name;
        EXPECT_NEAR(facts.centre.blue(), 0x27, 6) << name;
        EXPECT_FALSE(ui::writeAnimation(path, frames, 700, false).ok()) << name; // exists: not replaced without permission
    }
    EXPECT_FALSE(ui::writeAnimation(dir.filePath(QStringLiteral("map.avi")), frames, 700, false).ok());
    EXPECT_FALSE(ui::writeVideo(dir.filePath(QStringLiteral("none.mp4")), ui::AnimationFormat::Mp4, {}, 700, false).ok());
    EXPECT_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("none.mp4"))));
}

// "Show values": each labelled province carries its value under its name, as the legend reads it, in the
// file as text; a change has its sign. A saved view keeps the choice.
TEST(Labels, ShowValuesPutsEachUnitsValueUnderItsName)
{
    core::View view;
    view.year = 2024;
    view.from = 2023;
    view.indicator = QStringLiteral("change");
    view.showValues = true;
    view.englishLabels = true;
    const auto reread = core::View::fromText(view.toText(), QStringLiteral("test"));
    ASSERT_TRUE(reread.ok());
    EXPECT_TRUE(reread->showValues);
    ui::MapRenderer r;
    const ui::MapScene scene = ui::renderView(r, bundle(), view);
    QTemporaryDir dir;
    const QString svg = dir.filePath(QStringLiteral("values.svg"));
    ASSERT_TRUE(ui::exportMap(r, svg, {ui::ExportSize::atScale(1), false}).ok());
    QFile f(svg);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QString xml = QString::fromUtf8(f.readAll());
    int shown = 0;
    for (const char *code : {"370000", "440000", "230000"}) {
        const core::ColumnEntry *e = scene.column.find(QString::fromLatin1(code));
        ASSERT_TRUE(e && e->value) << code;
        QString expected = core::formatValue(*e->value, scene.column.indicator.unit).replace(u'-', QChar(0x2212));
        if (*e->value > 0)
            expected.prepend(u'+');
        // Qt's SVG generator writes a glyph of a fallback font (the minus sign) as a text element of its own.
        expected.remove(QChar(0x2212));
        shown += xml.contains(u'>' + expected + u'<') ? 1 : 0;
        EXPECT_TRUE(xml.contains(u'>' + expected + u'<')) << code << " " << expected.toStdString();
    }
    EXPECT_EQ(shown, 3);
    // Mid-size provinces whose name and value do not fit in the label's type keep them in smaller type.
    for (const char *name : {">Hunan", ">Shanxi", ">Sichuan", ">Henan"})
        EXPECT_TRUE(xml.contains(QLatin1String(name))) << name << " unlabelled";
    // Without the option, no value is written under the names.
    view.showValues = false;
    ui::MapRenderer plain;
    ui::renderView(plain, bundle(), view);
    const QString svg2 = dir.filePath(QStringLiteral("plain.svg"));
    ASSERT_TRUE(ui::exportMap(plain, svg2, {ui::ExportSize::atScale(1), false}).ok());
    QFile f2(svg2);
    ASSERT_TRUE(f2.open(QIODevice::ReadOnly));
    const core::ColumnEntry *shandong = scene.column.find(QStringLiteral("370000"));
    EXPECT_FALSE(QString::fromUtf8(f2.readAll()).contains(u'>' + core::formatValue(-*shandong->value, scene.column.indicator.unit) + u'<'));
}
