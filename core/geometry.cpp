#include "geometry.h"

#include <boost/geometry.hpp>
#include <boost/geometry/geometries/register/point.hpp>
#include <boost/geometry/geometries/register/ring.hpp>

#include <algorithm>
#include <cmath>
#include <tuple>
#include <unordered_set>

BOOST_GEOMETRY_REGISTER_POINT_2D(renkou::core::PointD, double, boost::geometry::cs::cartesian, x, y)
BOOST_GEOMETRY_REGISTER_RING(renkou::core::Ring)

namespace bg = boost::geometry;

namespace renkou::core {

void BoxD::expand(PointD p)
{
    minX = std::min(minX, p.x);
    minY = std::min(minY, p.y);
    maxX = std::max(maxX, p.x);
    maxY = std::max(maxY, p.y);
}

void BoxD::expand(const BoxD &b)
{
    if (b.isEmpty())
        return;
    expand(PointD{b.minX, b.minY});
    expand(PointD{b.maxX, b.maxY});
}

BoxD boundsOf(const Ring &ring)
{
    BoxD box;
    for (const PointD &p : ring)
        box.expand(p);
    return box;
}

BoxD boundsOf(const MultiPolygon &polygons)
{
    BoxD box;
    for (const Polygon &poly : polygons)
        box.expand(boundsOf(poly.outer));
    return box;
}

bool contains(const Polygon &polygon, PointD p)
{
    // covered_by: a point on the outline counts as inside; orientation does not matter for rings.
    if (!bg::covered_by(p, polygon.outer))
        return false;
    return std::none_of(polygon.holes.begin(), polygon.holes.end(),
                        [&](const Ring &hole) { return bg::within(p, hole); });
}

bool contains(const MultiPolygon &polygons, PointD p)
{
    return std::any_of(polygons.begin(), polygons.end(), [&](const Polygon &poly) { return contains(poly, p); });
}

bool intersects(const MultiPolygon &polygons, const BoxD &box)
{
    const bg::model::box<PointD> b(PointD{box.minX, box.minY}, PointD{box.maxX, box.maxY});
    return std::any_of(polygons.begin(), polygons.end(), [&](const Polygon &poly) {
        const BoxD bounds = boundsOf(poly.outer);
        if (bounds.maxX < box.minX || bounds.minX > box.maxX || bounds.maxY < box.minY || bounds.minY > box.maxY)
            return false;
        return bg::intersects(poly.outer, b);
    });
}

std::vector<std::vector<int>> queenContiguity(const std::vector<const MultiPolygon *> &features)
{
    const size_t n = features.size();
    std::vector<BoxD> bounds(n);             // of each feature
    std::vector<std::vector<BoxD>> parts(n); // of each part's outer ring
    for (size_t i = 0; i < n; ++i) {
        if (!features[i])
            continue;
        for (const Polygon &p : *features[i]) {
            parts[i].push_back(boundsOf(p.outer));
            bounds[i].expand(parts[i].back());
        }
    }
    const auto apart = [](const BoxD &a, const BoxD &b) {
        return a.isEmpty() || b.isEmpty() || a.maxX < b.minX || b.maxX < a.minX || a.maxY < b.minY || b.maxY < a.minY;
    };
    std::vector<std::vector<int>> out(n);
    for (size_t i = 0; i < n; ++i) {
        for (size_t j = i + 1; j < n; ++j) {
            if (apart(bounds[i], bounds[j]))
                continue;
            bool touch = false;
            for (size_t p = 0; p < parts[i].size() && !touch; ++p)
                for (size_t q = 0; q < parts[j].size() && !touch; ++q)
                    touch = !apart(parts[i][p], parts[j][q]) && bg::intersects((*features[i])[p].outer, (*features[j])[q].outer);
            if (touch) {
                out[i].push_back(int(j));
                out[j].push_back(int(i));
            }
        }
    }
    return out;
}

namespace {

double ringArea(const Ring &ring)
{
    return std::abs(bg::area(ring));
}

double polygonArea(const Polygon &poly)
{
    double a = ringArea(poly.outer);
    for (const Ring &hole : poly.holes)
        a -= ringArea(hole);
    return a;
}

/// Crossings of the horizontal line y with the polygon's edges, sorted by x.
std::vector<double> crossings(const Polygon &poly, double y)
{
    std::vector<double> xs;
    auto scan = [&](const Ring &ring) {
        for (size_t i = 1; i < ring.size(); ++i) {
            const PointD a = ring[i - 1];
            const PointD b = ring[i];
            if ((a.y <= y && b.y > y) || (b.y <= y && a.y > y))
                xs.push_back(a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x));
        }
    };
    scan(poly.outer);
    for (const Ring &hole : poly.holes)
        scan(hole);
    std::sort(xs.begin(), xs.end());
    return xs;
}

} // namespace

