#include "animation.h"
#include "common.h"

namespace renkou::cli {

int cmdAnimate(const QStringList &args, const QString &name)
{
    QCommandLineParser parser;
    Common common;
    OutputOptions output;
    output.animation = true;
    output.out.setDescription(QStringLiteral("Output file: .gif, .mp4 or .webm."));
    TextOptions texts;
    const QCommandLineOption diverging(QStringLiteral("diverging"), QStringLiteral("Growth/decline: each year's change, in diverging colours around 0."));
    const QCommandLineOption lang = languageOption();
    const QCommandLineOption delay(QStringLiteral("delay-ms"), QStringLiteral("Time each year is shown, in milliseconds (default 800)."),
                                   QStringLiteral("MS"), QStringLiteral("800"));
    parser.addOptions({common.level, common.indicator, common.from, common.to, diverging, lang, delay, common.view});
    parser.addOptions(common.dataOptions());
    parser.addOptions(output.all());
    parser.addOptions(texts.all());
    if (auto stop = parse(parser, args, name,
                          QStringLiteral("The map through the years [--from, --to] as an animated GIF (giflib), an MP4 (H.264) or a WebM (VP9) video "
                                         "(FFmpeg), by the suffix of --out: one frame a year with data, "
                                         "the year leading the title, the same classes in every frame (breaks from all the years).")))
        return *stop;
    if (!parser.isSet(common.from) || !parser.isSet(common.to))
        return usageError(QStringLiteral("--from and --to are required"), name);
    bool ok = true;
    const int from = parser.value(common.from).toInt(&ok);
    const int to = ok ? parser.value(common.to).toInt(&ok) : 0;
    if (!ok || from >= to)
        return usageError(QStringLiteral("--from and --to must be years, --from before --to"), name);
    const int delayMs = parser.value(delay).toInt(&ok);
    if (!ok || delayMs < 20 || delayMs > 60000)
        return usageError(QStringLiteral("--delay-ms must be 20 to 60000"), name);
    const auto options = output.read(parser, name);
    if (const int *code = std::get_if<int>(&options))
        return *code;
    if (const auto stop = setFigureLanguage(parser, lang, name))
        return *stop;
    auto view = viewOf(parser, common, name);
    if (const int *code = std::get_if<int>(&view))
        return *code;
    View v = std::get<std::optional<View>>(view).value_or(View{});
    if (parser.isSet(common.level)) {
        const auto level = parseLevel(parser.value(common.level));
        if (level != Level::Province && level != Level::Prefecture && level != Level::Region)
            return usageError(QStringLiteral("animate --level must be province, prefecture or region"), name);
        v.level = *level;
    }
    if (parser.isSet(common.indicator))
        v.indicator = parser.value(common.indicator);
    v.growth = v.growth || parser.isSet(diverging);
    if (parser.isSet(lang))
        v.englishLabels = parser.value(lang) == u"en";
    auto bundle = loadBundle(parser, common, DataBundle::Parts::Everything, &v);
    if (!bundle)
        return dataError(bundle.error());
    if (const auto stop = settleView(bundle.value(), v, parser.isSet(common.view) ? parser.value(common.view) : QStringLiteral("--indicator")))
        return *stop;
    const std::vector<int> years = renkou::ui::animationYears(bundle.value(), v, from, to);
    if (years.size() < 2) {
        std::fprintf(stderr, "renkou-cli: %s has data for %s in %d of the years %d–%d: an animation needs two\n", qPrintable(v.indicator),
                     qPrintable(levelLabel(v.level)), int(years.size()), from, to);
        return kExitData;
    }
    const auto size = std::get<renkou::ui::ExportOptions>(options);
    const auto frames = renkou::ui::animationFrames(bundle.value(), v, years, size.size, texts.read(parser));
    const auto status = renkou::ui::writeAnimation(parser.value(output.out), frames, delayMs, size.overwrite);
    if (!status)
        return dataError(status.error());
    std::fprintf(stderr, "renkou-cli: %d frames (%d–%d), %d×%d px\n", int(frames.size()), years.front(), years.back(),
                 frames.front().width(), frames.front().height());
    return kExitOk;
}

} // namespace renkou::cli
