#include "databundle.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace renkou::core;
using renkou::test::dataPath;

namespace {
/// A writable copy of the fixture bundle.
QString copyFixtureBundle(const QTemporaryDir &tmp)
{
    const QDir src(dataPath(QStringLiteral("bundle")));
    const QDir dst(tmp.path());
    for (const QString &sub : {QStringLiteral("population"), QStringLiteral("boundaries")})
        dst.mkpath(sub);
    for (const QString &rel : {QStringLiteral("VERSION"), QStringLiteral("MANIFEST.sha256"), QStringLiteral("regions.csv"),
                               QStringLiteral("sources.csv"), QStringLiteral("notes.csv"),
                               QStringLiteral("population/annual.csv"), QStringLiteral("population/census.csv"),
                               QStringLiteral("population/extra.csv"),
                               QStringLiteral("boundaries/provinces.geojson"), QStringLiteral("boundaries/prefectures.geojson"),
                               QStringLiteral("boundaries/nation.geojson"), QStringLiteral("boundaries/lines.geojson")})
        EXPECT_TRUE(QFile::copy(src.filePath(rel), dst.filePath(rel))) << rel.toStdString();
    return tmp.path();
}
} // namespace

TEST(DataBundle, LoadsTheFixtureBundle)
{
    auto b = DataBundle::load(dataPath(QStringLiteral("bundle")));
    ASSERT_TRUE(b.ok()) << b.error().toString().toStdString();
    EXPECT_EQ(b->regions.ofLevel(Level::Province).size(), 3u);
    EXPECT_EQ(b->population.files().size(), 3);
    EXPECT_EQ(b->provinces.features().size(), 3u);
    EXPECT_EQ(b->prefectures.features().size(), 4u);
    EXPECT_EQ(b->lines.features().size(), 2u);
}

TEST(DataBundle, RefusesAnotherSchemaVersion)
{
    QTemporaryDir tmp;
    const QString dir = copyFixtureBundle(tmp);
    QFile version(QDir(dir).filePath(QStringLiteral("VERSION")));
    version.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    ASSERT_TRUE(version.open(QIODevice::WriteOnly | QIODevice::Truncate));
    version.write("schema 2\nbundle 99\n");
    version.close();
    const auto b = DataBundle::load(dir);
    ASSERT_FALSE(b.ok());
    EXPECT_EQ(b.error().code, Error::Code::Schema);
    EXPECT_TRUE(b.error().path.endsWith(QStringLiteral("VERSION")));
    EXPECT_TRUE(b.error().message.contains(QStringLiteral("schema 2"))) << b.error().message.toStdString();
}

TEST(DataBundle, NamesAMissingRequiredFile)
{
    QTemporaryDir tmp;
    const QString dir = copyFixtureBundle(tmp);
    ASSERT_TRUE(QFile::remove(QDir(dir).filePath(QStringLiteral("boundaries/provinces.geojson"))));
    const auto b = DataBundle::load(dir);
    ASSERT_FALSE(b.ok());
    EXPECT_TRUE(b.error().path.endsWith(QStringLiteral("boundaries/provinces.geojson")));
    EXPECT_TRUE(b.error().message.contains(QStringLiteral("missing")));
}

TEST(DataBundle, ABrokenTableStopsTheLoadWithItsName)
{
    QTemporaryDir tmp;
    const QString dir = copyFixtureBundle(tmp);
    ASSERT_TRUE(QFile::copy(dataPath(QStringLiteral("bad/population_text_value.csv")),
                            QDir(dir).filePath(QStringLiteral("population/zz_broken.csv"))));
    const auto b = DataBundle::load(dir);
    ASSERT_FALSE(b.ok());
    EXPECT_EQ(b.error().toString(), QDir(dir).filePath(QStringLiteral("population/zz_broken.csv"))
                                         + QStringLiteral(": line 3: value 'many' is not a finite number"));
}

TEST(DataBundle, LocateFollowsFlagThenEnvironmentThenConfiguredBundle)
{
    const QString fixture = dataPath(QStringLiteral("bundle"));
    EXPECT_EQ(DataBundle::locate(fixture, {}).value(), QDir(fixture).absolutePath());
    const auto missing = DataBundle::locate(QStringLiteral("/no/such/dir"), {});
    ASSERT_FALSE(missing.ok());
    EXPECT_TRUE(missing.error().toString().contains(QStringLiteral("/no/such/dir")));
    EXPECT_TRUE(missing.error().message.contains(QStringLiteral("--data")));

    qputenv("RENKOU_DATA_DIR", fixture.toUtf8());
    EXPECT_EQ(DataBundle::locate({}, {}).value(), QDir(fixture).absolutePath());
    qunsetenv("RENKOU_DATA_DIR");
    EXPECT_EQ(DataBundle::locate({}, {}).value(), QDir(renkou::test::bundlePath()).absolutePath());
}
