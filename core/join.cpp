#include "join.h"

#include "regiontable.h"

#include <QCoreApplication>
#include <algorithm>

namespace renkou::core {

namespace {
/// Texts of import and join reports, for Qt's translation tools.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ImportReport)
};
} // namespace


namespace {

QStringList sorted(QSet<QString> set)
{
    QStringList out(set.begin(), set.end());
    out.sort();
    return out;
}

} // namespace

QString listCodes(const QStringList &codes, const RegionTable &regions)
{
    constexpr int kShown = 8;
    QStringList parts;
    for (int i = 0; i < std::min<int>(kShown, int(codes.size())); ++i) {
        const Region *r = regions.find(codes.at(i));
        parts << (r ? QStringLiteral("%1 %2").arg(r->nameZh, codes.at(i)) : codes.at(i));
    }
    QString text = parts.join(QStringLiteral(", "));
    if (codes.size() > kShown)
        text += QStringLiteral(" and %1 more").arg(codes.size() - kShown);
    return text;
}

Level guessLevel(const QStringList &codes, const RegionTable &regions)
{
    int provinces = 0;
    int prefectures = 0;
    for (const QString &code : codes) {
        provinces += regions.matchCode(code, Level::Province).isEmpty() ? 0 : 1;
        prefectures += regions.matchCode(code, Level::Prefecture).isEmpty() ? 0 : 1;
    }
    return prefectures > provinces ? Level::Prefecture : Level::Province;
}

QString reportLine(const QString &what, const QStringList &items, const QString &separator)
{
    constexpr int kShown = 8;
    return QStringLiteral("%1 (%2): %3%4")
        .arg(what)
        .arg(items.size())
        .arg(items.mid(0, kShown).join(separator),
             items.size() > kShown ? Tr::tr(" and %1 more").arg(items.size() - kShown) : QString());
}

QString bestKeyField(const BoundaryLayer::Attributes &attributes, const RegionMatcher &matcher)
{
    QString best;
    int most = 0;
    for (const QString &field : attributes.fields) {
        QStringList values;
        for (const auto &row : attributes.rows)
            values << row.value(field);
        values.removeDuplicates();
        const int n = std::max(matcher.matchCount(values, Level::Province), matcher.matchCount(values, Level::Prefecture));
        if (n > most) {
            most = n;
            best = field;
        }
    }
    return best;
}

QStringList matchMunicipalityCodes(BoundaryLayer &layer, const RegionTable &regions, Level level)
{
    QHash<QString, QString> newCodes;
    QStringList lines;
    for (const Feature &f : layer.features()) {
        const QString code = regions.matchCode(f.code, level);
        if (!code.isEmpty() && code != f.code && !newCodes.contains(f.code)) {
            newCodes.insert(f.code, code);
            lines << QStringLiteral("%1 → %2").arg(f.code, code);
        }
    }
    layer.recode(newCodes);
    return lines;
}

JoinReport joinReport(const BoundaryLayer &layer, Level level, const QSet<QString> &dataCodes, const RegionTable &regions)
{
    JoinReport report;
    report.level = level;
    report.codeField = layer.codeField();
    report.duplicates = layer.duplicateCodes();
    report.warnings = layer.warnings();
    QSet<QString> onMap;
    QSet<QString> matched;
    QSet<QString> unmatchedOnMap;
    for (const Feature &f : layer.features()) {
        onMap.insert(f.code);
        (dataCodes.contains(f.code) ? matched : unmatchedOnMap).insert(f.code);
    }
    QSet<QString> unmatchedInTable;
    for (const QString &code : dataCodes) {
        if (regions.find(code, level) && !onMap.contains(code))
            unmatchedInTable.insert(code);
    }
    report.matched = sorted(matched);
    report.unmatchedOnMap = sorted(unmatchedOnMap);
    report.unmatchedInTable = sorted(unmatchedInTable);
    return report;
}

QString JoinReport::text(const RegionTable &regions) const
{
    QStringList lines;
    lines << (matched.size() == 1 ? Tr::tr("The map of %1 (its field '%2' names the units): %3 unit with data.")
                                  : Tr::tr("The map of %1 (its field '%2' names the units): %3 units with data."))
                 .arg(levelLabel(level), codeField)
                 .arg(matched.size());
    auto add = [&](const QString &what, const QStringList &codes) {
        if (!codes.isEmpty())
            lines << QStringLiteral("%1 (%2): %3").arg(what).arg(codes.size()).arg(listCodes(codes, regions));
    };
    add(Tr::tr("In the table, not on the map"), unmatchedInTable);
    add(Tr::tr("On the map, not in the table (no data)"), unmatchedOnMap);
    add(Tr::tr("Duplicate codes on the map (the first feature is used)"), duplicates);
    if (!dissolved.isEmpty())
        lines << reportLine(Tr::tr("Features of one unit joined into one"), dissolved);
    if (!leftOut.isEmpty())
        lines << reportLine(Tr::tr("Features that are no unit, left out"), leftOut);
    if (!recoded.isEmpty())
        lines << reportLine(Tr::tr("Keys that are not the unit's code"), recoded);
    if (!areasKept.isEmpty())
        lines << reportLine(Tr::tr("Densities keep the bundle's areas; these outlines measure otherwise"), areasKept,
                            QStringLiteral("; "));
    for (const QString &w : warnings)
        lines << Tr::tr("Warning: %1").arg(w);
    return lines.join(u'\n');
}

} // namespace renkou::core
