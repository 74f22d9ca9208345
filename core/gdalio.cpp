// The only file that talks to GDAL/OGR. Every GDAL handle is held by an RAII wrapper and released here.
#include "boundarylayer.h"
#include "echartsmap.h"
#include "inputfile.h"
#include "workbook.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <cpl_http.h>
#include <gdal_priv.h>
#include <ogr_srs_api.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <array>
#include <atomic>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>

namespace renkou::core {

namespace {

/// URLs GDAL tried to fetch on this thread since the last clearBlockedUrls(): never fetched (see initGdal).
thread_local QStringList t_blockedUrls;

/// Refuses every HTTP request GDAL makes (a GeoJSON `crs` link, a WFS or a remote schema) and remembers the URL,
/// so the file can be refused with a message naming what it points at. GDAL's API (cpl_http.h): a result with
/// an error, never null (null would hand the request to the default, networked fetch).
CPLHTTPResult *refuseHttp(const char *url, CSLConstList, GDALProgressFunc, void *, CPLHTTPFetchWriteFunc, void *, void *)
{
    t_blockedUrls << QString::fromUtf8(url);
    auto *result = static_cast<CPLHTTPResult *>(CPLCalloc(1, sizeof(CPLHTTPResult)));
    result->nStatus = 1;
    result->pszErrBuf = CPLStrdup("Renkou never fetches from the network");
    return result;
}

/// GDAL set up for a desktop app that reads local files only: no HTTP from any driver, no /vsicurl/ (or
/// /vsis3/ ...) file, no PROJ grid download. See GDAL's configuration options
/// (https://gdal.org/user/configoptions.html): CPL_VSIL_CURL_ALLOWED_FILENAME restricts the network file
/// systems to one (never used) name.
void initGdal()
{
    static std::once_flag once;
    std::call_once(once, [] {
        CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_FILENAME", "/renkou-never-fetches-from-the-network");
        CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "1");
        CPLSetConfigOption("GDAL_HTTP_MAX_RETRY", "0");
        CPLSetConfigOption("GML_DOWNLOAD_SCHEMA", "NO");
        CPLSetConfigOption("PROJ_NETWORK", "OFF");
        CPLSetConfigOption("SHAPE_ENCODING", ""); // attributes as stored; fieldText() decodes them
        // Workbooks: every cell as text, no row taken as the header (Renkou finds it, after any title rows).
        CPLSetConfigOption("OGR_XLSX_HEADERS", "DISABLE");
        CPLSetConfigOption("OGR_ODS_HEADERS", "DISABLE");
        CPLSetConfigOption("OGR_XLS_HEADERS", "DISABLE");
        CPLSetConfigOption("OGR_XLSX_FIELD_TYPES", "STRING");
        CPLSetConfigOption("OGR_ODS_FIELD_TYPES", "STRING");
        GDALAllRegister();
        CPLHTTPSetFetchCallback(refuseHttp, nullptr);
        OSRSetPROJEnableNetwork(FALSE);
        // Errors are read with CPLGetLastErrorMsg() and reported through Error, not printed.
        CPLSetErrorHandler(CPLQuietErrorHandler);
    });
}

/// The OGR drivers Renkou opens: local vector formats whose files cannot name other files or URLs to read
/// (no VRT, WFS, GML, OAPIF). GDAL short names (https://gdal.org/drivers/vector/).
constexpr const char *kBoundaryDrivers[] = {"GeoJSON", "GeoJSONSeq", "TopoJSON", "ESRI Shapefile", "GPKG", "FlatGeobuf",
                                            "KML", "LIBKML", "MapInfo File", "OpenFileGDB", "GPX", nullptr};

/// An Error if GDAL tried to reach the network since `t_blockedUrls` was cleared.
std::optional<Error> networkRefusal(const QString &path)
{
    if (t_blockedUrls.isEmpty())
        return std::nullopt;
    QStringList urls = t_blockedUrls;
    urls.removeDuplicates();
    t_blockedUrls.clear();
    return Error{Error::Code::Format, path, {},
                 QStringLiteral("points at %1 on the network; Renkou reads local files only and fetched nothing "
                                "(save the file with its CRS written in it, e.g. as GeoPackage)")
                     .arg(urls.join(QStringLiteral(", ")))};
}

/// An attribute as text. Shapefiles are read without recoding (SHAPE_ENCODING ""): a .dbf written by
/// Chinese GIS software without a .cpg is GBK, which GDAL would otherwise take for Latin-1. Valid UTF-8 is
/// read as such, anything else as GB18030 (a superset of GBK).
QString fieldText(const char *bytes)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(QByteArrayView(bytes));
    if (!utf8.hasError())
        return text;
    QStringDecoder gb("GB18030", QStringDecoder::Flag::Stateless);
    text = gb.decode(QByteArrayView(bytes));
    return gb.hasError() ? QString::fromLatin1(bytes) : text;
}

