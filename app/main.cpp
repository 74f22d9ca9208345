#include "databundle.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <cstdio>

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
    if (!hasDisplay()) {
        std::fputs("renkou: no display found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                   "Run it in a desktop session, or on a headless machine with: xvfb-run build/release/app/renkou\n"
                   "For tables and maps without a window use renkou-cli.\n",
                   stderr);
        return 1;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Renkou"));
    QApplication::setApplicationVersion(QStringLiteral(RENKOU_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Explore China's population map."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataOption(QStringLiteral("data"),
                                        QApplication::translate("main", "Data bundle directory."),
                                        QStringLiteral("DIR"));
    parser.addOption(dataOption);
    parser.process(app);

    auto fail = [](const QString &message) {
        std::fprintf(stderr, "renkou: %s\n", qPrintable(message));
        QMessageBox::critical(nullptr, QApplication::translate("main", "Renkou cannot start"), message);
        return 1;
    };
    const auto dir = renkou::core::DataBundle::locate(parser.value(dataOption), QApplication::applicationDirPath());
    if (!dir)
        return fail(dir.error().toString());
    auto bundle = renkou::core::DataBundle::load(dir.value());
    if (!bundle)
        return fail(bundle.error().toString());

    renkou::app::MainWindow window(std::move(bundle).value());
    window.show();
    return app.exec();
}
