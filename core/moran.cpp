#include "moran.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace renkou::core {

MoranResult localMoran(const std::vector<std::optional<double>> &values, const std::vector<std::vector<int>> &neighbours,
                       double alpha, int permutations, std::uint64_t seed)
{
    const size_t n = values.size();
    MoranResult out;
    out.local.assign(n, std::nullopt);
    out.pseudoP.assign(n, std::nan(""));
    out.cluster.assign(n, Cluster::NoData);
    out.global = std::nan("");
    // The units in the analysis: a value and at least one neighbour with a value.
    std::vector<std::vector<int>> links(n);
    std::vector<int> in;
    for (size_t i = 0; i < n; ++i) {
        if (!values[i])
            continue;
        for (int j : i < neighbours.size() ? neighbours[i] : std::vector<int>{})
            if (j >= 0 && size_t(j) < n && size_t(j) != i && values[size_t(j)])
                links[i].push_back(j);
        if (links[i].empty())
            out.cluster[i] = Cluster::NoNeighbour;
        else
            in.push_back(int(i));
    }
    // Neighbours left out of the analysis (islands themselves have none) would not be units of it.
    out.units = int(in.size());
    if (in.size() < 3) {
        for (int i : in)
            out.cluster[size_t(i)] = Cluster::NoNeighbour;
        out.units = 0;
        return out;
    }
    const double mean = std::accumulate(in.begin(), in.end(), 0.0, [&](double s, int i) { return s + *values[size_t(i)]; }) / double(in.size());
    std::vector<double> z(n, 0.0);
    double sumSquares = 0;
    for (int i : in) {
        z[size_t(i)] = *values[size_t(i)] - mean;
        sumSquares += z[size_t(i)] * z[size_t(i)];
    }
    const double m2 = sumSquares / double(in.size());
    const auto lagOf = [&](size_t i) {
        double s = 0;
        for (int j : links[i])
            s += z[size_t(j)];
        return s / double(links[i].size());
    };
    std::vector<double> lag(n, 0.0);
    double cross = 0;
    for (int i : in) {
        lag[size_t(i)] = lagOf(size_t(i));
        cross += z[size_t(i)] * lag[size_t(i)];
        if (m2 > 0)
            out.local[size_t(i)] = z[size_t(i)] / m2 * lag[size_t(i)];
    }
    out.global = sumSquares > 0 ? cross / sumSquares : std::nan("");
    if (!(m2 > 0))
        return out;

    // Conditional permutation: unit i's neighbours' values drawn without replacement from the other units
    // (a partial Fisher–Yates shuffle of the pool of z values).
    std::mt19937_64 random(seed);
    std::vector<double> pool;
    pool.reserve(in.size());
    for (size_t k = 0; k < in.size(); ++k) {
        const size_t i = size_t(in[k]);
        const size_t degree = links[i].size();
        pool.clear();
        for (int j : in)
            if (size_t(j) != i)
                pool.push_back(z[size_t(j)]);
        const double observed = *out.local[i];
        int atLeast = 0;
        for (int p = 0; p < permutations; ++p) {
            double s = 0;
            for (size_t d = 0; d < degree; ++d) {
                std::uniform_int_distribution<size_t> pick(d, pool.size() - 1);
                std::swap(pool[d], pool[pick(random)]);
                s += pool[d];
            }
            atLeast += z[i] / m2 * (s / double(degree)) >= observed ? 1 : 0;
        }
        // The side the observed value lies on (esda: larger, or permutations − larger when that is fewer).
        const int extreme = std::min(atLeast, permutations - atLeast);
        out.pseudoP[i] = (extreme + 1.0) / (permutations + 1.0);
        if (out.pseudoP[i] <= alpha) {
            const bool high = z[i] > 0, highLag = lag[i] > 0;
            out.cluster[i] = high && highLag ? Cluster::HighHigh : !high && !highLag ? Cluster::LowLow : high ? Cluster::HighLow : Cluster::LowHigh;
        } else {
            out.cluster[i] = Cluster::None;
        }
    }
    // The global I against random permutations of all the values over the units.
    std::vector<double> shuffled(in.size());
    for (size_t k = 0; k < in.size(); ++k)
        shuffled[k] = z[size_t(in[k])];
    std::vector<double> placed(n, 0.0);
    int globalAtLeast = 0;
    for (int p = 0; p < permutations; ++p) {
        std::shuffle(shuffled.begin(), shuffled.end(), random);
        for (size_t k = 0; k < in.size(); ++k)
            placed[size_t(in[k])] = shuffled[k];
        double c = 0;
        for (int i : in) {
            double s = 0;
            for (int j : links[size_t(i)])
                s += placed[size_t(j)];
            c += placed[size_t(i)] * s / double(links[size_t(i)].size());
        }
        globalAtLeast += c / sumSquares >= out.global ? 1 : 0;
    }
    out.globalP = (std::min(globalAtLeast, permutations - globalAtLeast) + 1.0) / (permutations + 1.0);
    return out;
}

} // namespace renkou::core
