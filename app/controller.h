#pragma once
#include "databundle.h"

#include <QObject>
#include <QtConcurrent/QtConcurrentRun>
#include <functional>
#include <memory>
#include <optional>

namespace renkou::app {

/// Owns the data bundle and the background work that loads it. Loading runs in two parallel steps on the
/// thread pool: the tables with the province layer (enough for the first map), and the prefecture, nation
/// and line layers. A generation counter drops the results of a load that a newer load replaced.
class Controller : public QObject {
    Q_OBJECT
public:
    explicit Controller(QObject *parent = nullptr);
    ~Controller() override;

    /// Starts loading the bundle at `dir`; the current bundle stays until the new one is ready.
    void load(const QString &dir);
    /// The loaded bundle, or nullptr before the first step finished. Owned here; valid until the next
    /// bundleReady().
    const core::DataBundle *bundle() const { return m_bundle.get(); }
    bool isLoading() const { return m_pendingSteps > 0; }

    /// Adds the user's table to the loaded bundle (see DataBundle::addTable); refused while loading.
    core::Result<core::TableImport> addTable(const QString &path, const std::optional<core::WideTableSpec> &wide);
    /// Replaces a boundary layer with the user's (see DataBundle::replaceBoundaries); refused while loading.
    core::Result<core::JoinReport> replaceBoundaries(const QString &path, const core::BoundaryImportOptions &options);
    /// As addTable(path, …) for a table read in the background (PopulationStore::readTable).
    core::Result<core::TableImport> addTable(core::ParsedTable table, const QHash<QString, QString> &assigned = {});
    /// As replaceBoundaries(path, …) for a layer read in the background (DataBundle::readBoundaries).
    core::Result<core::JoinReport> replaceBoundaries(core::BoundaryLayer layer, const core::BoundaryImportOptions &options);

    /// Runs `work` (which must not touch the bundle) on the thread pool, then `done` with its result on this
    /// object's thread — unless cancelImport() was called or another import started meanwhile: then the
    /// result is dropped. The window never waits for a file.
    template <typename T>
    void runImport(std::function<T()> work, std::function<void(T)> done)
    {
        const quint64 generation = ++m_importGeneration;
        QtConcurrent::run(std::move(work)).then(this, [this, generation, done = std::move(done)](T result) {
            if (generation == m_importGeneration)
                done(std::move(result));
        });
    }
    /// Drops the result of the import running now (its reading finishes in the background, unused).
    void cancelImport() { ++m_importGeneration; }

signals:
    /// The tables and the province layer are loaded.
    void bundleReady();
    /// The prefecture, nation and line layers are loaded too.
    void layersReady();
    /// A step failed; `message` names the file and the problem.
    void failed(const QString &message);

private:
    /// Books a finished step: false when its result is stale or failed (a failure is reported).
    bool stepDone(quint64 generation, const core::Error *error);
    void adoptIfBoth();

    std::unique_ptr<core::DataBundle> m_bundle;
    std::unique_ptr<core::DataBundle> m_incoming;
    std::optional<core::DataBundle::OtherLayers> m_incomingLayers;
    quint64 m_generation = 0;
    quint64 m_importGeneration = 0;
    quint64 m_bundleGeneration = 0; ///< the load m_bundle came from
    int m_pendingSteps = 0;
};

} // namespace renkou::app
