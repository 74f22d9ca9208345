#include "spatialindex.h"

#include "boundarylayer.h"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <utility>
#include <vector>

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace renkou::core {

namespace {
using BPoint = bg::model::d2::point_xy<double>;
using BBox = bg::model::box<BPoint>;
/// A box with the feature and the part of it.
using Entry = std::pair<BBox, std::pair<int, int>>;
} // namespace

struct SpatialIndex::Impl {
    const BoundaryLayer *layer = nullptr;
    bgi::rtree<Entry, bgi::rstar<16>> tree;
};

SpatialIndex::SpatialIndex(const BoundaryLayer &layer) : d(std::make_unique<Impl>())
{
    d->layer = &layer;
    std::vector<Entry> entries;
    const auto &features = layer.features();
    for (int f = 0; f < int(features.size()); ++f) {
        for (int p = 0; p < int(features[f].polygons.size()); ++p) {
            const BoxD b = boundsOf(features[f].polygons[p].outer);
            if (!b.isEmpty())
                entries.push_back({BBox(BPoint(b.minX, b.minY), BPoint(b.maxX, b.maxY)), {f, p}});
        }
    }
    d->tree = bgi::rtree<Entry, bgi::rstar<16>>(entries.begin(), entries.end());
}

SpatialIndex::~SpatialIndex() = default;

int SpatialIndex::featureAt(PointD p) const
{
    const auto &features = d->layer->features();
    for (auto it = d->tree.qbegin(bgi::covers(BPoint(p.x, p.y))); it != d->tree.qend(); ++it) {
        const auto [f, part] = it->second;
        if (contains(features[f].polygons[part], p))
            return f;
    }
    return -1;
}

} // namespace renkou::core
