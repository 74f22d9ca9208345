#pragma once
#include "geometry.h"

#include <memory>

namespace renkou::core {

class BoundaryLayer;

/// R-tree over the parts of a polygon layer's features, for hit tests. Keeps a pointer to the layer, which
/// must outlive it.
class SpatialIndex {
public:
    explicit SpatialIndex(const BoundaryLayer &layer);
    ~SpatialIndex();
    SpatialIndex(const SpatialIndex &) = delete;
    SpatialIndex &operator=(const SpatialIndex &) = delete;

    /// Index of the feature containing `p` (layer coordinates), or -1.
    int featureAt(PointD p) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace renkou::core
