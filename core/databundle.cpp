#include "databundle.h"

#include "bundleschema.h"

#include <QDir>
#include <QFile>
#include <QDateTime>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

namespace renkou::core {

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
}

const BoundaryLayer *DataBundle::layer(Level level) const
{
    switch (level) {
    case Level::Province: return &provinces;
    case Level::Prefecture: return &prefectures;
    default: return nullptr;
    }
}

Result<TableImport> DataBundle::addTable(const QString &path, const std::optional<WideTableSpec> &wide)
{
    auto parsed = PopulationStore::readTable(path, wide);
    if (!parsed)
        return parsed.error();
    return addTable(std::move(parsed).value());
}

Result<TableImport> DataBundle::addTable(ParsedTable parsed)
{
    const QString path = parsed.path;
    // A table of prefecture-level units that codes a municipality as its province (110000 for Beijing) is
    // matched as the bundle does: the code becomes the prefecture-level unit's (110100).
    QStringList recoded;
    const PopulationStore::Recode municipalities = [&](const QStringList &codes) {
        QHash<QString, QString> out;
        if (guessLevel(codes, regions) != Level::Prefecture)
            return out;
        for (const QString &c : codes) {
            const QString target = regions.find(c, Level::Province) ? regions.matchCode(c, Level::Prefecture) : QString();
            if (!target.isEmpty() && target != c && !codes.contains(target)) {
                out.insert(c, target);
                recoded << QStringLiteral("%1 → %2").arg(c, target);
            }
        }
        return out;
    };
    auto table = population.add(std::move(parsed), municipalities);
    if (!table)
        return table.error();
    TableImport out;
    out.recoded = recoded;
    out.table = std::move(table).value();
    const QFileInfo info(path);
    for (const QString &id : std::as_const(out.table.sources)) {
        sources.add(Source{id, QStringLiteral("Own table %1").arg(info.fileName()), QStringLiteral("loaded by the user"),
                           info.absoluteFilePath(),
                           QStringLiteral("file of %1").arg(info.lastModified().toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
                           {}, {}});
    }
    const QSet<QString> codes(out.table.codes.begin(), out.table.codes.end());
    for (Level level : {Level::Province, Level::Prefecture}) {
        const BoundaryLayer *l = layer(level);
        const bool hasCodes = std::any_of(codes.begin(), codes.end(), [&](const QString &c) { return regions.find(c, level); });
        if (hasCodes && !l->features().empty())
            out.joins.push_back(joinReport(*l, level, codes, regions));
    }
    for (const QString &c : std::as_const(out.table.codes)) {
        if (!regions.find(c))
            out.unknownCodes << c;
    }
    return out;
}

Result<BoundaryLayer> DataBundle::readBoundaries(const QString &path, const BoundaryImportOptions &options,
                                                 const QString &cacheDir)
{
    BoundaryLayer::Options read;
    read.layerName = options.layerName;
    if (!options.codeField.isEmpty())
        read.codeFields = {options.codeField};
    return BoundaryLayer::readCached(path, Projection::chinaAlbers(), read, cacheDir);
}

Result<JoinReport> DataBundle::replaceBoundaries(const QString &path, const BoundaryImportOptions &options,
                                                 const QString &cacheDir)
{
    auto loaded = readBoundaries(path, options, cacheDir);
    if (!loaded)
        return loaded.error();
    return replaceBoundaries(std::move(loaded).value(), options);
}

Result<JoinReport> DataBundle::replaceBoundaries(BoundaryLayer layer, const BoundaryImportOptions &options)
{
    const QString path = layer.path();
    QStringList featureCodes;
    for (const Feature &f : layer.features())
        featureCodes << f.code;
    const Level level = options.level.value_or(guessLevel(featureCodes, regions));
    if (level != Level::Province && level != Level::Prefecture)
        return Error{Error::Code::Usage, path, {}, QStringLiteral("boundaries replace the province or the prefecture layer")};
    const QStringList recoded = matchMunicipalityCodes(layer, regions, level);
    JoinReport report = joinReport(layer, level, population.codes(), regions);
    report.recoded = recoded;
    if (report.matched.isEmpty() && report.unmatchedOnMap.size() == int(layer.features().size()))
        report.warnings << QStringLiteral("no feature's %1 is a %2 code of regions.csv: every unit shows no data")
                               .arg(layer.codeField(), levelName(level));
    if (level == Level::Province) {
        provinces = std::move(layer);
        areas.province = areasOf(provinces);
    } else {
        prefectures = std::move(layer);
        areas.prefecture = areasOf(prefectures);
    }
    return report;
}

QString TableImport::text(const RegionTable &regions) const
{
    QStringList lines;
    const QString years = table.firstYear == table.lastYear ? QString::number(table.firstYear)
                                                            : QStringLiteral("%1–%2").arg(table.firstYear).arg(table.lastYear);
    lines << QStringLiteral("Added %1 %2 of %3 (%4) from %5%6.")
                 .arg(table.rows)
                 .arg(table.rows == 1 ? QStringLiteral("value") : QStringLiteral("values"))
                 .arg(table.indicators.join(QStringLiteral(", ")), years,
                      QFileInfo(table.path).fileName(),
                      table.layout == TableLayout::Wide
                          ? QStringLiteral(" (wide layout; %1 empty cells left as no data)").arg(table.noDataCells)
                          : QString());
    if (table.shadowed > 0)
        lines << QStringLiteral("%1 values have the code, year, indicator and flag of rows loaded before: the "
                                "earlier values stay shown, both are in the table view.")
                     .arg(table.shadowed);
    if (!recoded.isEmpty())
        lines << QStringLiteral("A table of prefecture-level units: municipality codes matched as the bundle does: %1")
                     .arg(recoded.join(QStringLiteral(", ")));
    for (const JoinReport &j : joins)
        lines << j.text(regions);
    if (!unknownCodes.isEmpty())
        lines << QStringLiteral("Codes of no unit in regions.csv (%1), not shown on any map: %2")
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
