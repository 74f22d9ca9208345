#pragma once
#include <limits>
#include <vector>

namespace renkou::core {

/// A point in projected metres (or degrees for a geographic layer).
struct PointD {
    double x = 0;
    double y = 0;
};

/// A closed ring as a flat point array; the first point is repeated at the end.
using Ring = std::vector<PointD>;
using LineString = std::vector<PointD>;

struct Polygon {
    Ring outer;
    std::vector<Ring> holes;
};
using MultiPolygon = std::vector<Polygon>;

struct BoxD {
    double minX = std::numeric_limits<double>::infinity();
    double minY = std::numeric_limits<double>::infinity();
    double maxX = -std::numeric_limits<double>::infinity();
    double maxY = -std::numeric_limits<double>::infinity();

    bool isEmpty() const { return minX > maxX || minY > maxY; }
    double width() const { return maxX - minX; }
    double height() const { return maxY - minY; }
    bool contains(PointD p) const { return p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY; }
    void expand(PointD p);
    void expand(const BoxD &b);
};

BoxD boundsOf(const Ring &ring);
BoxD boundsOf(const MultiPolygon &polygons);
/// True if `p` lies inside the outer ring of `polygon` and in none of its holes.
bool contains(const Polygon &polygon, PointD p);
bool contains(const MultiPolygon &polygons, PointD p);
/// True if `box` meets an outer ring of `polygons` (overlaps, touches or lies inside it); holes are not
/// looked at. Boost.Geometry's intersects().
bool intersects(const MultiPolygon &polygons, const BoxD &box);
/// Area in squared units of the coordinates (m² on an equal-area projection).
double area(const MultiPolygon &polygons);
/// The ring simplified (Douglas–Peucker) to `tolerance`; a ring that would collapse is kept as it is, so
/// that small islands stay visible.
Ring simplified(const Ring &ring, double tolerance);
/// An open line simplified (Douglas–Peucker) to `tolerance`, keeping both ends.
LineString simplifiedLine(const LineString &line, double tolerance);
/// The outlines of a set of features with every shared edge once: for each feature, the runs of its ring
/// edges that no earlier feature has (neighbours share exact vertices, as boundaries cut from one topology
/// do). Stroking these instead of every ring draws each border once.
std::vector<std::vector<LineString>> ownedEdgeRuns(const std::vector<const MultiPolygon *> &features);
/// Queen contiguity of `features`: for each, the indices (ascending) of the others that share at least one
/// boundary point with it (a common border or a corner), as GeoDa's queen weights. Candidates by overlapping
/// bounding boxes, then Boost.Geometry's intersects() of the outer rings (holes are not looked at); a feature
/// whose rings meet no other's (an island: Hainan, Taiwan) has none. Null or empty features have none.
std::vector<std::vector<int>> queenContiguity(const std::vector<const MultiPolygon *> &features);

/// A point guaranteed inside the largest part (for labels and for finding a unit on screen);
/// {NaN, NaN} for an empty geometry.
PointD interiorPoint(const MultiPolygon &polygons);

} // namespace renkou::core
