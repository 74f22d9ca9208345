// Local and global Moran's I on lattices of square units whose neighbours come from their outlines.
#include "geometry.h"
#include "moran.h"

#include <gtest/gtest.h>
#include <cmath>

using namespace renkou::core;

namespace {
/// Queen neighbours of an n × n lattice of unit squares, from the squares' outlines; `extra` islands far away.
std::vector<std::vector<int>> lattice(int n, int extra = 0)
{
    std::vector<MultiPolygon> squares;
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c)
            squares.push_back({Polygon{{{double(c), double(r)}, {double(c + 1), double(r)}, {double(c + 1), double(r + 1)}, {double(c), double(r + 1)}, {double(c), double(r)}}, {}}});
    for (int k = 0; k < extra; ++k)
        squares.push_back({Polygon{{{100.0 + 3 * k, 100}, {101.0 + 3 * k, 100}, {101.0 + 3 * k, 101}, {100.0 + 3 * k, 101}, {100.0 + 3 * k, 100}}, {}}});
    std::vector<const MultiPolygon *> features;
    for (const MultiPolygon &s : squares)
        features.push_back(&s);
    return queenContiguity(features);
}
} // namespace

// The statistic against a value computed independently: the formula of Anselin (1995) in Python on a 4 × 4
// queen lattice, row-standardised,
//   vals = [3,5,2,8, 6,7,9,4, 1,2,6,5, 0,3,4,7]; z = v − mean; I = Σ z_i · mean(z_j, j ~ i) / Σ z²
// gives I = 0.138, and local I_0 = −0.36, I_5 = −0.1, I_15 = 0.2 (z_i / m2 · lag_i, m2 = Σ z² / n).
TEST(Moran, GlobalAndLocalMatchAnIndependentComputation)
{
    const auto neighbours = lattice(4);
    EXPECT_EQ(neighbours[0], (std::vector<int>{1, 4, 5}));
    EXPECT_EQ(neighbours[5].size(), 8u);
    std::vector<std::optional<double>> values;
    for (double v : {3, 5, 2, 8, 6, 7, 9, 4, 1, 2, 6, 5, 0, 3, 4, 7})
        values.push_back(v);
    const MoranResult r = localMoran(values, neighbours);
    EXPECT_NEAR(r.global, 0.138, 1e-6);
    EXPECT_NEAR(*r.local[0], -0.36, 1e-6);
    EXPECT_NEAR(*r.local[5], -0.1, 1e-6);
    EXPECT_NEAR(*r.local[15], 0.2, 1e-6);
    EXPECT_EQ(r.units, 16);
}

// A hot block top left and a cold block bottom right in a 9 × 9 lattice: high-high and low-low clusters
// there, nothing significant in between; a unit without a value is no data, an island has no neighbour;
// the same seed gives the same figure.
TEST(Moran, ClustersOfAKnownPattern)
{
    const int n = 9;
    const auto neighbours = lattice(n, 1);
    std::vector<std::optional<double>> values;
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c)
            values.push_back(r < 3 && c < 3 ? 100.0 : r >= 6 && c >= 6 ? 0.0 : 50.0 + double((r * 7 + c * 3) % 5 - 2));
    values[size_t(4 * n + 8)] = std::nullopt; // a unit without data
    values.push_back(75.0);                   // the island
    const MoranResult a = localMoran(values, neighbours);
    EXPECT_EQ(a.cluster[size_t(1 * n + 1)], Cluster::HighHigh);
    EXPECT_EQ(a.cluster[size_t(7 * n + 7)], Cluster::LowLow);
    EXPECT_EQ(a.cluster[size_t(4 * n + 4)], Cluster::None);
    EXPECT_EQ(a.cluster[size_t(4 * n + 8)], Cluster::NoData);
    EXPECT_EQ(a.cluster[size_t(n * n)], Cluster::NoNeighbour);
    EXPECT_LE(a.pseudoP[size_t(1 * n + 1)], 0.05);
    EXPECT_GT(a.global, 0.3);
    EXPECT_LE(a.globalP, 0.001 + 1e-12);
    EXPECT_EQ(a.units, n * n - 1);
    const MoranResult b = localMoran(values, neighbours);
    for (size_t i = 0; i < a.pseudoP.size(); ++i) // NaN for no data and the island
        EXPECT_TRUE(a.pseudoP[i] == b.pseudoP[i] || (std::isnan(a.pseudoP[i]) && std::isnan(b.pseudoP[i]))) << i;
    // At 0.01 no more units are in clusters than at 0.05.
    const MoranResult strict = localMoran(values, neighbours, 0.01);
    const auto inClusters = [](const MoranResult &m) {
        return std::count_if(m.cluster.begin(), m.cluster.end(), [](Cluster c) { return c != Cluster::None && c != Cluster::NoData && c != Cluster::NoNeighbour; });
    };
    EXPECT_LE(inClusters(strict), inClusters(a));
    EXPECT_GT(inClusters(strict), 0);
}
