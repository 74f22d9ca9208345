// renkou-cli: the subcommands by name, usage and the entry point.
#include "common.h"

#include <QApplication>
#include <cstring>
#include <map>
#include <memory>

using namespace renkou::cli;

namespace {

const std::map<QString, std::pair<Command, QString>> &commands()
{
    static const std::map<QString, std::pair<Command, QString>> c = {
        {QStringLiteral("table"), {cmdTable, QStringLiteral("an indicator for every unit of a level")}},
        {QStringLiteral("series"), {cmdSeries, QStringLiteral("one unit's values over the years")}},
        {QStringLiteral("regions"), {cmdRegions, QStringLiteral("the region table")}},
        {QStringLiteral("indicators"), {cmdIndicators, QStringLiteral("every indicator, its unit and the data it needs")}},
        {QStringLiteral("classify"), {cmdClassify, QStringLiteral("classes of an indicator's values, for a map legend")}},
        {QStringLiteral("map"), {cmdMap, QStringLiteral("the map as a PNG, SVG or PDF file")}},
        {QStringLiteral("chart"), {cmdChart, QStringLiteral("units' series as a PNG, SVG or PDF chart")}},
        {QStringLiteral("components"), {cmdComponents, QStringLiteral("units' change split into natural increase and net migration, each year")}},
        {QStringLiteral("animate"), {cmdAnimate, QStringLiteral("the map through the years as an animated GIF, MP4 or WebM")}},
    };
    return c;
}

void printUsage(FILE *stream)
{
    QString text = QStringLiteral("Usage: renkou-cli <command> [options]\n\nCommands:\n");
    for (const auto &[name, command] : commands())
        text += QStringLiteral("  %1  %2\n").arg(name, -10).arg(command.second);
    text += QStringLiteral("\nEvery command takes --help, --data DIR, and --table FILE / --boundaries FILE for data of your own.\n"
                           "Exit status: 0 success, 1 data or input error, 2 usage error.\n");
    std::fputs(qPrintable(text), stream);
}

} // namespace

int main(int argc, char *argv[])
{
    // Drawing maps and charts needs fonts and widgets: a QApplication on the offscreen platform. Other
    // commands need no GUI at all.
    const bool draws = argc > 1 && (std::strcmp(argv[1], "map") == 0 || std::strcmp(argv[1], "chart") == 0 || std::strcmp(argv[1], "animate") == 0);
    if (draws && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application = draws ? std::make_unique<QApplication>(argc, argv)
                                                          : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *application;
    Q_UNUSED(app);
    QCoreApplication::setApplicationName(QStringLiteral("renkou-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RENKOU_VERSION));
    QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        printUsage(stderr);
        return kExitUsage;
    }
    const QString name = args.at(1);
    if (name == u"--help" || name == u"-h" || name == u"help") {
        printUsage(stdout);
        return kExitOk;
    }
    if (name == u"--version") {
        std::printf("renkou-cli %s\n", RENKOU_VERSION);
        return kExitOk;
    }
    const auto it = commands().find(name);
    if (it == commands().end())
        return usageError(QStringLiteral("unknown command '%1'").arg(name), {});
    args.removeAt(1);
    return it->second.first(args, name);
}
