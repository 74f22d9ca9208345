// The cache of projected boundary layers: GDAL's GeoJSON parsing dominates start-up, so a layer is read
// and projected once per version of its file and kept in a binary form (QDataStream).
#include "boundarylayer.h"
#include "inputfile.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace renkou::core {

namespace {
constexpr quint32 kMagic = 0x524b4c43; // "RKLC"
constexpr quint32 kVersion = 3; // 2: the layer's warnings; 3: payload size and SHA-1 in the header
/// magic, version, payload size (quint64), SHA-1 of the payload (20 bytes).
constexpr qint64 kHeaderBytes = 4 + 4 + 8 + 20;
/// The whole cache is trimmed to this size, least recently used entries first.
constexpr qint64 kCacheLimitBytes = qint64(256) << 20;

/// True if the stream still holds `count` items of `itemBytes` each: a count read from the file is checked
/// against what is there before anything is allocated for it.
bool holds(QDataStream &s, quint64 count, quint64 itemBytes)
{
    return s.status() == QDataStream::Ok && count <= quint64(s.device()->bytesAvailable()) / itemBytes;
}

void writePoints(QDataStream &s, const std::vector<PointD> &points)
{
    s << quint64(points.size());
    for (const PointD &p : points)
        s << p.x << p.y;
}

bool readPoints(QDataStream &s, std::vector<PointD> &points)
{
    quint64 n = 0;
    s >> n;
    if (!holds(s, n, 2 * sizeof(double)))
        return false;
    points.resize(size_t(n));
    for (PointD &p : points)
        s >> p.x >> p.y;
    return s.status() == QDataStream::Ok;
}

void writePolygons(QDataStream &s, const MultiPolygon &polygons)
{
    s << quint64(polygons.size());
    for (const Polygon &p : polygons) {
        writePoints(s, p.outer);
        s << quint64(p.holes.size());
        for (const Ring &h : p.holes)
            writePoints(s, h);
    }
}

bool readPolygons(QDataStream &s, MultiPolygon &polygons)
{
    quint64 n = 0;
    s >> n;
    if (!holds(s, n, 2 * sizeof(quint64))) // each polygon has at least two counts
        return false;
    polygons.resize(size_t(n));
    for (Polygon &p : polygons) {
        quint64 holes = 0;
        if (!readPoints(s, p.outer))
            return false;
        s >> holes;
        if (!holds(s, holes, sizeof(quint64)))
            return false;
        p.holes.resize(size_t(holes));
        for (Ring &h : p.holes) {
            if (!readPoints(s, h))
                return false;
        }
    }
    return true;
}
} // namespace

class LayerCache {
public:
    static QString fileFor(const QString &cacheDir, const QString &path, const Projection &target,
                           const BoundaryLayer::Options &options)
    {
        const QFileInfo info(path);
        QCryptographicHash hash(QCryptographicHash::Sha1);
        for (const QString &part : {info.absoluteFilePath(), QString::number(info.size()),
                                    QString::number(info.lastModified().toMSecsSinceEpoch()), target.definition,
                                    QString::number(int(options.kind)), options.layerName, options.codeFields.join(u'|'),
                                    QString::number(kVersion)})
            hash.addData((part + u'\n').toUtf8());
        return QDir(cacheDir).filePath(QString::fromLatin1(hash.result().toHex()) + QStringLiteral(".layer"));
    }

    /// The cached layer, or nullopt if there is none or the entry is damaged (then it is removed). The
    /// payload's size and SHA-1 are checked before it is parsed, every count against the bytes left.
    static std::optional<BoundaryLayer> load(const QString &file, const QString &path, const Projection &target)
    {
        auto layer = parse(file, path, target);
        if (layer)
            QFile(file).setFileTime(QDateTime::currentDateTime(), QFileDevice::FileModificationTime); // recently used
        else if (QFileInfo(file).isSymLink() || QFileInfo::exists(file))
            QFile::remove(file); // a damaged entry, or anything else in its place (removes a link, not its target)
        return layer;
    }

