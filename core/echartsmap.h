#pragma once
#include "result.h"

#include <QByteArray>

namespace renkou::core {

/// True if `text` (the start and the end of a JSON file) marks an ECharts map with encoded coordinates
/// (`"UTF8Encoding": true`, as ECharts' china.json has at its end).
bool isEChartsEncoded(const QByteArray &text);

/// Plain GeoJSON from an ECharts-encoded map: every ring's string decoded as ECharts does it
/// (apache/echarts, src/coord/geo/parseGeoJson.ts: zigzag- and delta-encoded characters minus 64, from the
/// ring's `encodeOffsets`, divided by `UTF8Scale`, default 1024). Error (Format) naming what is malformed.
Result<QByteArray> decodeEChartsMap(const QByteArray &json);

} // namespace renkou::core