struct TransformDeleter {
    void operator()(OGRCoordinateTransformation *t) const { OGRCoordinateTransformation::DestroyCT(t); }
};
using TransformPtr = std::unique_ptr<OGRCoordinateTransformation, TransformDeleter>;

QString lastGdalError()
{
    const QString msg = QString::fromUtf8(CPLGetLastErrorMsg()).trimmed();
    return msg.isEmpty() ? QStringLiteral("GDAL gave no reason") : msg;
}

Result<OGRSpatialReference> spatialReference(const Projection &projection)
{
    OGRSpatialReference srs;
    if (srs.importFromProj4(projection.definition.toUtf8().constData()) != OGRERR_NONE)
        return Error{Error::Code::Value, {}, {}, QStringLiteral("unknown projection '%1'").arg(projection.definition)};
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

Ring toRing(const OGRLinearRing &ring)
{
    Ring out;
    out.reserve(size_t(ring.getNumPoints()));
    for (const OGRPoint &p : ring)
        out.push_back({p.getX(), p.getY()});
    if (!out.empty() && (out.front().x != out.back().x || out.front().y != out.back().y))
        out.push_back(out.front());
    return out;
}

void addPolygon(const OGRPolygon &poly, MultiPolygon &out)
{
    if (poly.IsEmpty())
        return;
    Polygon p;
    p.outer = toRing(*poly.getExteriorRing());
    for (int i = 0; i < poly.getNumInteriorRings(); ++i)
        p.holes.push_back(toRing(*poly.getInteriorRing(i)));
    out.push_back(std::move(p));
}

void addLine(const OGRLineString &line, std::vector<LineString> &out)
{
    LineString l;
    l.reserve(size_t(line.getNumPoints()));
    for (const OGRPoint &p : line)
        l.push_back({p.getX(), p.getY()});
    out.push_back(std::move(l));
}

/// Collects the polygons or lines of `geom` into `feature`; false if the geometry is of another kind.
/// `repaired`: the geometry came from make-valid, which may leave points and lines of collapsed parts
/// beside the polygons; those are dropped.
bool collect(const OGRGeometry &geom, BoundaryLayer::Kind kind, Feature &feature, bool repaired = false)
{
    switch (wkbFlatten(geom.getGeometryType())) {
    case wkbPolygon:
        if (kind != BoundaryLayer::Kind::Polygons)
            return false;
        addPolygon(*geom.toPolygon(), feature.polygons);
        return true;
    case wkbMultiPolygon:
        if (kind != BoundaryLayer::Kind::Polygons)
            return false;
        for (const OGRPolygon *p : *geom.toMultiPolygon())
            addPolygon(*p, feature.polygons);
        return true;
    case wkbLineString:
        if (kind != BoundaryLayer::Kind::Lines)
            return false;
        addLine(*geom.toLineString(), feature.lines);
        return true;
    case wkbMultiLineString:
        if (kind != BoundaryLayer::Kind::Lines)
            return false;
        for (const OGRLineString *l : *geom.toMultiLineString())
            addLine(*l, feature.lines);
        return true;
    case wkbGeometryCollection:
        for (const OGRGeometry *g : *geom.toGeometryCollection()) {
            if (!collect(*g, kind, feature, repaired) && !repaired)
                return false;
        }
        return true;
    default:
        return false;
    }
}

/// A dataset opened read-only and one of its layers (the first, or the one named).
struct OpenedLayer {
    GDALDatasetUniquePtr dataset;
    OGRLayer *layer = nullptr;
    QByteArray memFile; ///< a /vsimem/ file the dataset reads (a decoded ECharts map), removed after it

    OpenedLayer() = default;
    OpenedLayer(OpenedLayer &&) = default;
    OpenedLayer &operator=(OpenedLayer &&) = default;
    OpenedLayer(const OpenedLayer &) = delete;
    OpenedLayer &operator=(const OpenedLayer &) = delete;
    ~OpenedLayer()
    {
        dataset.reset();
        if (!memFile.isEmpty())
            VSIUnlink(memFile.constData());
    }
};

/// An ECharts map with encoded coordinates (`"UTF8Encoding": true`) decoded into an in-memory GeoJSON file
/// that GDAL opens instead of `path`; nullopt for any other file.
std::optional<Result<QByteArray>> decodedEChartsFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    QByteArray ends = f.read(4096); // the flag may come first or last
    if (f.size() > 4096 && f.seek(std::max<qint64>(4096, f.size() - 4096)))
        ends += f.read(4096);
    f.close();
    if (!isEChartsEncoded(ends))
        return std::nullopt;
    auto bytes = readInputFile(path, kMaxBoundaryBytes);
    if (!bytes)
        return Result<QByteArray>(bytes.error());
    auto decoded = decodeEChartsMap(bytes.value());
    if (!decoded) {
        Error e = decoded.error();
        e.path = path;
        e.message = QStringLiteral("is an ECharts map with encoded coordinates (UTF8Encoding): ") + e.message;
        return Result<QByteArray>(e);
    }
    // A folder of its own per read, and the file's own name: the layer is named as the file (china), the
    // same at every read.
    static std::atomic<int> counter{0};
    const QByteArray name = "/vsimem/renkou-echarts-" + QByteArray::number(++counter) + '/'
                            + QFileInfo(path).completeBaseName().toUtf8() + ".geojson";
    const QByteArray &json = decoded.value();
    auto *buffer = static_cast<GByte *>(CPLMalloc(size_t(json.size())));
    std::memcpy(buffer, json.constData(), size_t(json.size()));
    VSIFCloseL(VSIFileFromMemBuffer(name.constData(), buffer, vsi_l_offset(json.size()), TRUE)); // GDAL frees the buffer
    return Result<QByteArray>(name);
}

