#include "databundle.h"
#include "regionmatcher.h"
#include "language.h"

#include "bundleschema.h"

#include <QCoreApplication>
#include <QDir>
#include <cmath>
#include <QFile>
#include <QDateTime>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QStandardPaths>

namespace renkou::core {

namespace {
/// Texts of import and join reports, for Qt's translation tools.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ImportReport)
};
} // namespace


Result<QString> DataBundle::locate(const QString &explicitDir, const QString &appDir)
{
    auto existing = [](const QString &candidate, const QString &why) -> Result<QString> {
        if (QFileInfo(candidate).isDir())
            return QDir(candidate).absolutePath();
        return Error{Error::Code::NotFound, candidate, {}, QStringLiteral("no data directory here (%1)").arg(why)};
    };
    if (!explicitDir.isEmpty())
        return existing(explicitDir, QStringLiteral("given with --data"));
    const QString env = qEnvironmentVariable("RENKOU_DATA_DIR");
    if (!env.isEmpty())
        return existing(env, QStringLiteral("set in RENKOU_DATA_DIR"));
    if (!appDir.isEmpty()) {
        const QString installed = QDir(appDir).filePath(QStringLiteral("../share/renkou/data"));
        if (QFileInfo(installed).isDir())
            return QDir(installed).absolutePath();
    }
    return existing(QString::fromUtf8(geodata::kConfiguredDataDir.data(), qsizetype(geodata::kConfiguredDataDir.size())),
                    QStringLiteral("the bundle this build was configured with; give --data DIR or set RENKOU_DATA_DIR"));
}

QString DataBundle::defaultCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + QStringLiteral("/renkou/layers");
}

Status DataBundle::check(const QString &dir)
{
    const QDir d(dir);
    for (const char *file : geodata::kRequiredFiles) {
        if (!QFileInfo::exists(d.filePath(QString::fromUtf8(file))))
            return Error{Error::Code::NotFound, d.filePath(QString::fromUtf8(file)), {},
                         QStringLiteral("missing from the data bundle")};
    }
    const QString versionPath = d.filePath(QStringLiteral("VERSION"));
    QFile version(versionPath);
    if (!version.open(QIODevice::ReadOnly))
        return Error{Error::Code::Unreadable, versionPath, {}, version.errorString()};
    static const QRegularExpression schemaLine(QStringLiteral("^schema\\s+(\\d+)\\s*$"),
                                               QRegularExpression::MultilineOption);
    const auto m = schemaLine.match(QString::fromUtf8(version.readAll()));
    if (!m.hasMatch())
        return Error{Error::Code::Schema, versionPath, {}, QStringLiteral("has no 'schema N' line")};
    if (m.captured(1).toInt() != geodata::kSchemaVersion)
        return Error{Error::Code::Schema, versionPath, {},
                     QStringLiteral("the bundle has schema %1; this Renkou reads schema %2")
                         .arg(m.captured(1))
                         .arg(geodata::kSchemaVersion)};
    return Done{};
}

namespace {
Result<BoundaryLayer> readLayer(const QDir &d, const char *file, BoundaryLayer::Kind kind, const QString &cacheDir)
{
    BoundaryLayer::Options options;
    options.kind = kind;
    return BoundaryLayer::readCached(d.filePath(QString::fromUtf8(file)), Projection::chinaAlbers(), options, cacheDir);
}

QHash<QString, double> areasOf(const BoundaryLayer &layer)
{
    QHash<QString, double> out;
    for (const Feature &f : layer.features()) {
        if (!out.contains(f.code))
            out.insert(f.code, area(f.polygons) / 1e6);
    }
    return out;
}
} // namespace

Result<DataBundle::OtherLayers> DataBundle::loadOtherLayers(const QString &dir, const QString &cacheDir)
{
    const QDir d(dir);
    OtherLayers out;
    auto prefectures = readLayer(d, "boundaries/prefectures.geojson", BoundaryLayer::Kind::Polygons, cacheDir);
    if (!prefectures)
        return prefectures.error();
    out.prefectures = std::move(prefectures).value();
    auto nation = readLayer(d, "boundaries/nation.geojson", BoundaryLayer::Kind::Polygons, cacheDir);
    if (!nation)
        return nation.error();
    out.nation = std::move(nation).value();
    auto lines = readLayer(d, "boundaries/lines.geojson", BoundaryLayer::Kind::Lines, cacheDir);
    if (!lines)
        return lines.error();
    out.lines = std::move(lines).value();
    return out;
}


