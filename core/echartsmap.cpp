#include "echartsmap.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>
#include <optional>

namespace renkou::core {

namespace {

/// One ring: pairs of characters, each minus 64, zigzag-decoded, added to the previous point.
std::optional<QJsonArray> decodeRing(const QString &text, const QJsonArray &offsets, double scale)
{
    if (offsets.size() != 2 || text.size() % 2 != 0)
        return std::nullopt;
    // Offsets are quantised longitude and latitude (× 1024): anything beyond ±2^40 is no map.
    const double ox = offsets[0].toDouble(), oy = offsets[1].toDouble();
    constexpr double kLimit = double(qint64(1) << 40);
    if (!(std::abs(ox) < kLimit && std::abs(oy) < kLimit))
        return std::nullopt;
    qint64 prevX = qint64(ox);
    qint64 prevY = qint64(oy);
    QJsonArray ring;
    for (qsizetype i = 0; i + 1 < text.size(); i += 2) {
        qint64 x = qint64(text[i].unicode()) - 64;
        qint64 y = qint64(text[i + 1].unicode()) - 64;
        x = (x >> 1) ^ (-(x & 1));
        y = (y >> 1) ^ (-(y & 1));
        x += prevX;
        y += prevY;
        prevX = x;
        prevY = y;
        ring.append(QJsonArray{double(x) / scale, double(y) / scale});
    }
    return ring;
}

} // namespace

bool isEChartsEncoded(const QByteArray &text)
{
    static const QRegularExpression flag(QStringLiteral("\"UTF8Encoding\"\\s*:\\s*true"));
    return flag.match(QString::fromUtf8(text)).hasMatch();
}

Result<QByteArray> decodeEChartsMap(const QByteArray &json)
{
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull())
        return Error{Error::Code::Format, {}, {}, QStringLiteral("is not JSON (%1)").arg(parseError.errorString())};
    QJsonObject root = doc.object();
    const double scale = root.value(QStringLiteral("UTF8Scale")).toDouble(1024);
    QJsonArray features = root.value(QStringLiteral("features")).toArray();
    for (qsizetype f = 0; f < features.size(); ++f) {
        QJsonObject feature = features[f].toObject();
        QJsonObject geometry = feature.value(QStringLiteral("geometry")).toObject();
        const QString type = geometry.value(QStringLiteral("type")).toString();
        const QJsonArray coordinates = geometry.value(QStringLiteral("coordinates")).toArray();
        const QJsonArray offsets = geometry.value(QStringLiteral("encodeOffsets")).toArray();
        const auto bad = [&] {
            return Error{Error::Code::Format, {}, QStringLiteral("feature %1").arg(f + 1),
                         QStringLiteral("a ring cannot be decoded (its encodeOffsets or the length of its string is wrong)")};
        };
        QJsonArray decoded;
        if (type == u"Polygon") {
            for (qsizetype r = 0; r < coordinates.size(); ++r) {
                const auto ring = decodeRing(coordinates[r].toString(), offsets[r].toArray(), scale);
                if (!ring)
                    return bad();
                decoded.append(*ring);
            }
        } else if (type == u"MultiPolygon") {
            for (qsizetype p = 0; p < coordinates.size(); ++p) {
                QJsonArray polygon;
                const QJsonArray rings = coordinates[p].toArray();
                for (qsizetype r = 0; r < rings.size(); ++r) {
                    const auto ring = decodeRing(rings[r].toString(), offsets[p].toArray()[r].toArray(), scale);
                    if (!ring)
                        return bad();
                    polygon.append(*ring);
                }
                decoded.append(polygon);
            }
        } else {
            continue; // other geometries are not encoded
        }
        geometry.insert(QStringLiteral("coordinates"), decoded);
        geometry.remove(QStringLiteral("encodeOffsets"));
        feature.insert(QStringLiteral("geometry"), geometry);
        features[f] = feature;
    }
    root.insert(QStringLiteral("features"), features);
    root.remove(QStringLiteral("UTF8Encoding"));
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

} // namespace renkou::core