double area(const MultiPolygon &polygons)
{
    double a = 0;
    for (const Polygon &poly : polygons)
        a += polygonArea(poly);
    return a;
}

Ring simplified(const Ring &ring, double tolerance)
{
    Ring out;
    bg::simplify(ring, out, tolerance);
    return out.size() < 4 ? ring : out;
}

LineString simplifiedLine(const LineString &line, double tolerance)
{
    if (line.size() < 3)
        return line;
    std::vector<char> keep(line.size(), 0);
    keep.front() = keep.back() = 1;
    std::vector<std::pair<size_t, size_t>> stack = {{0, line.size() - 1}};
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        const PointD pa = line[a];
        const PointD pb = line[b];
        const double dx = pb.x - pa.x;
        const double dy = pb.y - pa.y;
        const double len2 = dx * dx + dy * dy;
        double worst = -1;
        size_t at = a;
        for (size_t i = a + 1; i < b; ++i) {
            double d;
            if (len2 == 0) {
                d = std::hypot(line[i].x - pa.x, line[i].y - pa.y);
            } else {
                d = std::abs(dy * line[i].x - dx * line[i].y + pb.x * pa.y - pb.y * pa.x) / std::sqrt(len2);
            }
            if (d > worst) {
                worst = d;
                at = i;
            }
        }
        if (worst > tolerance) {
            keep[at] = 1;
            stack.push_back({a, at});
            stack.push_back({at, b});
        }
    }
    LineString out;
    for (size_t i = 0; i < line.size(); ++i) {
        if (keep[i])
            out.push_back(line[i]);
    }
    return out;
}

namespace {
struct EdgeKey {
    double x0, y0, x1, y1;
    bool operator==(const EdgeKey &) const = default;
};
struct EdgeHash {
    size_t operator()(const EdgeKey &k) const
    {
        const std::hash<double> h;
        return h(k.x0) ^ (h(k.y0) * 31) ^ (h(k.x1) * 1009) ^ (h(k.y1) * 7919);
    }
};
/// The same key for an edge in either direction.
EdgeKey keyOf(PointD a, PointD b)
{
    if (std::tie(a.x, a.y) > std::tie(b.x, b.y))
        std::swap(a, b);
    return {a.x, a.y, b.x, b.y};
}
} // namespace

std::vector<std::vector<LineString>> ownedEdgeRuns(const std::vector<const MultiPolygon *> &features)
{
    std::unordered_set<EdgeKey, EdgeHash> seen;
    std::vector<std::vector<LineString>> out(features.size());
    for (size_t f = 0; f < features.size(); ++f) {
        auto addRing = [&](const Ring &ring) {
            LineString run;
            for (size_t i = 1; i < ring.size(); ++i) {
                const bool owned = seen.insert(keyOf(ring[i - 1], ring[i])).second;
                if (owned) {
                    if (run.empty())
                        run.push_back(ring[i - 1]);
                    run.push_back(ring[i]);
                } else if (!run.empty()) {
                    out[f].push_back(std::move(run));
                    run = {};
                }
            }
            if (!run.empty())
                out[f].push_back(std::move(run));
        };
        for (const Polygon &poly : *features[f]) {
            addRing(poly.outer);
            for (const Ring &hole : poly.holes)
                addRing(hole);
        }
    }
    return out;
}

PointD interiorPoint(const MultiPolygon &polygons)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const Polygon *largest = nullptr;
    double largestArea = -1;
    for (const Polygon &poly : polygons) {
        const double a = polygonArea(poly);
        if (a > largestArea) {
            largestArea = a;
            largest = &poly;
        }
    }
    if (!largest || largest->outer.size() < 4)
        return {nan, nan};
    // Scan a few horizontal lines and take the middle of the widest inside interval.
    const BoxD box = boundsOf(largest->outer);
    PointD best{nan, nan};
    double bestWidth = -1;
    for (int k = 1; k < 16; ++k) {
        const double y = box.minY + box.height() * k / 16.0;
        const std::vector<double> xs = crossings(*largest, y);
        for (size_t i = 0; i + 1 < xs.size(); i += 2) {
            const double w = xs[i + 1] - xs[i];
            if (w > bestWidth) {
                bestWidth = w;
                best = {(xs[i] + xs[i + 1]) / 2, y};
            }
        }
    }
    return best;
}

} // namespace renkou::core
