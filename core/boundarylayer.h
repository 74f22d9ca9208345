#pragma once
#include "geometry.h"
#include "projection.h"
#include "result.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <vector>

namespace renkou::core {

/// One feature of a boundary layer, projected.
struct Feature {
    QString code;                        ///< value of the layer's code field; empty for line layers without one
    QHash<QString, QString> properties;  ///< every attribute, as text
    MultiPolygon polygons;               ///< for polygon layers
    std::vector<LineString> lines;       ///< for line layers
    BoxD bounds;
};

/// A vector layer read through GDAL/OGR (GeoJSON, TopoJSON, GeoPackage, Shapefile, any OGR format) and
/// projected once. No GDAL type appears here: the reading lives in gdalio.cpp.
class BoundaryLayer {
public:
    enum class Kind { Polygons, Lines };
    struct Options {
        Kind kind = Kind::Polygons;
        QString layerName;  ///< empty: the first layer
        /// Fields tried in turn for the unit code; the first present is used.
        QStringList codeFields = {QStringLiteral("code"), QStringLiteral("adcode"), QStringLiteral("区划码"),
                                  QStringLiteral("id")};
    };

    /// Reads `path` and projects it to `target`. A layer without a coordinate reference system is taken as
    /// WGS84 longitude/latitude (as TopoJSON is) if its coordinates fit, and refused otherwise.
    static Result<BoundaryLayer> read(const QString &path, const Projection &target, const Options &options);
    static Result<BoundaryLayer> read(const QString &path, const Projection &target)
    {
        return read(path, target, Options{});
    }
    /// As read(), through a cache of projected layers in `cacheDir` (empty: no cache). An entry is used
    /// only for the same file (path, size, modification time), projection and options; a new one is
    /// written atomically. A cache that cannot be read or written is ignored.
    static Result<BoundaryLayer> readCached(const QString &path, const Projection &target, const Options &options,
                                            const QString &cacheDir);

    /// The attribute table of a layer (the first, or `layerName`) without its geometry: enough to choose
    /// the code field before reading the layer.
    struct Attributes {
        QStringList layers; ///< every layer of the file (a GeoPackage or TopoJSON may have several)
        QString layer;      ///< the one read
        QStringList fields;
        std::vector<QHash<QString, QString>> rows;
    };
    static Result<Attributes> attributes(const QString &path, const QString &layerName = {});

    const QString &path() const { return m_path; }
    /// What the user must be told about a layer that was read: the features repaired with make-valid.
    const QStringList &warnings() const { return m_warnings; }
    /// Gives features new codes (old → new), as the join matches them; returns nothing.
    void recode(const QHash<QString, QString> &newCodes);
    const QString &codeField() const { return m_codeField; }
    const Projection &projection() const { return m_projection; }
    const std::vector<Feature> &features() const { return m_features; }
    const BoxD &bounds() const { return m_bounds; }
    /// Index of the first feature with `code`, or -1.
    int indexOf(const QString &code) const { return m_byCode.value(code, -1); }

    /// Codes that more than one feature carries (the first of them is the one indexOf() finds).
    QStringList duplicateCodes() const;
    /// Makes every feature one unit: `unitOf` maps a feature's code to its unit's code; a feature whose code
    /// it lacks is no unit (a dash of the nine-dash line, a disputed piece) and is left out. Features of one
    /// unit become one feature (all their polygons: a province stored as a polygon per island), so area,
    /// label, hover and legend count once per unit. Returns "460000 (2 features)" per unit dissolved.
    QStringList assignUnits(const QHash<QString, QString> &unitOf);
    /// Sets each feature's `name_zh` and `name_en` (its map label) to its unit's names in `names` (code →
    /// Chinese, English), whatever the file called it.
    void setNames(const QHash<QString, std::pair<QString, QString>> &names);

private:
    friend class LayerCache;
    void indexCodes();
    QString m_path;
    QString m_codeField;
    Projection m_projection;
    std::vector<Feature> m_features;
    BoxD m_bounds;
    QHash<QString, int> m_byCode;
    QStringList m_warnings;
};

/// Projects a WGS84 longitude/latitude point to `target` through OGR/PROJ.
Result<PointD> projectPoint(const Projection &target, double lon, double lat);

} // namespace renkou::core
