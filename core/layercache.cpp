// The cache of projected boundary layers: GDAL's GeoJSON parsing dominates start-up, so a layer is read
// and projected once per version of its file and kept in a binary form (QDataStream).
#include "boundarylayer.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace renkou::core {

namespace {
constexpr quint32 kMagic = 0x524b4c43; // "RKLC"
constexpr quint32 kVersion = 2; // 2: the layer's warnings

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
    if (s.status() != QDataStream::Ok || n > (quint64(1) << 28))
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
    if (s.status() != QDataStream::Ok || n > (quint64(1) << 24))
        return false;
    polygons.resize(size_t(n));
    for (Polygon &p : polygons) {
        quint64 holes = 0;
        if (!readPoints(s, p.outer))
            return false;
        s >> holes;
        if (s.status() != QDataStream::Ok || holes > (quint64(1) << 24))
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

    static std::optional<BoundaryLayer> load(const QString &file, const QString &path, const Projection &target)
    {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return std::nullopt;
        QDataStream s(&f);
        s.setVersion(QDataStream::Qt_6_4);
        quint32 magic = 0, version = 0;
        s >> magic >> version;
        if (magic != kMagic || version != kVersion)
            return std::nullopt;
        BoundaryLayer layer;
        layer.m_path = path;
        layer.m_projection = target;
        quint64 count = 0;
        s >> layer.m_codeField >> layer.m_warnings >> count;
        if (s.status() != QDataStream::Ok || count > 1'000'000)
            return std::nullopt;
        layer.m_features.resize(size_t(count));
        for (Feature &feature : layer.m_features) {
            s >> feature.code >> feature.properties;
            if (!readPolygons(s, feature.polygons))
                return std::nullopt;
            quint64 lines = 0;
            s >> lines;
            if (s.status() != QDataStream::Ok || lines > 1'000'000)
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

    static void save(const QString &file, const BoundaryLayer &layer)
    {
        QDir().mkpath(QFileInfo(file).absolutePath());
        QSaveFile f(file);
        if (!f.open(QIODevice::WriteOnly))
            return;
        QDataStream s(&f);
        s.setVersion(QDataStream::Qt_6_4);
        s << kMagic << kVersion << layer.m_codeField << layer.m_warnings << quint64(layer.m_features.size());
        for (const Feature &feature : layer.m_features) {
            s << feature.code << feature.properties;
            writePolygons(s, feature.polygons);
            s << quint64(feature.lines.size());
            for (const LineString &l : feature.lines)
                writePoints(s, l);
        }
        if (s.status() == QDataStream::Ok)
            f.commit();
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
