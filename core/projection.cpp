#include "projection.h"

namespace renkou::core {

Projection Projection::chinaAlbers()
{
    return {QStringLiteral("+proj=aea +lat_0=0 +lat_1=25 +lat_2=47 +lon_0=105 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs")};
}

Projection Projection::wgs84()
{
    return {QStringLiteral("+proj=longlat +datum=WGS84 +no_defs")};
}

} // namespace renkou::core
