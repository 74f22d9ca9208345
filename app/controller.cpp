#include "controller.h"

#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

namespace renkou::app {

Controller::Controller(QObject *parent) : QObject(parent) {}
Controller::~Controller()
{
    // Results that arrive after this point are dropped: their continuations are bound to this object.
}

void Controller::load(const QString &dir)
{
    const quint64 generation = ++m_generation;
    m_incoming.reset();
    m_incomingLayers.reset();
    m_pendingSteps = 2;
    const QString cache = core::DataBundle::defaultCacheDir();
    QtConcurrent::run([dir, cache] { return core::DataBundle::load(dir, core::DataBundle::Parts::TablesAndProvinces, cache); })
        .then(this, [this, generation](core::Result<core::DataBundle> result) {
            if (!stepDone(generation, result ? nullptr : &result.error()))
                return;
            m_incoming = std::make_unique<core::DataBundle>(std::move(result).value());
            if (!m_incomingLayers) {
                // Show the first map now; the other layers join when they arrive.
                m_bundle = std::move(m_incoming);
                m_bundleGeneration = generation;
                emit bundleReady();
            } else {
                adoptIfBoth();
            }
        });
    QtConcurrent::run([dir, cache] { return core::DataBundle::loadOtherLayers(dir, cache); })
        .then(this, [this, generation](core::Result<core::DataBundle::OtherLayers> result) {
            if (!stepDone(generation, result ? nullptr : &result.error()))
                return;
            m_incomingLayers = std::move(result).value();
            adoptIfBoth();
        });
}

namespace {
core::Error notReady(const QString &path)
{
    return core::Error{core::Error::Code::Usage, path, {}, QStringLiteral("cannot be added before the data has finished loading")};
}
} // namespace

core::Result<core::TableImport> Controller::addTable(const QString &path, const std::optional<core::WideTableSpec> &wide)
{
    if (!m_bundle || isLoading())
        return notReady(path);
    return m_bundle->addTable(path, wide);
}

core::Result<core::JoinReport> Controller::replaceBoundaries(const QString &path, const core::BoundaryImportOptions &options)
{
    if (!m_bundle || isLoading())
        return notReady(path);
    return m_bundle->replaceBoundaries(path, options, core::DataBundle::defaultCacheDir());
}

core::Result<core::TableImport> Controller::addTable(core::ParsedTable table, const QHash<QString, QString> &assigned)
{
    if (!m_bundle || isLoading())
        return notReady(table.path);
    return m_bundle->addTable(std::move(table), assigned);
}

core::Result<core::JoinReport> Controller::replaceBoundaries(core::BoundaryLayer layer, const core::BoundaryImportOptions &options)
{
    if (!m_bundle || isLoading())
        return notReady(layer.path());
    return m_bundle->replaceBoundaries(std::move(layer), options);
}

bool Controller::stepDone(quint64 generation, const core::Error *error)
{
    if (generation != m_generation)
        return false; // a newer load replaced this one
    --m_pendingSteps;
    if (error) {
        m_pendingSteps = 0;
        emit failed(error->toString());
        return false;
    }
    return true;
}

void Controller::adoptIfBoth()
{
    if (!m_incomingLayers)
        return;
    if (m_incoming) {
        // Both steps of a new load finished before the first map: swap in the complete bundle at once.
        m_incoming->adopt(std::move(*m_incomingLayers));
        m_incomingLayers.reset();
        m_bundle = std::move(m_incoming);
        m_bundleGeneration = m_generation;
        emit bundleReady();
        emit layersReady();
        return;
    }
    if (m_bundle && m_bundleGeneration == m_generation && !m_bundle->hasAllLayers()) {
        m_bundle->adopt(std::move(*m_incomingLayers));
        m_incomingLayers.reset();
        emit layersReady();
    }
}

} // namespace renkou::app