    static void save(const QString &file, const BoundaryLayer &layer)
    {
        QByteArray payload;
        {
            QDataStream s(&payload, QIODevice::WriteOnly);
            s.setVersion(QDataStream::Qt_6_4);
            s << layer.m_codeField << layer.m_warnings << quint64(layer.m_features.size());
            for (const Feature &feature : layer.m_features) {
                s << feature.code << feature.properties;
                writePolygons(s, feature.polygons);
                s << quint64(feature.lines.size());
                for (const LineString &l : feature.lines)
                    writePoints(s, l);
            }
            if (s.status() != QDataStream::Ok || qint64(payload.size()) + kHeaderBytes > kCacheLimitBytes)
                return;
        }
        const QString dir = QFileInfo(file).absolutePath();
        QDir().mkpath(dir);
        QSaveFile f(file);
        if (!f.open(QIODevice::WriteOnly))
            return;
        QDataStream s(&f);
        s.setVersion(QDataStream::Qt_6_4);
        s << kMagic << kVersion << quint64(payload.size());
        s.writeRawData(QCryptographicHash::hash(payload, QCryptographicHash::Sha1).constData(), 20);
        s.writeRawData(payload.constData(), int(payload.size()));
        if (s.status() == QDataStream::Ok && f.commit())
            trim(dir, file);
    }

private:
    static std::optional<BoundaryLayer> parse(const QString &file, const QString &path, const Projection &target)
    {
        if (!checkInputFile(file, kCacheLimitBytes)) // a pipe or device in the cache is no entry
            return std::nullopt;
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly) || f.size() < kHeaderBytes || f.size() > kCacheLimitBytes)
            return std::nullopt;
        QDataStream header(&f);
        header.setVersion(QDataStream::Qt_6_4);
        quint32 magic = 0, version = 0;
        quint64 size = 0;
        header >> magic >> version >> size;
        if (magic != kMagic || version != kVersion || size != quint64(f.size() - kHeaderBytes))
            return std::nullopt;
        const QByteArray sha1 = f.read(20);
        const QByteArray payload = f.read(qint64(size));
        if (payload.size() != qint64(size) || QCryptographicHash::hash(payload, QCryptographicHash::Sha1) != sha1)
            return std::nullopt;

        QDataStream s(payload);
        s.setVersion(QDataStream::Qt_6_4);
        BoundaryLayer layer;
        layer.m_path = path;
        layer.m_projection = target;
        quint64 count = 0;
        s >> layer.m_codeField >> layer.m_warnings >> count;
        if (!holds(s, count, 3 * sizeof(quint64))) // each feature has at least three counts
            return std::nullopt;
        layer.m_features.resize(size_t(count));
        for (Feature &feature : layer.m_features) {
            s >> feature.code >> feature.properties;
            if (!readPolygons(s, feature.polygons))
                return std::nullopt;
            quint64 lines = 0;
            s >> lines;
            if (!holds(s, lines, sizeof(quint64)))
                return std::nullopt;
            feature.lines.resize(size_t(lines));
            for (LineString &l : feature.lines) {
                if (!readPoints(s, l))
                    return std::nullopt;
            }
            for (const Polygon &p : feature.polygons)
                feature.bounds.expand(boundsOf(p.outer));
            for (const LineString &l : feature.lines)
                feature.bounds.expand(boundsOf(l));
            layer.m_bounds.expand(feature.bounds);
        }
        if (s.status() != QDataStream::Ok)
            return std::nullopt;
        layer.indexCodes();
        return layer;
    }

    /// Removes the least recently used entries of `dir` (never `keep`) until the cache fits kCacheLimitBytes.
    static void trim(const QString &dir, const QString &keep)
    {
        QFileInfoList entries = QDir(dir).entryInfoList({QStringLiteral("*.layer")}, QDir::Files, QDir::Time | QDir::Reversed);
        qint64 total = 0;
        for (const QFileInfo &e : entries)
            total += e.size();
        for (const QFileInfo &e : entries) { // oldest first
            if (total <= kCacheLimitBytes)
                break;
            if (e.absoluteFilePath() == QFileInfo(keep).absoluteFilePath())
                continue;
            if (QFile::remove(e.absoluteFilePath()))
                total -= e.size();
        }
    }
};

Result<BoundaryLayer> BoundaryLayer::readCached(const QString &path, const Projection &target, const Options &options,
                                                const QString &cacheDir)
{
    if (cacheDir.isEmpty() || !QFileInfo(path).isFile())
        return read(path, target, options);
    const QString file = LayerCache::fileFor(cacheDir, path, target, options);
    if (auto cached = LayerCache::load(file, path, target))
        return std::move(*cached);
    auto layer = read(path, target, options);
    if (layer)
        LayerCache::save(file, layer.value());
    return layer;
}

} // namespace renkou::core