Result<OpenedLayer> openLayer(const QString &path, const QString &layerName)
{
    initGdal();
    if (Status ok = checkInputFile(path, kMaxBoundaryBytes, true); !ok)
        return ok.error();
    if (Status ok = checkCompanionFiles(path); !ok)
        return ok.error();
    const QFileInfo info(path);
    CPLErrorReset();
    t_blockedUrls.clear();
    OpenedLayer out;
    QByteArray openPath = path.toUtf8();
    if (info.isFile() && QStringList({QStringLiteral("json"), QStringLiteral("geojson")}).contains(info.suffix().toLower())) {
        if (auto decoded = decodedEChartsFile(path)) {
            if (!*decoded)
                return decoded->error();
            out.memFile = openPath = decoded->value();
        }
    }
    out.dataset.reset(GDALDataset::Open(openPath.constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, kBoundaryDrivers));
    if (auto refused = networkRefusal(path))
        return *refused;
    if (!out.dataset) {
        QString reason = lastGdalError();
        // A format Renkou does not open (VRT, WFS, GML …: they can name other files or URLs) is named as such.
        if (GDALDriverH other = GDALIdentifyDriverEx(openPath.constData(), GDAL_OF_VECTOR, nullptr, nullptr))
            reason = QStringLiteral("it is %1 (%2), a format Renkou does not open: such files can name other files "
                                    "or URLs to read")
                         .arg(QString::fromUtf8(GDALGetMetadataItem(other, GDAL_DMD_LONGNAME, nullptr)),
                              QString::fromUtf8(GDALGetDescription(other)));
        const QString suffix = info.suffix().toLower();
        if ((suffix == u"json" || suffix == u"geojson") && info.size() > (qint64(200) << 20))
            reason = QStringLiteral("GDAL's GeoJSON driver reads files up to 200 MB, this one is %1; save it as "
                                    "GeoPackage or FlatGeobuf").arg(formatBytes(info.size()));
        return Error{Error::Code::Format, path, {},
                     QStringLiteral("%1 (%2)").arg(info.isDir() // a Shapefile directory is a valid OGR dataset
                                                       ? QStringLiteral("is a directory with no readable vector layer")
                                                       : QStringLiteral("is not a vector file GDAL can read as GeoJSON, "
                                                                        "TopoJSON, Shapefile, GeoPackage, FlatGeobuf, KML, "
                                                                        "MapInfo, File Geodatabase or GPX"),
                                                   reason)};
    }
    if (layerName.isEmpty())
        out.layer = out.dataset->GetLayerCount() > 0 ? out.dataset->GetLayer(0) : nullptr;
    else
        out.layer = out.dataset->GetLayerByName(layerName.toUtf8().constData());
    if (!out.layer) {
        QStringList names;
        for (OGRLayer *l : out.dataset->GetLayers())
            names << QString::fromUtf8(l->GetName());
        return Error{Error::Code::Schema, path, {},
                     layerName.isEmpty() ? QStringLiteral("has no layers")
                                         : QStringLiteral("has no layer '%1' (layers: %2)").arg(layerName, names.join(u','))};
    }
    return out;
}

} // namespace

