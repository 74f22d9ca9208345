#include "numbers.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>
#include <charconv>
#include <cmath>

namespace renkou::core {

std::optional<double> parseNumber(const QString &text)
{
    bool plain = false;
    if (const double v = text.toDouble(&plain); plain) // the common case, without the work below
        return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
    QString t = text.normalized(QString::NormalizationForm_KC).trimmed(); // full-width digits and signs
    t.replace(QChar(0x2212), u'-');                                       // − minus sign
    static const QRegularExpression grouped(QStringLiteral("^[+-]?\\d{1,3}([, ]\\d{3})+(\\.\\d+)?$"));
    if (grouped.match(t).hasMatch())
        t.remove(u',').remove(u' ');
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::optional<double> parseNumber(QByteArrayView utf8)
{
    const QByteArrayView t = utf8.trimmed();
    double v = 0;
    const auto [end, error] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (error == std::errc() && end == t.data() + t.size() && !t.isEmpty())
        return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
    return parseNumber(QString::fromUtf8(utf8));
}

bool isNoDataMarker(const QString &text)
{
    static const QStringList markers = {QString(), QStringLiteral("na"), QStringLiteral("n/a"), QStringLiteral("null"),
                                        QStringLiteral("-"), QStringLiteral("--"), QStringLiteral(".."), QStringLiteral("..."),
                                        QStringLiteral("…"), QStringLiteral("—"), QStringLiteral("–"), QStringLiteral("／"),
                                        QStringLiteral("/")};
    return markers.contains(text.normalized(QString::NormalizationForm_KC).trimmed().toLower());
}

std::optional<double> personsFactor(const QString &unit)
{
    QString u = unit.normalized(QString::NormalizationForm_KC).trimmed().toLower();
    u.remove(u' ').remove(u',');
    static const QHash<QString, double> factors = {
        {QStringLiteral("人"), 1},           {QStringLiteral("persons"), 1},         {QStringLiteral("person"), 1},
        {QStringLiteral("千人"), 1e3},       {QStringLiteral("1000persons"), 1e3},   {QStringLiteral("thousandpersons"), 1e3},
        {QStringLiteral("万人"), 1e4},       {QStringLiteral("10000persons"), 1e4},  {QStringLiteral("tenthousandpersons"), 1e4},
        {QStringLiteral("10kpersons"), 1e4},
        {QStringLiteral("百万人"), 1e6},     {QStringLiteral("millionpersons"), 1e6}, {QStringLiteral("亿人"), 1e8}};
    const auto it = factors.constFind(u);
    return it == factors.constEnd() ? std::nullopt : std::optional<double>(*it);
}

QString personsUnitIn(const QString &text)
{
    static const QRegularExpression unit(QStringLiteral("(百万人|万人|千人|亿人|10,?000 persons|ten thousand persons|1,?000 persons|"
                                                        "thousand persons|million persons)"),
                                         QRegularExpression::CaseInsensitiveOption);
    const QString t = text.normalized(QString::NormalizationForm_KC);
    if (const auto m = unit.match(t); m.hasMatch())
        return m.captured(1);
    // "(人)": persons, written in brackets only (人 alone is part of 人口).
    static const QRegularExpression persons(QStringLiteral("[(（]\\s*人\\s*[)）]"));
    return persons.match(t).hasMatch() ? QStringLiteral("人") : QString();
}

QString withoutUnit(const QString &text)
{
    static const QRegularExpression bracket(QStringLiteral("\\s*[(（][^)）]*[)）]\\s*$"));
    return QString(text).remove(bracket).trimmed();
}

QString indicatorForTerm(const QString &term)
{
    static const QHash<QString, QString> terms = {
        {QStringLiteral("常住人口"), QStringLiteral("resident_population")},
        {QStringLiteral("年末常住人口"), QStringLiteral("resident_population")},
        {QStringLiteral("常住人口数"), QStringLiteral("resident_population")},
        {QStringLiteral("年末人口"), QStringLiteral("resident_population")},
        {QStringLiteral("resident population"), QStringLiteral("resident_population")},
        {QStringLiteral("城镇人口"), QStringLiteral("urban_population")},
        {QStringLiteral("出生率"), QStringLiteral("birth_rate")},
        {QStringLiteral("人口出生率"), QStringLiteral("birth_rate")},
        {QStringLiteral("死亡率"), QStringLiteral("death_rate")},
        {QStringLiteral("人口死亡率"), QStringLiteral("death_rate")},
        {QStringLiteral("自然增长率"), QStringLiteral("natural_growth_rate")},
        {QStringLiteral("人口自然增长率"), QStringLiteral("natural_growth_rate")},
        {QStringLiteral("户籍人口"), QStringLiteral("registered_population")},
        {QStringLiteral("年末户籍人口"), QStringLiteral("registered_population")},
    };
    return terms.value(withoutUnit(term).trimmed().toLower());
}

QString typesetNumbers(const QString &text)
{
    static const QRegularExpression range(QStringLiteral("(\\d)-(\\d)"));
    static const QRegularExpression minus(QStringLiteral("(^|[\\s(（:：,，])-(\\d)"));
    QString out = text;
    out.replace(range, QStringLiteral("\\1\u2013\\2"));
    out.replace(minus, QStringLiteral("\\1\u2212\\2"));
    return out;
}

} // namespace renkou::core