void DataBundle::adopt(OtherLayers layers)
{
    prefectures = std::move(layers.prefectures);
    nation = std::move(layers.nation);
    lines = std::move(layers.lines);
    areas.prefecture = areasOf(prefectures);
    contiguity = std::make_shared<ContiguityCache>();
}

const BoundaryLayer *DataBundle::layer(Level level) const
{
    switch (level) {
    case Level::Province: return &provinces;
    case Level::Prefecture: return &prefectures;
    case Level::Region: return &nbsRegions;
    default: return nullptr;
    }
}

void DataBundle::makeRegionLayer()
{
    QHash<QString, QString> unitOf;
    QHash<QString, std::pair<QString, QString>> names;
    for (const Region &r : regions.all()) {
        if (r.level == Level::Province)
            unitOf.insert(r.code, r.region.isEmpty() ? r.code : r.region);
        if (r.level == Level::Region || (r.level == Level::Province && r.region.isEmpty()))
            names.insert(r.code, {r.nameZh, r.nameEn});
    }
    nbsRegions = provinces;
    nbsRegions.assignUnits(unitOf);
    nbsRegions.setNames(names);
}

Result<TableImport> DataBundle::addTable(const QString &path, const std::optional<WideTableSpec> &wide, const QString &encoding,
                                         const QString &sheet)
{
    auto parsed = PopulationStore::readTable(path, TableReadOptions{wide, encoding, keys().get(), sheet});
    if (!parsed)
        return parsed.error();
    return addTable(std::move(parsed).value());
}

std::shared_ptr<const RegionMatcher> DataBundle::keys() const
{
    return matcher ? matcher : std::make_shared<const RegionMatcher>(regions, aliases);
}

namespace {

/// A table's keys (codes or names, as the file writes them), each once, in the order of the file.
QStringList keysOf(const ParsedTable &table)
{
    QStringList out;
    std::vector<bool> seen(size_t(table.strings.size()), false);
    for (const ObservationRow &o : table.rows) {
        if (!seen[size_t(o.code)])
            out << table.strings.at(o.code);
        seen[size_t(o.code)] = true;
    }
    return out;
}

} // namespace

namespace {

/// Whether a table's keys name units of both levels (a yearbook's provinces and their cities by short names):
/// then a short name that fits a unit of each level (海南: the province and 海南藏族自治州) is ambiguous.
bool namesBothLevels(const RegionMatcher &m, const RegionTable &regions, const QStringList &keys, Level level)
{
    const Level other = level == Level::Province ? Level::Prefecture : Level::Province;
    return std::any_of(keys.begin(), keys.end(), [&](const QString &key) {
        const KeyMatch k = m.match(key, level);
        return !k.code.isEmpty() && !regions.find(k.code, level) && regions.find(k.code, other);
    });
}

/// m.match(), and in a table naming both levels a short name that fits a unit of each is Ambiguous.
KeyMatch matchKey(const RegionMatcher &m, const RegionTable &regions, const QString &key, Level level, bool bothLevels,
                  std::optional<int> year)
{
    KeyMatch k = m.match(key, level, year);
    if (bothLevels && k.kind == MatchKind::ShortName) {
        const Level other = level == Level::Province ? Level::Prefecture : Level::Province;
        const KeyMatch o = m.match(key, other, year);
        if (!o.code.isEmpty() && o.code != k.code && regions.find(o.code, other))
            k = KeyMatch{MatchKind::Ambiguous, {}, {k.code, o.code}, {}};
    }
    return k;
}

} // namespace

