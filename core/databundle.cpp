#include "databundle.h"

#include "bundleschema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

namespace renkou::core {

Result<QString> DataBundle::locate(const QString &explicitDir, const QString &appDir)
{
    auto existing = [](const QString &dir, const QString &why) -> Result<QString> {
        if (QFileInfo(dir).isDir())
            return QDir(dir).absolutePath();
        return Error{Error::Code::NotFound, dir, {}, QStringLiteral("no data directory here (%1)").arg(why)};
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
    areas.prefecture.clear();
    for (const Feature &f : prefectures.features())
        areas.prefecture.insert(f.code, area(f.polygons) / 1e6);
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
        for (const Feature &f : bundle.provinces.features())
            bundle.areas.province.insert(f.code, area(f.polygons) / 1e6);
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
