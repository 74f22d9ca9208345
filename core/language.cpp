#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <memory>

namespace renkou::core {

namespace {
Language g_language = Language::English;
std::unique_ptr<QTranslator> g_own;
std::unique_ptr<QTranslator> g_qt;
} // namespace

QString languageCode(Language language)
{
    return language == Language::Chinese ? QStringLiteral("zh") : QStringLiteral("en");
}

Language parseLanguage(const QString &code)
{
    return code.startsWith(u"zh", Qt::CaseInsensitive) ? Language::Chinese : Language::English;
}

Language systemLanguage()
{
    return QLocale::system().language() == QLocale::Chinese ? Language::Chinese : Language::English;
}

bool setLanguage(Language language)
{
    for (auto *t : {&g_own, &g_qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(t->get());
            t->reset();
        }
    }
    g_language = language;
    if (language == Language::English)
        return true;
    auto own = std::make_unique<QTranslator>();
    const bool ok = own->load(QStringLiteral(":/i18n/renkou_zh_CN.qm"));
    if (ok) {
        QCoreApplication::installTranslator(own.get());
        g_own = std::move(own);
    }
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qtbase_zh_CN"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        g_qt = std::move(qt);
    }
    return ok;
}

Language currentLanguage()
{
    return g_language;
}

QString yearsLabel(std::optional<int> from, int year)
{
    if (g_language == Language::Chinese)
        return from ? QStringLiteral("%1—%2年").arg(*from).arg(year) : QStringLiteral("%1年").arg(year);
    return from ? QStringLiteral("%1–%2").arg(*from).arg(year) : QString::number(year);
}

} // namespace renkou::core