Result<BoundaryLayer::Attributes> BoundaryLayer::attributes(const QString &path, const QString &layerName)
{
    auto opened = openLayer(path, layerName);
    if (!opened)
        return opened.error();
    OGRLayer *layer = opened->layer;
    Attributes out;
    for (OGRLayer *l : opened->dataset->GetLayers())
        out.layers << QString::fromUtf8(l->GetName());
    out.layer = QString::fromUtf8(layer->GetName());
    OGRFeatureDefn *defn = layer->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        out.fields << QString::fromUtf8(defn->GetFieldDefn(i)->GetNameRef());
    layer->SetIgnoredFields(std::array<const char *, 2>{"OGR_GEOMETRY", nullptr}.data());
    layer->ResetReading();
    for (const auto &f : *layer) {
        QHash<QString, QString> row;
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            if (f->IsFieldSetAndNotNull(i))
                row.insert(out.fields.at(i), fieldText(f->GetFieldAsString(i)).trimmed());
        }
        out.rows.push_back(std::move(row));
    }
    if (auto refused = networkRefusal(path))
        return *refused;
    return out;
}

Result<BoundaryLayer> BoundaryLayer::read(const QString &path, const Projection &target, const Options &options)
{
    auto opened = openLayer(path, options.layerName);
    if (!opened)
        return opened.error();
    OGRLayer *layer = opened->layer;

    if (layer->GetFeatureCount(TRUE) == 0)
        return Error{Error::Code::Value, path, {}, QStringLiteral("has no features")};

    BoundaryLayer out;
    out.m_path = path;
    out.m_projection = target;

    OGRFeatureDefn *defn = layer->GetLayerDefn();
    int codeIndex = -1;
    for (const QString &f : options.codeFields) {
        codeIndex = defn->GetFieldIndex(f.toUtf8().constData());
        if (codeIndex >= 0) {
            out.m_codeField = f;
            break;
        }
    }
    if (codeIndex < 0 && options.kind == Kind::Polygons)
        return Error{Error::Code::Schema, path, {},
                     QStringLiteral("has none of the code fields %1").arg(options.codeFields.join(QStringLiteral(", ")))};

    auto targetSrs = spatialReference(target);
    if (!targetSrs)
        return Error{Error::Code::Value, path, {}, targetSrs.error().message};
    OGRSpatialReference sourceSrs;
    if (const OGRSpatialReference *layerSrs = layer->GetSpatialRef())
        sourceSrs = *layerSrs;
    else
        sourceSrs.SetWellKnownGeogCS("WGS84"); // as TopoJSON is
    if (auto refused = networkRefusal(path))
        return *refused;
    if (sourceSrs.IsGeographic()) {
        // GeoJSON is longitude/latitude by definition; a file written in metres without saying so is not.
        OGREnvelope env;
        if (layer->GetExtent(&env, TRUE) == OGRERR_NONE
            && (env.MinX < -180.5 || env.MaxX > 180.5 || env.MinY < -90.5 || env.MaxY > 90.5))
            return Error{Error::Code::Schema, path, {},
                         QStringLiteral("has no coordinate reference system that fits its coordinates: they are "
                                        "not longitude/latitude; save it with its CRS (a .prj file for a Shapefile)")};
    }
    sourceSrs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    TransformPtr transform(OGRCreateCoordinateTransformation(&sourceSrs, &targetSrs.value()));
    if (!transform)
        return Error{Error::Code::Value, path, {},
                     QStringLiteral("cannot be projected (%1)").arg(lastGdalError())};

    layer->ResetReading();
    int number = 0;
    for (const auto &f : *layer) {
        ++number;
        Feature feature;
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            if (f->IsFieldSetAndNotNull(i))
                feature.properties.insert(QString::fromUtf8(defn->GetFieldDefn(i)->GetNameRef()),
                                          fieldText(f->GetFieldAsString(i)));
        }
        if (codeIndex >= 0)
            feature.code = fieldText(f->GetFieldAsString(codeIndex)).trimmed();
        const QString where = feature.code.isEmpty()
                                  ? QStringLiteral("feature %1").arg(number)
                                  : QStringLiteral("feature %1 (%2 %3)").arg(number).arg(out.m_codeField, feature.code);
        if (options.kind == Kind::Polygons && feature.code.isEmpty())
            return Error{Error::Code::Value, path, where, QStringLiteral("has an empty %1").arg(out.m_codeField)};
        OGRGeometry *geom = f->GetGeometryRef();
        if (!geom || geom->IsEmpty())
            return Error{Error::Code::Value, path, where, QStringLiteral("has no geometry")};
        std::unique_ptr<OGRGeometry> projected(geom->clone());
        bool repaired = false;
        CPLErrorReset();
        if (options.kind == Kind::Polygons && !projected->IsValid()) {
            // Self-intersections and the like: repaired with GEOS make-valid, and the user is told why (GDAL
            // reports GEOS's reason as the last error message).
            const QString reason = lastGdalError();
            std::unique_ptr<OGRGeometry> fixed(projected->MakeValid());
            if (!fixed || fixed->IsEmpty())
                return Error{Error::Code::Value, path, where,
                             QStringLiteral("is not a valid polygon and cannot be repaired (%1)").arg(lastGdalError())};
            out.m_warnings << QStringLiteral("%1: not a valid polygon (%2); repaired with make-valid").arg(where, reason);
            projected = std::move(fixed);
            repaired = true;
        }
        if (projected->transform(transform.get()) != OGRERR_NONE)
            return Error{Error::Code::Value, path, where,
                         QStringLiteral("cannot be projected (%1)").arg(lastGdalError())};
        if (!collect(*projected, options.kind, feature, repaired))
            return Error{Error::Code::Value, path, where,
                         QStringLiteral("is a %1, not a %2")
                             .arg(QString::fromUtf8(OGRGeometryTypeToName(geom->getGeometryType())),
                                  options.kind == Kind::Polygons ? QStringLiteral("polygon") : QStringLiteral("line"))};
        for (const Polygon &p : feature.polygons)
            feature.bounds.expand(boundsOf(p.outer));
        for (const LineString &l : feature.lines)
            feature.bounds.expand(boundsOf(l));
        out.m_bounds.expand(feature.bounds);
        out.m_features.push_back(std::move(feature));
    }
    if (out.m_features.empty())
        return Error{Error::Code::Value, path, {}, QStringLiteral("has no features")};
    out.indexCodes();
    return out;
}