std::pair<QStringList, Level> DataBundle::unmatchedKeys(const ParsedTable &table) const
{
    const QStringList keyList = keysOf(table);
    const auto m = keys();
    const Level level = m->guessLevel(keyList);
    const bool bothLevels = namesBothLevels(*m, regions, keyList, level);
    QStringList out;
    for (const QString &k : std::as_const(keyList)) {
        const MatchKind kind = matchKey(*m, regions, k, level, bothLevels, std::nullopt).kind;
        if (kind == MatchKind::None || kind == MatchKind::Ambiguous)
            out << k;
    }
    return {out, level};
}

Result<TableImport> DataBundle::addTable(ParsedTable parsed, const QHash<QString, QString> &assigned)
{
    const QString path = parsed.path;
    const auto m = keys();
    TableImport out;
    if (parsed.encoding.startsWith(u"sheet "))
        out.readNotes << QStringLiteral("read from %1").arg(parsed.encoding);
    else if (!parsed.encoding.isEmpty() && parsed.encoding != u"UTF-8")
        out.readNotes << QStringLiteral("read as %1").arg(parsed.encoding);
    out.readNotes << parsed.notes;

    if (parsed.rows.empty())
        return Error{Error::Code::Value, path, {}, QStringLiteral("has no rows with a value")};
    StringPool &strings = parsed.strings;
    // Each text is looked at once: rows name them by number.
    std::vector<int> sourceIds, indicatorIds;
    {
        std::vector<unsigned char> seen(size_t(strings.size()), 0);
        for (const ObservationRow &o : parsed.rows) {
            if (!(seen[size_t(o.source)] & 1))
                sourceIds.push_back(o.source);
            if (!(seen[size_t(o.indicator)] & 2))
                indicatorIds.push_back(o.indicator);
            seen[size_t(o.source)] |= 1;
            seen[size_t(o.indicator)] |= 2;
        }
    }
    // ';' separates the sources of a value: a source id with one is written with ',' instead, and said.
    QHash<int, int> renamedSources;
    for (const int id : sourceIds) {
        if (strings.at(id).contains(u';'))
            renamedSources.insert(id, strings.id(QString(strings.at(id)).replace(u';', u',')));
    }
    if (!renamedSources.isEmpty()) {
        QStringList names;
        for (auto it = renamedSources.cbegin(); it != renamedSources.cend(); ++it)
            names << strings.at(it.key());
        names.sort();
        out.readNotes << QStringLiteral("';' in source ids written as ',' (';' separates sources): %1").arg(names.join(QStringLiteral(" ")));
        for (ObservationRow &o : parsed.rows)
            o.source = renamedSources.value(o.source, o.source);
    }
    // A user's indicator never hides behind one Renkou computes (`population` is the resident population).
    static const std::vector<IndicatorInfo> computed = availableIndicators(PopulationStore{});
    for (const int id : indicatorIds) {
        const auto same = std::find_if(computed.begin(), computed.end(), [&](const IndicatorInfo &i) { return i.name == strings.at(id); });
        if (same != computed.end()) {
            const auto row = std::find_if(parsed.rows.begin(), parsed.rows.end(), [id](const ObservationRow &o) { return o.indicator == id; });
            return Error{Error::Code::Usage, path, QStringLiteral("line %1").arg(row->line),
                         QStringLiteral("indicator '%1' is the name of one Renkou computes (%2): name yours differently "
                                        "(resident_population adds to the bundle's resident population)")
                             .arg(strings.at(id), same->description)};
        }
    }
    // Each row's key to a unit: codes in any form, names in any spelling, at the level most keys match.
    const QStringList keyList = keysOf(parsed);
    const QSet<QString> keySet(keyList.begin(), keyList.end());
    const Level level = m->guessLevel(keyList);
    const int firstLine = parsed.rows.front().line;
    std::vector<bool> isPart;
    QMap<int, QSet<QString>> keysByKind;
    QSet<QString> unmatched;
    QHash<QString, QString> refused; // key → why its rows are left out
    // What a key stands for in a year, found once: the unit's number in `strings` (-1: the rows are left
    // out) and whether it is a part of that unit.
    struct Outcome {
        int code = -1;
        bool part = false;
    };
    const bool bothLevels = namesBothLevels(*m, regions, keyList, level);
    auto resolve = [&](const ObservationRow &o, std::optional<int> year) {
        const QString key = strings.at(o.code); // a copy: strings.id() below may move the pool's texts
        KeyMatch k = matchKey(*m, regions, key, level, bothLevels, year);
        // The user's choice for a key of no unit, or of several.
        if ((k.kind == MatchKind::None || k.kind == MatchKind::Ambiguous) && assigned.contains(key)) {
            const QString unit = assigned.value(key);
            if (unit.isEmpty())
                k = KeyMatch{MatchKind::None, {}, {}, QStringLiteral("left out by you")};
            else if (regions.find(unit))
                k = KeyMatch{MatchKind::Assigned, unit, {}, {}};
        }
        // A municipality coded as its province in a table that also has the prefecture-level unit's code
        // stays the province.
        if (k.kind == MatchKind::CodeForm && k.detail.contains(u"municipality") && keySet.contains(k.code))
            k = KeyMatch{MatchKind::Code, key, {}, {}};
        switch (k.kind) {
        case MatchKind::None:
            if (k.detail.isEmpty())
                unmatched.insert(key);
            else if (!out.leftOutByUser.contains(key))
                out.leftOutByUser << key;
            return Outcome{};
        case MatchKind::Split:
        case MatchKind::Ambiguous:
            if (!refused.contains(key))
                refused.insert(key, k.kind == MatchKind::Split
                                        ? QStringLiteral("'%1' (line %2) is a former unit split among %3: its values belong to none of them")
                                              .arg(key).arg(o.line).arg(listCodes(k.units, regions))
                                        : QStringLiteral("'%1' (line %2) names several units: %3; write the code")
                                              .arg(key).arg(o.line).arg(listCodes(k.units, regions)));
            return Outcome{};
        default:
            break;
        }
        keysByKind[int(k.kind)].insert(key);
        if (k.code != key && out.recoded.size() < 400 && !out.recoded.contains(QStringLiteral("%1 → %2").arg(key, k.code)))
            out.recoded << QStringLiteral("%1 → %2").arg(key, k.code);
        return Outcome{strings.id(k.code), k.kind == MatchKind::PartOf};
    };
    // A key's match without a year: when it is a code or nothing, it is the same in every year (the years of
    // aliases only choose among candidates; the user's choice for a key holds in every year); else it is found
    // for each year.
    std::vector<std::optional<Outcome>> everyYear(size_t(strings.size()));
    std::vector<bool> triedEveryYear(size_t(strings.size()), false);
    QHash<quint64, Outcome> byYear; // (key, year) → outcome
    size_t keptCount = 0;           // the rows kept are moved to the front, in order
    for (size_t i = 0; i < parsed.rows.size(); ++i) {
        ObservationRow o = parsed.rows[i];
        const size_t key = size_t(o.code);
        if (!triedEveryYear[key]) {
            triedEveryYear[key] = true;
            const KeyMatch k = matchKey(*m, regions, strings.at(o.code), level, bothLevels, std::nullopt);
            if (((k.kind == MatchKind::Code || k.kind == MatchKind::CodeForm) && !m->hasDatedAliases(strings.at(o.code)))
                || k.kind == MatchKind::None
                || (k.kind == MatchKind::Ambiguous && assigned.contains(strings.at(o.code))))
                everyYear[key] = resolve(o, std::nullopt);
        }
        Outcome outcome;
        if (everyYear[key]) {
            outcome = *everyYear[key];
        } else {
            const quint64 cacheKey = quint64(quint32(o.code)) << 32 | quint32(o.year);
            auto cached = byYear.constFind(cacheKey);
            if (cached == byYear.constEnd())
                cached = byYear.insert(cacheKey, resolve(o, o.year));
            outcome = *cached;
        }
        if (outcome.code < 0)
            continue;
        isPart.push_back(outcome.part);
        o.code = outcome.code;
        parsed.rows[keptCount++] = o;
    }
    parsed.rows.resize(keptCount);
    for (auto it = keysByKind.cbegin(); it != keysByKind.cend(); ++it)
        out.matchedBy << QStringLiteral("%1 by %2").arg(it->size()).arg(matchKindName(MatchKind(it.key())));
    for (const QString &key : std::as_const(unmatched)) {
        static const QRegularExpression six(QStringLiteral("^\\d{6}$"));
        if (six.match(key).hasMatch())
            out.unknownCodes << key;
        else
            out.unmatched << QStringLiteral("'%1' (closest: %2)").arg(key, m->closest(key, level).join(QStringLiteral(", ")));
    }
    out.unknownCodes.sort();
    out.unmatched.sort();
    for (const QString &r : std::as_const(refused))
        out.refused << r;
    out.refused.sort();
    if (parsed.rows.empty()) {
        QStringList examples = keyList.mid(0, 3);
        return Error{Error::Code::Value, path, QStringLiteral("line %1").arg(firstLine),
                     QStringLiteral("no row names a unit of regions.csv (keys such as %1; closest units to '%2': %3)")
                         .arg(QStringLiteral("'") + examples.join(QStringLiteral("', '")) + QStringLiteral("'"), keyList.value(0),
                              m->closest(keyList.value(0), level).join(QStringLiteral(", ")))};
    }

    // Rows that now name the same unit, year, indicator and flag: the parts of a unit add up; anything else
    // is two rows for one unit, which the user must sort out.
    QHash<std::pair<quint64, quint64>, size_t> firstOf;
    std::vector<ObservationRow> &rows = parsed.rows;
    std::vector<bool> rowIsPart;
    QHash<size_t, QStringList> partsOf;
    size_t merged = 0; // rows kept after adding parts, moved to the front
    for (size_t i = 0; i < rows.size(); ++i) {
        const ObservationRow o = rows[i];
        const std::pair<quint64, quint64> k{quint64(quint32(o.code)) << 32 | quint32(o.indicator),
                                            quint64(quint32(o.year)) << 32 | quint32(o.flag)};
        const auto it = firstOf.constFind(k);
        if (it == firstOf.constEnd()) {
            firstOf.insert(k, merged);
            rowIsPart.push_back(isPart[i]);
            rows[merged++] = o;
            continue;
        }
        ObservationRow &first = rows[*it];
        if (!isPart[i] && !rowIsPart[*it])
            return Error{Error::Code::Value, path, QStringLiteral("line %1").arg(o.line),
                         QStringLiteral("repeats line %1: the same unit (%2), indicator %3, year %4 and flag")
                             .arg(first.line).arg(listCodes({strings.at(o.code)}, regions), strings.at(o.indicator)).arg(o.year)};
        if (o.unit != first.unit)
            return Error{Error::Code::Value, path, QStringLiteral("line %1").arg(o.line),
                         QStringLiteral("is a part of %1 in '%2', line %3 in '%4': parts add up only in one unit")
                             .arg(listCodes({strings.at(o.code)}, regions), strings.at(o.unit)).arg(first.line).arg(strings.at(first.unit))};
        partsOf[*it] << QStringLiteral("line %1").arg(o.line);
        first.value += o.value;
    }
    rows.resize(merged);
    for (auto it = partsOf.cbegin(); it != partsOf.cend(); ++it) {
        const ObservationRow &o = rows[it.key()];
        out.summed << QStringLiteral("%1 %2 %3: sum of line %4 and %5 (parts of the unit as it is today)")
                          .arg(listCodes({strings.at(o.code)}, regions), strings.at(o.indicator))
                          .arg(o.year)
                          .arg(o.line)
                          .arg(it->join(QStringLiteral(", ")));
    }
    parsed.user = true;

    auto table = population.add(std::move(parsed));
    if (!table)
        return table.error();
    out.table = std::move(table).value();
    const QFileInfo info(path);
    for (const QString &id : std::as_const(out.table.sources)) {
        const QString title = id == info.fileName() ? QStringLiteral("Own table %1").arg(id)
                                                    : QStringLiteral("%1 in own table %2").arg(id, info.fileName());
        sources.add(Source{id, title, QStringLiteral("loaded by the user"),
                           info.absoluteFilePath(),
                           QStringLiteral("file of %1").arg(info.lastModified().toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
                           {}, out.summed.join(QStringLiteral("; "))});
    }
    const QSet<QString> codes(out.table.codes.begin(), out.table.codes.end());
    // A join with the map of each level the table has units of (Taiwan, Hong Kong and Macao, which have one
    // code at both levels, do not count).
    for (Level l : {Level::Province, Level::Prefecture}) {
        const Level l2 = l == Level::Province ? Level::Prefecture : Level::Province;
        const BoundaryLayer *layerOf = layer(l);
        const bool hasCodes = std::any_of(codes.begin(), codes.end(),
                                          [&](const QString &c) { return regions.find(c, l) && !regions.find(c, l2); });
        if (hasCodes && !layerOf->features().empty())
            out.joins.push_back(joinReport(*layerOf, l, codes, regions));
    }
    return out;
}

Result<BoundaryLayer> DataBundle::readBoundaries(const QString &path, const BoundaryImportOptions &options,
                                                 const QString &cacheDir, const RegionMatcher *matcher)
{
    BoundaryLayer::Options read;
    read.layerName = options.layerName;
    if (!options.codeField.isEmpty()) {
        read.codeFields = {options.codeField};
    } else if (matcher) {
        // The field whose values name the most units: codes or names (GADM's NAME_1, ECharts' id …).
        auto attributes = BoundaryLayer::attributes(path, options.layerName);
        if (!attributes)
            return attributes.error();
        if (const QString field = bestKeyField(attributes.value(), *matcher); !field.isEmpty())
            read.codeFields = {field};
    }
    return BoundaryLayer::readCached(path, Projection::chinaAlbers(), read, cacheDir);
}

Result<JoinReport> DataBundle::replaceBoundaries(const QString &path, const BoundaryImportOptions &options,
                                                 const QString &cacheDir)
{
    auto loaded = readBoundaries(path, options, cacheDir, keys().get());
    if (!loaded)
        return loaded.error();
    return replaceBoundaries(std::move(loaded).value(), options);
}

Result<JoinReport> DataBundle::replaceBoundaries(BoundaryLayer layer, const BoundaryImportOptions &options)
{
    const QString path = layer.path();
    const auto m = keys();
    QStringList featureCodes;
    for (const Feature &f : layer.features())
        featureCodes << f.code;
    featureCodes.removeDuplicates();
    const Level level = options.level.value_or(m->guessLevel(featureCodes));
    if (level != Level::Province && level != Level::Prefecture)
        return Error{Error::Code::Usage, path, {}, QStringLiteral("boundaries replace the province or the prefecture layer")};
    // Each feature's key to a unit of the level (codes in any form, names in any spelling); the rest are no
    // units (the nine-dash line as polygons, disputed pieces).
    QHash<QString, QString> unitOf;
    QStringList recoded, leftOut;
    int shortForms = 0; // keys matched only as 2- or 4-digit numbers
    static const QRegularExpression shortNumber(QStringLiteral("^\\s*(\\d{2}|\\d{4})\\s*$"));
    for (const QString &key : std::as_const(featureCodes)) {
        const KeyMatch k = m->match(key, level);
        if (!k.code.isEmpty() && regions.find(k.code, level)) {
            shortForms += k.kind == MatchKind::CodeForm && shortNumber.match(key).hasMatch() ? 1 : 0;
            unitOf.insert(key, k.code);
            if (k.code != key)
                recoded << QStringLiteral("%1 → %2").arg(key, k.code);
        } else {
            leftOut << QStringLiteral("%1 (%2)").arg(key.isEmpty() ? QStringLiteral("no %1").arg(layer.codeField()) : key,
                                                     k.kind == MatchKind::None ? QStringLiteral("no %1").arg(levelName(level))
                                                                               : matchKindName(k.kind));
        }
    }
    if (unitOf.isEmpty())
        return Error{Error::Code::Value, path, {},
                     QStringLiteral("no feature's %1 names a %2 of regions.csv (values such as %3): choose the field "
                                    "with the division codes or names")
                         .arg(layer.codeField(), levelName(level), featureCodes.mid(0, 3).join(QStringLiteral(", ")))};
    // A running number (1000, 1001 …; 11, 12 … 44) reads in part as 2- or 4-digit codes (1101 → 110100, 13 →
    // 130000): when every match is such a number and most values name nothing, or the values are one unbroken
    // run of numbers (real province ids skip: 11–15, 21–23, 31–37 …), the field is no field of codes.
    std::vector<qint64> numbers;
    for (const QString &key : std::as_const(featureCodes)) {
        bool isNumber = false;
        const qint64 n = key.trimmed().toLongLong(&isNumber);
        if (isNumber)
            numbers.push_back(n);
    }
    std::sort(numbers.begin(), numbers.end());
    const bool unbrokenRun = numbers.size() >= 5 && numbers.size() == size_t(featureCodes.size())
                             && numbers.back() - numbers.front() + 1 == qint64(numbers.size());
    if (shortForms == unitOf.size() && (unitOf.size() * 2 < featureCodes.size() || unbrokenRun))
        return Error{Error::Code::Value, path, {},
                     QStringLiteral("%1 of the %2 values of %3 read as codes of a %4 only as 2- or 4-digit numbers (such as %5), "
                                    "and the values look like a running number: choose the field with the division codes or names")
                         .arg(unitOf.size())
                         .arg(featureCodes.size())
                         .arg(layer.codeField(), levelName(level), unitOf.keys().value(0))};
    const QStringList dissolved = layer.assignUnits(unitOf);
    // Labels name the units as regions.csv does, never by a raw code or a file's own spelling.
    QHash<QString, std::pair<QString, QString>> names;
    for (const QString &code : std::as_const(unitOf))
        if (const Region *r = regions.find(code, level))
            names.insert(code, {r->nameZh, r->nameEn});
    layer.setNames(names);
    JoinReport report = joinReport(layer, level, population.codes(), regions);
    report.recoded = recoded;
    report.dissolved = dissolved;
    report.leftOut = leftOut;
    if (report.matched.isEmpty())
        report.warnings << QStringLiteral("no unit of the map has data in the tables: every unit shows no data");
    // The units of the file have areas (for density), the others none. A unit's area stays the bundle's: a
    // file's outline, often simplified, changes the drawing, not the land a unit has; units the bundle has no
    // area for take the file's.
    QHash<QString, double> &unitAreas = level == Level::Province ? areas.province : areas.prefecture;
    QHash<QString, double> fileAreas = areasOf(layer);
    const QLocale english(QLocale::English);
    for (auto it = fileAreas.begin(); it != fileAreas.end(); ++it) {
        const auto known = unitAreas.constFind(it.key());
        if (known == unitAreas.cend())
            continue;
        if (std::abs(it.value() - *known) > 0.05 * *known)
            report.areasKept << QStringLiteral("%1: %2 km² here, %3 km² in the bundle")
                                    .arg(listCodes({it.key()}, regions), english.toString(it.value(), 'f', 0),
                                         english.toString(*known, 'f', 0));
        it.value() = *known;
    }
    unitAreas = std::move(fileAreas);
    report.areasKept.sort();
    if (level == Level::Province) {
        provinces = std::move(layer);
        makeRegionLayer();
    } else {
        prefectures = std::move(layer);
    }
    contiguity = std::make_shared<ContiguityCache>(); // of the new layer, when asked
    return report;
}

QString TableImport::text(const RegionTable &regions) const
{
    QStringList lines;
    lines << (table.rows == 1 ? Tr::tr("Added %1 value of %2 (%3) from %4%5.") : Tr::tr("Added %1 values of %2 (%3) from %4%5."))
                 .arg(table.rows)
                 .arg(table.indicators.join(QStringLiteral(", ")), yearsLabel(table.firstYear == table.lastYear ? std::nullopt : std::optional<int>(table.firstYear), table.lastYear),
                      QFileInfo(table.path).fileName(),
                      table.layout == TableLayout::Wide
                          ? Tr::tr(" (wide layout; %1 empty cells left as no data)").arg(table.noDataCells)
                          : QString());
    if (table.replaces > 0)
        lines << Tr::tr("%1 values are for a unit, year, indicator and flag the bundle has too: yours are shown, "
                                "the bundle's stay in the table view.")
                     .arg(table.replaces);
    if (table.shadowed > 0)
        lines << Tr::tr("%1 values have the code, year, indicator and flag of rows of your tables loaded before: "
                                "the earlier values stay shown, both are in the table view.")
                     .arg(table.shadowed);
    if (!readNotes.isEmpty())
        lines << Tr::tr("Read: %1.").arg(readNotes.join(QStringLiteral("; ")));
    if (!matchedBy.isEmpty())
        lines << Tr::tr("Keys matched to units: %1.").arg(matchedBy.join(QStringLiteral(", ")));
    if (!recoded.isEmpty())
        lines << reportLine(Tr::tr("Keys that are not the unit's code"), recoded);
    for (const QString &s : summed)
        lines << Tr::tr("Parts summed: %1").arg(s);
    if (!unmatched.isEmpty())
        lines << reportLine(Tr::tr("Keys of no unit, rows left out"), unmatched, QStringLiteral("; "));
    for (const QString &r : refused)
        lines << Tr::tr("Left out: %1").arg(r);
    if (!leftOutByUser.isEmpty())
        lines << reportLine(Tr::tr("Keys you left out, rows not added"), leftOutByUser);
    for (const JoinReport &j : joins)
        lines << j.text(regions);
    if (!unknownCodes.isEmpty())
        lines << Tr::tr("Codes of no unit in regions.csv (%1), rows left out: %2")
                     .arg(unknownCodes.size())
                     .arg(listCodes(unknownCodes, regions));
    return lines.join(u'\n');
}

Result<DataBundle> DataBundle::load(const QString &dir, Parts parts, const QString &cacheDir)
{
    if (auto ok = check(dir); !ok)
        return ok.error();
    const QDir d(dir);
    DataBundle bundle;
    bundle.dir = d.absolutePath();

    auto regions = RegionTable::load(d.filePath(QStringLiteral("regions.csv")));
    if (!regions)
        return regions.error();
    bundle.regions = std::move(regions).value();
    // Other names and codes of the units (release 5 on): optional.
    if (const QString aliasPath = d.filePath(QStringLiteral("region_aliases.csv")); QFileInfo::exists(aliasPath)) {
        auto aliases = loadRegionAliases(aliasPath);
        if (!aliases)
            return aliases.error();
        bundle.aliases = std::move(aliases).value();
    }
    bundle.matcher = std::make_shared<const RegionMatcher>(bundle.regions, bundle.aliases);
    auto sources = SourceTable::load(d.filePath(QStringLiteral("sources.csv")));
    if (!sources)
        return sources.error();
    bundle.sources = std::move(sources).value();
    auto notes = NoteTable::load(d.filePath(QStringLiteral("notes.csv")));
    if (!notes)
        return notes.error();
    bundle.notes = std::move(notes).value();

    const QDir popDir(d.filePath(QStringLiteral("population")));
    const QStringList tables = popDir.entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name);
    if (tables.isEmpty())
        return Error{Error::Code::NotFound, popDir.path(), {}, QStringLiteral("holds no population tables (*.csv)")};
    for (const QString &t : tables) {
        if (auto ok = bundle.population.addFile(popDir.filePath(t)); !ok)
            return ok.error();
    }

    if (parts != Parts::Tables) {
        auto provinces = readLayer(d, "boundaries/provinces.geojson", BoundaryLayer::Kind::Polygons, cacheDir);
        if (!provinces)
            return provinces.error();
        bundle.provinces = std::move(provinces).value();
        bundle.areas.province = areasOf(bundle.provinces);
        bundle.makeRegionLayer();
    }
    if (parts == Parts::Everything) {
        auto others = loadOtherLayers(bundle.dir, cacheDir);
        if (!others)
            return others.error();
        bundle.adopt(std::move(others).value());
    }
    return bundle;
}

} // namespace renkou::core
