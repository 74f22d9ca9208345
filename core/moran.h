#pragma once
#include <cstdint>
#include <optional>
#include <vector>

namespace renkou::core {

/// The cluster a unit falls in by local Moran's I (Anselin's LISA cluster map).
enum class Cluster {
    None,       ///< not significant
    HighHigh,   ///< a high value among high neighbours
    LowLow,     ///< a low value among low neighbours
    LowHigh,    ///< a low value among high neighbours (an outlier)
    HighLow,    ///< a high value among low neighbours (an outlier)
    NoNeighbour,///< a unit with a value but no neighbour with one (an island)
    NoData,     ///< no value
};

/// Local and global Moran's I of one variable.
struct MoranResult {
    std::vector<std::optional<double>> local; ///< I_i per unit; none without a value or neighbour
    std::vector<double> pseudoP;              ///< per unit, the permutation test's pseudo p-value (NaN without I_i)
    std::vector<Cluster> cluster;             ///< per unit
    double global = 0;                        ///< Moran's I over the units with a value and a neighbour
    double globalP = 1;                       ///< its pseudo p-value from `permutations` random permutations
    int units = 0;                            ///< units in the analysis
};

/// Local Moran's I (Anselin 1995, "Local indicators of spatial association — LISA", Geographical Analysis
/// 27: 93–115) with row-standardised weights over `neighbours` (each unit's neighbour indices, e.g.
/// queenContiguity()), for `values` (missing: no data; the unit and its links are left out).
/// I_i = z_i / m2 · Σ_j w_ij z_j with z the deviations from the mean and m2 = Σ z² / n; the global I =
/// Σ_i z_i Σ_j w_ij z_j / Σ z² (row-standardised, so S0 = n). Significance by conditional permutation as
/// GeoDa and PySAL's esda.Moran_Local do: z_i kept, its neighbours' values drawn `permutations` times from
/// the other units; the pseudo p-value is (M + 1) / (permutations + 1), M the draws at least as extreme on
/// the observed side. Units with p ≤ `alpha` are put in a cluster by the signs of z_i and its spatial lag.
/// `seed` makes a figure reproducible (GeoDa's default seed, 123456789). Fewer than 3 units: every unit
/// is NoData or NoNeighbour and the global I is NaN.
MoranResult localMoran(const std::vector<std::optional<double>> &values, const std::vector<std::vector<int>> &neighbours,
                       double alpha = 0.05, int permutations = 999, std::uint64_t seed = 123456789);

} // namespace renkou::core