Result<PointD> projectPoint(const Projection &target, double lon, double lat)
{
    initGdal();
    auto targetSrs = spatialReference(target);
    if (!targetSrs)
        return targetSrs.error();
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    TransformPtr transform(OGRCreateCoordinateTransformation(&wgs84, &targetSrs.value()));
    double x = lon;
    double y = lat;
    if (!transform || !transform->Transform(1, &x, &y))
        return Error{Error::Code::Value, {}, {}, QStringLiteral("cannot project %1, %2").arg(lon).arg(lat)};
    return PointD{x, y};
}

bool isWorkbook(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == u"xlsx" || suffix == u"xls" || suffix == u"ods";
}

namespace {
constexpr const char *kWorkbookDrivers[] = {"XLSX", "XLS", "ODS", nullptr};

Result<GDALDatasetUniquePtr> openWorkbook(const QString &path)
{
    initGdal();
    if (Status ok = checkInputFile(path, kMaxTableBytes); !ok)
        return ok.error();
    CPLErrorReset();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, kWorkbookDrivers));
    if (!ds)
        return Error{Error::Code::Format, path, {},
                     QStringLiteral("is not a workbook GDAL can read as XLSX, XLS or ODS (%1)").arg(lastGdalError())};
    return ds;
}
} // namespace

