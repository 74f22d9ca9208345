#pragma once
#include <QString>

namespace renkou::core {

/// A map projection as a value: a PROJ definition string. Carries no state; the transformation is done by
/// the boundary reader through OGR/PROJ.
struct Projection {
    QString definition;

    /// Albers equal-area for China: standard parallels 25° and 47°, central meridian 105°, metres.
    static Projection chinaAlbers();
    /// WGS84 longitude/latitude (the layer as stored).
    static Projection wgs84();

    bool operator==(const Projection &) const = default;
};

} // namespace renkou::core
