#include "databundle.h"
#include "language.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string_view>

namespace {

/// True when Qt has somewhere to show a window; otherwise QApplication would abort.
bool hasDisplay()
{
    const QString platform = qEnvironmentVariable("QT_QPA_PLATFORM");
    const bool x11 = !qEnvironmentVariableIsEmpty("DISPLAY");
    const bool wayland = !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    if (platform.isEmpty())
        return x11 || wayland;
    if (platform.startsWith(u"xcb"))
        return x11;
    if (platform.startsWith(u"wayland"))
        return wayland;
    return true; // offscreen, vnc, eglfs, ... need no display server
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    // --help and --version answer without a display (man pages, scripts); the window needs one.
    const bool display = hasDisplay();
    const bool textOnly = std::any_of(argv + 1, argv + argc, [](const char *arg) {
        const std::string_view a(arg);
        return a == "-h" || a == "--help" || a == "--help-all" || a == "-v" || a == "--version";
    });
    if (!display && !textOnly) {
        std::fputs("renkou: no display found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                   "Run it in a desktop session, or on a headless machine with: xvfb-run build/release/app/renkou\n"
                   "For tables and maps without a window use renkou-cli.\n",
                   stderr);
        return 1;
    }
    const std::unique_ptr<QCoreApplication> app =
        display ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Renkou")); // settings in ~/.config/Renkou/Renkou.conf
    QApplication::setApplicationName(QStringLiteral("Renkou"));
    QApplication::setApplicationVersion(QStringLiteral(RENKOU_VERSION));
    // The language chosen in View → Language, else the system's (Chinese for a Chinese locale).
    {
        const QSettings settings;
        const QVariant chosen = settings.value(QStringLiteral("language"));
        renkou::core::setLanguage(chosen.isValid() ? renkou::core::parseLanguage(chosen.toString()) : renkou::core::systemLanguage());
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Explore China's population map."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataOption(QStringLiteral("data"),
                                        QApplication::translate("main", "Data bundle directory."),
                                        QStringLiteral("DIR"));
    parser.addOption(dataOption);
    QCommandLineOption firstPaintOption(QStringLiteral("benchmark-first-paint"),
                                        QApplication::translate("main", "Print the milliseconds to the first painted map and quit."));
    firstPaintOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(firstPaintOption);
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QApplication::translate("main", "Tables and boundary files to open, as File → Open does."),
                                 QStringLiteral("[FILE…]"));
    parser.process(*app);

    auto fail = [](const QString &message) {
        std::fprintf(stderr, "renkou: %s\n", qPrintable(message));
        QMessageBox::critical(nullptr, QApplication::translate("main", "Renkou cannot start"), message);
        return 1;
    };
    const auto dir = renkou::core::DataBundle::locate(parser.value(dataOption), QApplication::applicationDirPath());
    if (!dir)
        return fail(dir.error().toString());
    // A bundle this build cannot read stops here, before a window opens; the files load in the background.
    if (auto ok = renkou::core::DataBundle::check(dir.value()); !ok)
        return fail(ok.error().toString());

    renkou::app::MainWindow window(dir.value());
    if (parser.isSet(firstPaintOption)) {
        // For the start-up benchmark: report the time to the first painted map and quit.
        QObject::connect(&window, &renkou::app::MainWindow::mapShown, app.get(), [&] {
            std::printf("first-paint-ms %lld\n", static_cast<long long>(sinceStart.elapsed()));
            std::fflush(stdout);
            QApplication::quit();
        });
    }
    // Files named on the command line (or by a file manager) open once the data is loaded, as if dropped on it.
    QStringList files;
    for (const QString &f : parser.positionalArguments())
        files << QFileInfo(f).absoluteFilePath();
    if (!files.isEmpty())
        QObject::connect(&window, &renkou::app::MainWindow::fullyLoaded, &window, [&window, files] { window.openFiles(files); },
                         Qt::SingleShotConnection);
    window.show();
    return app->exec();
}