Result<QStringList> workbookSheets(const QString &path)
{
    auto ds = openWorkbook(path);
    if (!ds)
        return ds.error();
    QStringList names;
    for (OGRLayer *l : ds.value()->GetLayers())
        names << QString::fromUtf8(l->GetName());
    if (names.isEmpty())
        return Error{Error::Code::Format, path, {}, QStringLiteral("has no sheets")};
    return names;
}

Result<std::vector<WorkbookSheet>> readWorkbook(const QString &path, const QString &sheet)
{
    auto ds = openWorkbook(path);
    if (!ds)
        return ds.error();
    std::vector<WorkbookSheet> out;
    for (OGRLayer *layer : ds.value()->GetLayers()) {
        WorkbookSheet s{QString::fromUtf8(layer->GetName()), {}};
        if (!sheet.isEmpty() && s.name != sheet)
            continue;
        // GDAL leaves out empty rows at the top; its feature ids count the sheet's rows from 1, so rows it
        // skipped are put back, empty, and row numbers stay the sheet's.
        const int fields = layer->GetLayerDefn()->GetFieldCount();
        for (const auto &f : *layer) {
            QStringList cells;
            for (int i = 0; i < fields; ++i)
                cells << (f->IsFieldSetAndNotNull(i) ? fieldText(f->GetFieldAsString(i)) : QString());
            while (qsizetype(s.rows.size()) + 1 < qsizetype(f->GetFID()))
                s.rows.emplace_back();
            s.rows.push_back(std::move(cells));
        }
        out.push_back(std::move(s));
    }
    if (out.empty()) {
        QStringList names;
        for (OGRLayer *l : ds.value()->GetLayers())
            names << QString::fromUtf8(l->GetName());
        return Error{Error::Code::Schema, path, {},
                     sheet.isEmpty() ? QStringLiteral("has no sheets")
                                     : QStringLiteral("has no sheet '%1' (sheets: %2)").arg(sheet, names.join(QStringLiteral(", ")))};
    }
    return out;
}

} // namespace renkou::core
