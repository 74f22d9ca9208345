// Files and situations that must not hurt (../shared/cases/hostile): every case is made here in a temporary
// folder, since the shared folder is read-only in CI.
#include "../writefile.h"
#include "boundarylayer.h"
#include "classification.h"
#include "columntable.h"
#include "csvreader.h"
#include "inputfile.h"
#include "populationstore.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace renkou::core;

namespace {

using renkou::test::writeFile;

/// A TCP listener on 127.0.0.1 (an ephemeral port) that is never served: the kernel queues any connection
/// made to it, so connections() counts every request anything in the process tried.
class Listener {
public:
    Listener()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
        ::listen(m_fd, 16);
        socklen_t len = sizeof a;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&a), &len);
        m_port = ntohs(a.sin_port);
        ::fcntl(m_fd, F_SETFL, O_NONBLOCK);
    }
    ~Listener() { ::close(m_fd); }
    int port() const { return m_port; }
    int connections()
    {
        int n = 0;
        for (int c; (c = ::accept(m_fd, nullptr, nullptr)) >= 0; ++n)
            ::close(c);
        return n;
    }

private:
    int m_fd = -1;
    int m_port = 0;
};

} // namespace

// hostile/01: a local file that points at the network is refused, naming the URL, and nothing is fetched.
TEST(Hostile, ABoundaryFileThatPointsAtTheNetworkIsRefusedWithoutARequest)
{
    Listener listener;
    QTemporaryDir dir;
    const QByteArray url = "http://127.0.0.1:" + QByteArray::number(listener.port());
    const QString crsLink = dir.filePath(QStringLiteral("crs-link.geojson"));
    writeFile(crsLink, R"({"type":"FeatureCollection","crs":{"type":"link","properties":{"href":")" + url
                           + R"(/crs-link","type":"proj4"}},
"features":[{"type":"Feature","properties":{"code":"110000"},"geometry":{"type":"Polygon","coordinates":[[[116,39],[117,39],[117,40],[116,39]]]}}]})");
    // A VRT whose source is a URL, and a GeoJSON file named as a URL through GDAL's /vsicurl/.
    const QString vrt = dir.filePath(QStringLiteral("remote.vrt"));
    writeFile(vrt, "<OGRVRTDataSource><OGRVRTLayer name=\"x\"><SrcDataSource>/vsicurl/" + url
                       + "/x.geojson</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>");
    const QString wfs = dir.filePath(QStringLiteral("service.xml"));
    writeFile(wfs, "<OGRWFSDataSource><URL>" + url + "/wfs?</URL></OGRWFSDataSource>");

    auto attributes = BoundaryLayer::attributes(crsLink);
    ASSERT_FALSE(attributes.ok());
    EXPECT_TRUE(attributes.error().message.contains(QString::fromLatin1(url + "/crs-link"))) << attributes.error().toString().toStdString();
    EXPECT_TRUE(attributes.error().message.contains(QStringLiteral("network")));
    auto layer = BoundaryLayer::read(crsLink, Projection::chinaAlbers());
    ASSERT_FALSE(layer.ok());
    EXPECT_EQ(layer.error().path, crsLink);
    for (const QString &path : {vrt, wfs, QStringLiteral("/vsicurl/") + QString::fromLatin1(url) + QStringLiteral("/x.geojson")}) {
        auto other = BoundaryLayer::read(path, Projection::chinaAlbers());
        EXPECT_FALSE(other.ok()) << path.toStdString();
        EXPECT_FALSE(BoundaryLayer::attributes(path).ok()) << path.toStdString();
    }
    EXPECT_EQ(listener.connections(), 0);
}

// hostile/04, 05: a named pipe, a device or a link to one is refused at once, before anything opens it.
TEST(Hostile, SpecialFilesAreRefusedBeforeTheyAreOpened)
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("fifo.csv"));
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const QString zero = dir.filePath(QStringLiteral("zero.csv"));
    ASSERT_TRUE(QFile::link(QStringLiteral("/dev/zero"), zero));
    const QString random = dir.filePath(QStringLiteral("urandom.geojson"));
    ASSERT_TRUE(QFile::link(QStringLiteral("/dev/urandom"), random));
    QElapsedTimer timer;
    timer.start();
    for (const QString &path : {fifo, zero, random}) {
        auto table = CsvTable::read(path, {QStringLiteral("code")});
        ASSERT_FALSE(table.ok()) << path.toStdString();
        EXPECT_EQ(table.error().path, path);
        EXPECT_TRUE(table.error().message.contains(QStringLiteral("is not a regular file"))) << table.error().toString().toStdString();
        auto layer = BoundaryLayer::read(path, Projection::chinaAlbers());
        ASSERT_FALSE(layer.ok());
        EXPECT_TRUE(layer.error().message.contains(QStringLiteral("is not a regular file")));
        EXPECT_FALSE(BoundaryLayer::attributes(path).ok());
    }
    EXPECT_TRUE(CsvTable::read(fifo, {}).error().message.contains(QStringLiteral("named pipe")));
    EXPECT_TRUE(CsvTable::read(zero, {}).error().message.contains(QStringLiteral("character device")));
    // Had anything opened the pipe, it would still be waiting for a writer.
    EXPECT_LT(timer.elapsed(), 60'000);
}

TEST(Hostile, SymbolicLinkLoopsAndDanglingLinksAreNamedAsSuch)
{
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.csv"));
    const QString b = dir.filePath(QStringLiteral("b.csv"));
    ASSERT_TRUE(QFile::link(b, a));
    ASSERT_TRUE(QFile::link(a, b));
    EXPECT_TRUE(CsvTable::read(a, {}).error().message.contains(QStringLiteral("symbolic link loop")));
    EXPECT_TRUE(BoundaryLayer::read(a, Projection::chinaAlbers()).error().message.contains(QStringLiteral("symbolic link loop")));
    const QString dangling = dir.filePath(QStringLiteral("gone.csv"));
    ASSERT_TRUE(QFile::link(dir.filePath(QStringLiteral("nothing.csv")), dangling));
    EXPECT_TRUE(CsvTable::read(dangling, {}).error().message.contains(QStringLiteral("symbolic link to a file that does not exist")));
}

// hostile/05: a table larger than Renkou reads is refused by its size, before it is read.
TEST(Hostile, ATableLargerThanTheLimitIsRefusedBeforeItIsRead)
{
    QTemporaryDir dir;
    const QString big = dir.filePath(QStringLiteral("big.csv"));
    {
        QFile f(big);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("code,year,indicator,value,unit,source,flag\n");
        ASSERT_TRUE(f.resize(kMaxTableBytes + 1)); // sparse: no disk used
    }
    auto table = CsvTable::read(big, {QStringLiteral("code")});
    ASSERT_FALSE(table.ok());
    EXPECT_EQ(table.error().code, Error::Code::Value);
    EXPECT_TRUE(table.error().message.contains(QStringLiteral("larger than"))) << table.error().toString().toStdString();
    EXPECT_TRUE(table.error().message.contains(formatBytes(kMaxTableBytes)));
}

// hostile/08: a damaged cache entry (a count changed, or anything else) is dropped and the file read again,
// without trusting the count; the cache is trimmed to its limit, least recently used first.
TEST(Hostile, ADamagedLayerCacheIsRebuiltAndTheCacheIsTrimmed)
{
    QTemporaryDir dir;
    const QString geojson = dir.filePath(QStringLiteral("victim.geojson"));
    writeFile(geojson, R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"110000"},"geometry":{"type":"Polygon","coordinates":[[[116,39],[117,39],[117,40],[116,39]]]}}]})");
    const QString cache = dir.filePath(QStringLiteral("cache"));
    const BoundaryLayer::Options options;
    auto first = BoundaryLayer::readCached(geojson, Projection::chinaAlbers(), options, cache);
    ASSERT_TRUE(first.ok()) << first.error().toString().toStdString();
    const QStringList entries = QDir(cache).entryList({QStringLiteral("*.layer")}, QDir::Files);
    ASSERT_EQ(entries.size(), 1);
    const QString entry = QDir(cache).filePath(entries.front());
    QByteArray bytes;
    {
        QFile f(entry);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        bytes = f.readAll();
    }
    // Every 8-byte window past the header set to a huge count, one at a time: each load rejects the damaged
    // entry (its SHA-1 no longer matches), reads the file again and writes the entry anew.
    for (qsizetype at = 36; at + 8 <= bytes.size(); at += 8) {
        QByteArray damaged = bytes;
        damaged.replace(at, 8, QByteArray::fromHex("000000000FFFFFFF"));
        writeFile(entry, damaged);
        auto again = BoundaryLayer::readCached(geojson, Projection::chinaAlbers(), options, cache);
        ASSERT_TRUE(again.ok());
        ASSERT_EQ(again->features().size(), 1u);
        EXPECT_EQ(again->features().front().code, QStringLiteral("110000"));
        EXPECT_EQ(again->features().front().polygons.front().outer.size(), first->features().front().polygons.front().outer.size());
        QFile rebuilt(entry);
        ASSERT_TRUE(rebuilt.open(QIODevice::ReadOnly));
        EXPECT_EQ(rebuilt.readAll(), bytes) << "damage at byte " << at << " was not noticed";
    }
    // Old entries beyond the limit are removed when a new one is written; the new one stays.
    for (int i = 0; i < 3; ++i) {
        QFile old(QDir(cache).filePath(QStringLiteral("old%1.layer").arg(i)));
        ASSERT_TRUE(old.open(QIODevice::WriteOnly));
        ASSERT_TRUE(old.resize(120'000'000)); // sparse
        old.setFileTime(QDateTime::currentDateTime().addDays(-10 + i), QFileDevice::FileModificationTime);
    }
    QFile::remove(entry);
    ASSERT_TRUE(BoundaryLayer::readCached(geojson, Projection::chinaAlbers(), options, cache).ok());
    const QStringList left = QDir(cache).entryList({QStringLiteral("*.layer")}, QDir::Files);
    EXPECT_TRUE(left.contains(entries.front()));
    EXPECT_FALSE(left.contains(QStringLiteral("old0.layer")));
    qint64 total = 0;
    for (const QFileInfo &i : QDir(cache).entryInfoList({QStringLiteral("*.layer")}, QDir::Files))
        total += i.size();
    EXPECT_LE(total, qint64(256) << 20);
}

// hostile/10: text cells a spreadsheet would run as formulas are written as text; numbers stay numbers.
TEST(Hostile, CsvCellsNeverBecomeFormulas)
{
    for (const char *formula : {"=1+1", "+SUM(1;2)", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)", "\t=1", "\r=1", "-", "+"})
        EXPECT_EQ(spreadsheetSafe(QString::fromLatin1(formula)), u'\'' + QString::fromLatin1(formula)) << formula;
    for (const char *kept : {"-430000", "-430,000", "+1.5 %", "-0.25", "1e+200", "-1e+200", "山东省", "", "2020", "note - text"})
        EXPECT_EQ(spreadsheetSafe(QString::fromUtf8(kept)), QString::fromUtf8(kept)) << kept;
}

// Files GDAL opens beside the chosen one (a Shapefile's .dbf, a GeoPackage's -wal …) are checked too: a
// named pipe among them is refused at once, naming it.
TEST(Hostile, ACompanionFileThatIsAPipeIsRefused)
{
    QTemporaryDir dir;
    const QString shp = dir.filePath(QStringLiteral("units.shp"));
    writeFile(shp, QByteArray(100, '\0'));
    writeFile(dir.filePath(QStringLiteral("units.shx")), QByteArray(100, '\0'));
    ASSERT_EQ(::mkfifo(QFile::encodeName(dir.filePath(QStringLiteral("units.dbf"))).constData(), 0600), 0);
    writeFile(dir.filePath(QStringLiteral("other.csv")), "not a companion");
    for (const QString &path : {shp, dir.path()}) {
        const auto layer = BoundaryLayer::read(path, Projection::chinaAlbers());
        ASSERT_FALSE(layer.ok());
        EXPECT_TRUE(layer.error().message.contains(QStringLiteral("companion file units.dbf is not a regular file (a named pipe)")))
            << layer.error().toString().toStdString();
        EXPECT_FALSE(BoundaryLayer::attributes(path).ok());
    }
}

// A cache entry that is a pipe is no entry: the file is read again, nothing waits.
TEST(Hostile, APipeInTheLayerCacheIsNotRead)
{
    QTemporaryDir dir;
    const QString geojson = dir.filePath(QStringLiteral("victim.geojson"));
    writeFile(geojson, R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"110000"},"geometry":{"type":"Polygon","coordinates":[[[116,39],[117,39],[117,40],[116,39]]]}}]})");
    const QString cache = dir.filePath(QStringLiteral("cache"));
    ASSERT_TRUE(BoundaryLayer::readCached(geojson, Projection::chinaAlbers(), {}, cache).ok());
    const QStringList entries = QDir(cache).entryList({QStringLiteral("*.layer")}, QDir::Files);
    ASSERT_EQ(entries.size(), 1);
    const QString entry = QDir(cache).filePath(entries.front());
    ASSERT_TRUE(QFile::remove(entry));
    ASSERT_EQ(::mkfifo(QFile::encodeName(entry).constData(), 0600), 0);
    const auto again = BoundaryLayer::readCached(geojson, Projection::chinaAlbers(), {}, cache);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->features().size(), 1u);
}

// Nothing is written through a link to a device or pipe (as root, a rename would replace the device).
TEST(Hostile, OutputsNeverReplaceDevicesOrPipes)
{
    QTemporaryDir dir;
    const QString link = dir.filePath(QStringLiteral("map.png"));
    ASSERT_TRUE(QFile::link(QStringLiteral("/dev/null"), link));
    const Status status = checkOutputFile(link);
    ASSERT_FALSE(status.ok());
    EXPECT_TRUE(status.error().message.contains(QStringLiteral("not a regular file (a character device)")));
    const QString fifo = dir.filePath(QStringLiteral("data.csv"));
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    EXPECT_FALSE(checkOutputFile(fifo).ok());
    EXPECT_TRUE(checkOutputFile(dir.filePath(QStringLiteral("new.png"))).ok());
    writeFile(dir.filePath(QStringLiteral("old.png")), "x");
    EXPECT_TRUE(checkOutputFile(dir.filePath(QStringLiteral("old.png"))).ok());
}

// A format that can name other files or URLs is named when refused.
TEST(Hostile, ARefusedFormatIsNamed)
{
    QTemporaryDir dir;
    const QString vrt = dir.filePath(QStringLiteral("layer.vrt"));
    writeFile(vrt, "<OGRVRTDataSource><OGRVRTLayer name=\"x\"><SrcDataSource>other.geojson</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>");
    const auto layer = BoundaryLayer::read(vrt, Projection::chinaAlbers());
    ASSERT_FALSE(layer.ok());
    EXPECT_TRUE(layer.error().message.contains(QStringLiteral("a format Renkou does not open"))) << layer.error().toString().toStdString();
}
