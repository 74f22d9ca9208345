// Runs the real renkou-cli binary and checks its output and exit codes.
#include "../writefile.h"
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
    QStringList lines() const { return out.split(u'\n', Qt::SkipEmptyParts); }
};

CliRun cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(RENKOU_CLI), args);
    EXPECT_TRUE(p.waitForFinished(60000));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QString fixture()
{
    return QDir(QStringLiteral(RENKOU_TEST_DATA)).filePath(QStringLiteral("bundle"));
}

const QString kTableHeader = QStringLiteral("code,name_zh,name_en,year,value,unit,source,flag,note,rank,from_year");

} // namespace

TEST(Cli, ProvinceTableOnTheBundle)
{
    const CliRun r = cli({QStringLiteral("table"), QStringLiteral("--level"), QStringLiteral("province"),
                       QStringLiteral("--indicator"), QStringLiteral("population"), QStringLiteral("--year"),
                       QStringLiteral("2024")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QStringList lines = r.lines();
    ASSERT_EQ(lines.size(), 35); // header + 34 provincial units
    EXPECT_TRUE(lines[0].startsWith(kTableHeader));
    EXPECT_TRUE(lines[1].startsWith(QStringLiteral("110000,北京市,Beijing,2024,21830000,persons,nbs-annual-pypsa,estimate,")));
    QStringList codes;
    for (int i = 1; i < lines.size(); ++i)
        codes << lines[i].section(u',', 0, 0);
    QStringList sorted = codes;
    sorted.sort();
    EXPECT_EQ(codes, sorted);
    const auto row = [&](const QString &code) {
        for (const QString &l : lines)
            if (l.startsWith(code + u','))
                return l;
        return QString();
    };
    EXPECT_TRUE(row(QStringLiteral("370000")).startsWith(QStringLiteral("370000,山东省,Shandong,2024,100800000,persons,nbs-annual-pypsa,estimate,")));
    // Taiwan: no value, no source, and the bundle's note on why.
    EXPECT_TRUE(row(QStringLiteral("710000")).startsWith(QStringLiteral("710000,台湾省,Taiwan,2024,,persons,,,\"no resident_population for 2024 | Taiwan, Hong Kong and Macao")))
        << row(QStringLiteral("710000")).toStdString();
}

TEST(Cli, JsonTableHasTheSameKeysAndNullForNoData)
{
    const CliRun r = cli({QStringLiteral("table"), QStringLiteral("--level"), QStringLiteral("prefecture"),
                       QStringLiteral("--year"), QStringLiteral("2020"), QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    ASSERT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
    const QJsonArray rows = doc.array();
    ASSERT_GT(rows.size(), 300);
    bool sawHangzhou = false;
    bool sawNull = false;
    for (const QJsonValue &v : rows) {
        const QJsonObject o = v.toObject();
        EXPECT_EQ(o.keys().size(), 11);
        if (o.value(QStringLiteral("code")).toString() == u"330100") {
            sawHangzhou = true;
            // The census count of 1 November or a year-end estimate, and the row says which.
            const QString flag = o.value(QStringLiteral("flag")).toString();
            if (flag == u"census")
                EXPECT_EQ(o.value(QStringLiteral("value")).toDouble(), 11936010);
            else
                EXPECT_EQ(flag, QStringLiteral("estimate"));
            EXPECT_FALSE(o.value(QStringLiteral("source")).toString().isEmpty());
            EXPECT_EQ(o.value(QStringLiteral("name_zh")).toString(), QStringLiteral("杭州市"));
        }
        sawNull = sawNull || o.value(QStringLiteral("value")).isNull();
    }
    EXPECT_TRUE(sawHangzhou);
    EXPECT_TRUE(sawNull); // XPCC cities have no census count
}

TEST(Cli, SeriesOfShandongShowsThe2024Decline)
{
    const CliRun r = cli({QStringLiteral("series"), QStringLiteral("--code"), QStringLiteral("370000")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QStringList lines = r.lines();
    ASSERT_GE(lines.size(), 22);
    EXPECT_EQ(lines[0], QStringLiteral("code,year,value,unit,source,flag"));
    // One row per year, ascending, each a year-end estimate or a census count.
    int previousYear = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList f = lines[i].split(u',');
        ASSERT_EQ(f.size(), 6) << lines[i].toStdString();
        EXPECT_EQ(f[0], QStringLiteral("370000"));
        EXPECT_GT(f[1].toInt(), previousYear);
        previousYear = f[1].toInt();
        EXPECT_TRUE(f[5] == u"estimate" || f[5] == u"census") << lines[i].toStdString();
    }
    EXPECT_EQ(lines[lines.size() - 2], QStringLiteral("370000,2023,101230000,persons,nbs-annual-pypsa,estimate"));
    EXPECT_EQ(lines.last(), QStringLiteral("370000,2024,100800000,persons,nbs-annual-pypsa,estimate"));
}

TEST(Cli, RegionsListsEveryUnitOfALevel)
{
    const CliRun r = cli({QStringLiteral("regions"), QStringLiteral("--level"), QStringLiteral("province")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QStringList lines = r.lines();
    EXPECT_EQ(lines[0], QStringLiteral("code,level,parent_code,name_zh,name_en,type,region,provincial_capital"));
    EXPECT_EQ(lines.size(), 35);
    EXPECT_TRUE(lines.contains(QStringLiteral("370000,province,100000,山东省,Shandong,province,East,0")));
}

TEST(Cli, WorksOnAnotherBundleGivenWithData)
{
    const CliRun r = cli({QStringLiteral("table"), QStringLiteral("--data"), fixture(), QStringLiteral("--year"),
                       QStringLiteral("2012")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.lines(), QStringList({kTableHeader, QStringLiteral("110000,北京市,Beijing,2012,1300,persons,fixture-annual,estimate,,2,"),
                                      QStringLiteral("370000,山东省,Shandong,2012,4800,persons,fixture-annual,estimate,,1,"),
                                      QStringLiteral("710000,台湾省,Taiwan,2012,,persons,,,no resident_population for 2012,,")}));
    const CliRun series = cli({QStringLiteral("series"), QStringLiteral("--data"), fixture(), QStringLiteral("--code"),
                            QStringLiteral("370000"), QStringLiteral("--indicator"), QStringLiteral("birth_rate")});
    ASSERT_EQ(series.exitCode, 0) << series.err.toStdString();
    EXPECT_EQ(series.lines(), QStringList({QStringLiteral("code,year,value,unit,source,flag"),
                                           QStringLiteral("370000,2012,7.5,‰,fixture-annual,estimate")}));
}

TEST(Cli, HelpOnEveryCommand)
{
    for (const QString &command : {QStringLiteral("table"), QStringLiteral("series"), QStringLiteral("regions"),
                                   QStringLiteral("indicators"), QStringLiteral("classify"), QStringLiteral("map"),
                                   QStringLiteral("chart")}) {
        const CliRun r = cli({command, QStringLiteral("--help")});
        EXPECT_EQ(r.exitCode, 0) << command.toStdString();
        EXPECT_TRUE(r.out.startsWith(QStringLiteral("Usage: renkou-cli %1").arg(command))) << r.out.toStdString();
        for (const char *option : {"--data", "--table", "--table-indicator", "--boundaries", "--boundaries-layer", "--code-field"})
            EXPECT_TRUE(r.out.contains(QString::fromLatin1(option))) << command.toStdString() << " " << option;
    }
    const CliRun top = cli({QStringLiteral("--help")});
    EXPECT_EQ(top.exitCode, 0);
    EXPECT_TRUE(top.out.contains(QStringLiteral("series")));
}

TEST(Cli, UsageErrorsExitWith2)
{
    EXPECT_EQ(cli({}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("frobnicate")}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("table"), QStringLiteral("--level"), QStringLiteral("county")}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("table"), QStringLiteral("--year"), QStringLiteral("last")}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("table"), QStringLiteral("--no-such-flag")}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("series")}).exitCode, 2);
    // A one-year indicator with a span, a span backwards, a bad method.
    EXPECT_EQ(cli({QStringLiteral("table"), QStringLiteral("--indicator"), QStringLiteral("population"), QStringLiteral("--from"),
                   QStringLiteral("2020"), QStringLiteral("--to"), QStringLiteral("2024")}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("table"), QStringLiteral("--indicator"), QStringLiteral("change"), QStringLiteral("--from"),
                   QStringLiteral("2024"), QStringLiteral("--to"), QStringLiteral("2020")}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("classify"), QStringLiteral("--method"), QStringLiteral("magic")}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("classify"), QStringLiteral("--method"), QStringLiteral("manual")}).exitCode, 2);
    const CliRun unknown = cli({QStringLiteral("table"), QStringLiteral("--indicator"), QStringLiteral("happiness")});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("happiness")));
}

TEST(Cli, DataErrorsExitWith1AndNameTheFile)
{
    const CliRun noDir = cli({QStringLiteral("regions"), QStringLiteral("--data"), QStringLiteral("/no/such/bundle")});
    EXPECT_EQ(noDir.exitCode, 1);
    EXPECT_TRUE(noDir.err.contains(QStringLiteral("/no/such/bundle"))) << noDir.err.toStdString();

    const CliRun noCode = cli({QStringLiteral("series"), QStringLiteral("--code"), QStringLiteral("999999")});
    EXPECT_EQ(noCode.exitCode, 1);
    EXPECT_TRUE(noCode.err.contains(QStringLiteral("999999")));

    // A copy of the fixture bundle with a broken table.
    QTemporaryDir tmp;
    const QDir src(fixture());
    const QDir dst(tmp.path());
    dst.mkpath(QStringLiteral("population"));
    dst.mkpath(QStringLiteral("boundaries"));
    for (const QString &rel : src.entryList(QDir::Files))
        QFile::copy(src.filePath(rel), dst.filePath(rel));
    for (const QString &sub : {QStringLiteral("population"), QStringLiteral("boundaries")})
        for (const QString &rel : QDir(src.filePath(sub)).entryList(QDir::Files))
            QFile::copy(src.filePath(sub + u'/' + rel), dst.filePath(sub + u'/' + rel));
    QFile::copy(QDir(QStringLiteral(RENKOU_TEST_DATA)).filePath(QStringLiteral("bad/population_negative.csv")),
                dst.filePath(QStringLiteral("population/negative.csv")));
    const CliRun broken = cli({QStringLiteral("table"), QStringLiteral("--data"), tmp.path()});
    EXPECT_EQ(broken.exitCode, 1);
    EXPECT_TRUE(broken.err.contains(QStringLiteral("population/negative.csv: line 2: a count of persons cannot be negative")))
        << broken.err.toStdString();
    EXPECT_TRUE(broken.out.isEmpty());
}

TEST(Cli, ChangeRankingSortedByValue)
{
    const CliRun r = cli({QStringLiteral("table"), QStringLiteral("--indicator"), QStringLiteral("change"), QStringLiteral("--from"),
                          QStringLiteral("2023"), QStringLiteral("--to"), QStringLiteral("2024"), QStringLiteral("--sort"),
                          QStringLiteral("value")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QStringList lines = r.lines();
    EXPECT_EQ(lines[0], kTableHeader);
    // The largest loss first, ranked last of 31; units without data at the end.
    EXPECT_EQ(lines[1], QStringLiteral("370000,山东省,Shandong,2024,-430000,persons,nbs-annual-pypsa,estimate,,31,2023"));
    EXPECT_TRUE(lines.last().startsWith(QStringLiteral("8")) || lines.last().startsWith(QStringLiteral("7")));
    const CliRun desc = cli({QStringLiteral("table"), QStringLiteral("--indicator"), QStringLiteral("change"), QStringLiteral("--year"),
                             QStringLiteral("2024"), QStringLiteral("--sort"), QStringLiteral("value"), QStringLiteral("--desc")});
    ASSERT_EQ(desc.exitCode, 0);
    EXPECT_TRUE(desc.lines()[1].endsWith(QStringLiteral(",1,2023"))) << desc.lines()[1].toStdString();
}

TEST(Cli, RegionAndNationLevels)
{
    const CliRun r = cli({QStringLiteral("table"), QStringLiteral("--level"), QStringLiteral("region"), QStringLiteral("--year"),
                          QStringLiteral("2024")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QStringList codes;
    for (const QString &l : r.lines().mid(1))
        codes << l.section(u',', 0, 0);
    EXPECT_EQ(codes, QStringList({QStringLiteral("Central"), QStringLiteral("East"), QStringLiteral("Northeast"), QStringLiteral("West")}));
    EXPECT_TRUE(r.out.contains(QStringLiteral("estimate;rollup")));
    const CliRun nation = cli({QStringLiteral("table"), QStringLiteral("--data"), fixture(), QStringLiteral("--level"),
                               QStringLiteral("nation"), QStringLiteral("--year"), QStringLiteral("2012")});
    ASSERT_EQ(nation.exitCode, 0) << nation.err.toStdString();
    EXPECT_EQ(nation.lines().value(1), QStringLiteral("100000,中华人民共和国,China,2012,6100,persons,fixture-annual,estimate;rollup,sum of its 2 units,1,"));
}

TEST(Cli, IndicatorsListsEveryComputedIndicator)
{
    const CliRun r = cli({QStringLiteral("indicators")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.lines()[0], QStringLiteral("name,unit,spans_years,description,needs"));
    QStringList names;
    for (const QString &l : r.lines().mid(1))
        names << l.section(u',', 0, 0);
    for (const char *n : {"population", "change", "change_pct", "cagr_pct", "natural_increase", "net_migration",
                          "net_migration_rate", "capital_share_pct", "share_pct", "density", "urban_share_pct", "sex_ratio"})
        EXPECT_TRUE(names.contains(QString::fromLatin1(n))) << n;
}

TEST(Cli, ClassifyQuantileAndDiverging)
{
    const CliRun q = cli({QStringLiteral("classify"), QStringLiteral("--indicator"), QStringLiteral("population"), QStringLiteral("--year"),
                          QStringLiteral("2024"), QStringLiteral("--method"), QStringLiteral("quantile"), QStringLiteral("--classes"),
                          QStringLiteral("5")});
    ASSERT_EQ(q.exitCode, 0) << q.err.toStdString();
    const QStringList lines = q.lines();
    ASSERT_EQ(lines.size(), 7); // header, 5 classes, no data
    EXPECT_EQ(lines[0], QStringLiteral("class,lower,upper,count,label,color"));
    int counted = 0;
    for (int i = 1; i <= 5; ++i)
        counted += lines[i].section(u',', 3, 3).toInt();
    EXPECT_EQ(counted, 31);
    EXPECT_EQ(lines[6], QStringLiteral(",,,3,no data,#d9d9d9"));
    EXPECT_TRUE(lines[5].endsWith(QStringLiteral(",#253494")));

    const CliRun d = cli({QStringLiteral("classify"), QStringLiteral("--indicator"), QStringLiteral("change"), QStringLiteral("--year"),
                          QStringLiteral("2024"), QStringLiteral("--method"), QStringLiteral("diverging"), QStringLiteral("--classes"),
                          QStringLiteral("3")});
    ASSERT_EQ(d.exitCode, 0) << d.err.toStdString();
    const QStringList dl = d.lines();
    ASSERT_EQ(dl.size(), 9); // header, 3 + 1 + 3 classes, no data
    // Guangdong's +740,000 is the largest change either way: it sets the width of both sides.
    EXPECT_EQ(dl[1].section(u',', 1, 1), QStringLiteral("-740000"));
    EXPECT_EQ(dl[7].section(u',', 2, 2), QStringLiteral("740000"));
    EXPECT_TRUE(dl[4].endsWith(QStringLiteral("no change,#f7f7f7"))) << dl[4].toStdString();
}

namespace {
QString runTool(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}
} // namespace

TEST(Cli, MapExportsPngSvgAndPdf)
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("map.png"));
    const CliRun r = cli({QStringLiteral("map"), QStringLiteral("--year"), QStringLiteral("2024"), QStringLiteral("--out"), png,
                          QStringLiteral("--scale"), QStringLiteral("2")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(QImage(png).size(), QSize(1700, 1200));

    const QString pdf = dir.filePath(QStringLiteral("change.pdf"));
    const CliRun p = cli({QStringLiteral("map"), QStringLiteral("--indicator"), QStringLiteral("population"), QStringLiteral("--diverging"),
                          QStringLiteral("--year"), QStringLiteral("2024"), QStringLiteral("--out"), pdf});
    ASSERT_EQ(p.exitCode, 0) << p.err.toStdString();
    // 850×600 layout pixels at 96 per inch: a 637.5 × 450 pt page. Title, names and sources stay text.
    const QString info = runTool(QStringLiteral("pdfinfo"), {pdf});
    EXPECT_TRUE(info.contains(QRegularExpression(QStringLiteral("Page size: +637\\.5 x 450 pts")))) << info.toStdString();
    const QString text = runTool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    EXPECT_TRUE(text.contains(QStringLiteral("Change in resident population"))) << text.left(300).toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("2023–2024")));
    // Names whose characters Noto Sans CJK shares with Kangxi and CJK radicals (山, 青, 龙) extract as the
    // ideographs, so a search for 山东 finds it. Labels are the standard map's short forms (山东, not 山东省).
    for (const char *name : {"吉林", "山东", "青海", "黑龙江", "山西", "内蒙古", "新疆", "广西"})
        EXPECT_TRUE(text.contains(QString::fromUtf8(name))) << name;
    EXPECT_FALSE(text.contains(QStringLiteral("山东省")));
    EXPECT_FALSE(text.contains(QRegularExpression(QStringLiteral("[\\x{2E80}-\\x{2FDF}]")))) << text.toStdString();
    // The source line is short: publisher and years, never a repository or a commit.
    EXPECT_TRUE(text.contains(QStringLiteral("Source: National Bureau of Statistics (2023–2024)"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("commit")));
    EXPECT_FALSE(text.contains(QStringLiteral("github")));

    const QString svg = dir.filePath(QStringLiteral("map.svg"));
    ASSERT_EQ(cli({QStringLiteral("map"), QStringLiteral("--year"), QStringLiteral("2024"), QStringLiteral("--out"), svg,
                   QStringLiteral("--lang"), QStringLiteral("en")}).exitCode, 0);
    QFile f(svg);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QString xml = QString::fromUtf8(f.readAll());
    EXPECT_TRUE(xml.contains(QStringLiteral("Resident population")));
    EXPECT_TRUE(xml.contains(QStringLiteral(">Shandong<")));
}

TEST(Cli, MapNeverReplacesAFileWithoutForce)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("map.png"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("earlier");
    f.close();
    const CliRun refused = cli({QStringLiteral("map"), QStringLiteral("--out"), path});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("--force"))) << refused.err.toStdString();
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), QByteArray("earlier"));
    f.close();
    EXPECT_EQ(cli({QStringLiteral("map"), QStringLiteral("--out"), path, QStringLiteral("--force")}).exitCode, 0);
    EXPECT_FALSE(QImage(path).isNull());
    // Usage errors: no --out, an unknown suffix, a level without boundaries (the nation is one unit).
    EXPECT_EQ(cli({QStringLiteral("map")}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("map"), QStringLiteral("--out"), dir.filePath(QStringLiteral("m.gif"))}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("map"), QStringLiteral("--level"), QStringLiteral("nation"), QStringLiteral("--out"),
                   dir.filePath(QStringLiteral("n.png"))}).exitCode, 2);
    // The NBS regions are a map level, drawn from the provinces' outlines.
    EXPECT_EQ(cli({QStringLiteral("map"), QStringLiteral("--level"), QStringLiteral("region"), QStringLiteral("--out"),
                   dir.filePath(QStringLiteral("r.png"))}).exitCode, 0);
    EXPECT_FALSE(QImage(dir.filePath(QStringLiteral("r.png"))).isNull());
}

// animate: the format follows --out's suffix; a video starts with its container's signature; fewer than two
// years with data and an unknown suffix are errors, not files.
TEST(Cli, AnimateWritesGifMp4AndWebm)
{
    QTemporaryDir dir;
    const std::pair<const char *, QByteArray> outputs[] = {{"a.gif", "GIF89a"}, {"a.mp4", "ftyp"}, {"a.webm", "\x1a\x45\xdf\xa3"}};
    for (const auto &[name, signature] : outputs) {
        const QString path = dir.filePath(QString::fromLatin1(name));
        const CliRun r = cli({QStringLiteral("animate"), QStringLiteral("--from"), QStringLiteral("2021"), QStringLiteral("--to"),
                              QStringLiteral("2024"), QStringLiteral("--scale"), QStringLiteral("0.5"), QStringLiteral("--out"), path});
        ASSERT_EQ(r.exitCode, 0) << name << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(QStringLiteral("4 frames (2021–2024)"))) << r.err.toStdString();
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly)) << name;
        EXPECT_TRUE(f.read(12).contains(signature)) << name;
    }
    EXPECT_EQ(cli({QStringLiteral("animate"), QStringLiteral("--from"), QStringLiteral("2021"), QStringLiteral("--to"), QStringLiteral("2024"),
                   QStringLiteral("--out"), dir.filePath(QStringLiteral("a.avi"))})
                  .exitCode,
              2);
    EXPECT_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("a.avi"))));
}

// Clusters (local Moran's I) are indicators of table and map, listed as such, with the global statistic on
// stderr.
TEST(Cli, ClustersAreAnIndicatorWithTheGlobalStatisticOnStderr)
{
    const CliRun list = cli({QStringLiteral("indicators")});
    ASSERT_EQ(list.exitCode, 0);
    EXPECT_TRUE(list.out.contains(QStringLiteral("change_pct_clusters,category,1,\"Clusters of:"))) << list.out.toStdString();
    EXPECT_TRUE(list.out.contains(QStringLiteral("local Moran's I")));
    const CliRun table = cli({QStringLiteral("table"), QStringLiteral("--indicator"), QStringLiteral("change_pct_clusters"), QStringLiteral("--from"),
                              QStringLiteral("2010"), QStringLiteral("--to"), QStringLiteral("2020")});
    ASSERT_EQ(table.exitCode, 0) << table.err.toStdString();
    EXPECT_TRUE(table.err.contains(QStringLiteral("Global Moran's I"))) << table.err.toStdString();
    EXPECT_TRUE(table.out.contains(QStringLiteral(",Heilongjiang,2020,2,category,"))) << "Heilongjiang: a low-low cluster";
    EXPECT_TRUE(table.out.contains(QStringLiteral("Low–low cluster")));
    QTemporaryDir dir;
    const CliRun map = cli({QStringLiteral("map"), QStringLiteral("--indicator"), QStringLiteral("change_pct_clusters"), QStringLiteral("--from"),
                            QStringLiteral("2010"), QStringLiteral("--to"), QStringLiteral("2020"), QStringLiteral("--out"),
                            dir.filePath(QStringLiteral("clusters.svg"))});
    ASSERT_EQ(map.exitCode, 0) << map.err.toStdString();
    EXPECT_TRUE(map.err.contains(QStringLiteral("Global Moran's I")));
    QFile svg(dir.filePath(QStringLiteral("clusters.svg")));
    ASSERT_TRUE(svg.open(QIODevice::ReadOnly));
    EXPECT_TRUE(QString::fromUtf8(svg.readAll()).contains(QStringLiteral(">Low–low cluster  (4)<"))) << "the Northeast and its neighbour in the legend";
}

TEST(Cli, ChartExportsIndexedSeries)
{
    QTemporaryDir dir;
    const QString svg = dir.filePath(QStringLiteral("chart.svg"));
    const CliRun r = cli({QStringLiteral("chart"), QStringLiteral("--codes"), QStringLiteral("370000,440000"), QStringLiteral("--mode"),
                          QStringLiteral("indexed"), QStringLiteral("--out"), svg});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QFile f(svg);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QString xml = QString::fromUtf8(f.readAll());
    EXPECT_TRUE(xml.contains(QStringLiteral("index, 2000 = 100")));
    EXPECT_TRUE(xml.contains(QStringLiteral("Shandong")));
    EXPECT_TRUE(xml.contains(QStringLiteral("Guangdong")));
    // An English figure names the units in English only, keys its dashed lines and sets its notes' ranges
    // with an en dash.
    EXPECT_FALSE(xml.contains(QStringLiteral("山东"))) << "a Chinese name in an English chart";
    EXPECT_TRUE(xml.contains(QStringLiteral("series break")));
    EXPECT_FALSE(xml.contains(QStringLiteral("2011-2019")));
    const QString png = dir.filePath(QStringLiteral("chart.png"));
    ASSERT_EQ(cli({QStringLiteral("chart"), QStringLiteral("--codes"), QStringLiteral("370000"), QStringLiteral("--out"), png,
                   QStringLiteral("--width-mm"), QStringLiteral("85"), QStringLiteral("--dpi"), QStringLiteral("600")}).exitCode, 0);
    EXPECT_EQ(QImage(png).width(), 2008);
    const QString bars = dir.filePath(QStringLiteral("change.svg"));
    ASSERT_EQ(cli({QStringLiteral("chart"), QStringLiteral("--codes"), QStringLiteral("370000"), QStringLiteral("--mode"),
                   QStringLiteral("change"), QStringLiteral("--out"), bars}).exitCode, 0);
    QFile b(bars);
    ASSERT_TRUE(b.open(QIODevice::ReadOnly));
    EXPECT_TRUE(QString::fromUtf8(b.readAll()).contains(QStringLiteral("change from the year before")));
    // Changsha's share of Hunan and Guiyang's of Guizhou: an axis in % and the rule for the whole under it.
    const QString share = dir.filePath(QStringLiteral("share.svg"));
    const CliRun s = cli({QStringLiteral("chart"), QStringLiteral("--codes"), QStringLiteral("430100,520100"), QStringLiteral("--mode"),
                          QStringLiteral("share"), QStringLiteral("--out"), share});
    ASSERT_EQ(s.exitCode, 0) << s.err.toStdString();
    QFile sh(share);
    ASSERT_TRUE(sh.open(QIODevice::ReadOnly));
    const QString shareXml = QString::fromUtf8(sh.readAll());
    EXPECT_TRUE(shareXml.contains(QStringLiteral("share of the province (%)")));
    EXPECT_TRUE(shareXml.contains(QStringLiteral("Unit: %.")));
    EXPECT_TRUE(shareXml.contains(QStringLiteral("Changsha")));
    EXPECT_TRUE(shareXml.contains(QStringLiteral("Guiyang")));
    EXPECT_EQ(cli({QStringLiteral("chart"), QStringLiteral("--codes"), QStringLiteral("999999"), QStringLiteral("--out"),
                   dir.filePath(QStringLiteral("x.png"))}).exitCode, 1);
    EXPECT_EQ(cli({QStringLiteral("chart"), QStringLiteral("--codes"), QStringLiteral("370000"), QStringLiteral("--mode"),
                   QStringLiteral("bars"), QStringLiteral("--out"), dir.filePath(QStringLiteral("x.png"))}).exitCode, 2);
}

// Clusters at p ≤ 0.01 are the clusters at 0.05 that pass the stricter test: never more units, said on stderr;
// another p-value is a usage error.
TEST(Cli, ClustersAtTheStricterSignificance)
{
    const auto inClusters = [](const QString &csv) {
        int n = 0;
        for (const QString &line : csv.split(u'\n'))
            for (const char *type : {",1,category,", ",2,category,", ",3,category,", ",4,category,"})
                n += line.contains(QLatin1String(type)) ? 1 : 0;
        return n;
    };
    const QStringList args = {QStringLiteral("table"), QStringLiteral("--indicator"), QStringLiteral("change_pct_clusters"),
                              QStringLiteral("--from"), QStringLiteral("2010"), QStringLiteral("--to"), QStringLiteral("2020")};
    const CliRun loose = cli(args);
    const CliRun strict = cli(args + QStringList{QStringLiteral("--significance"), QStringLiteral("0.01")});
    ASSERT_EQ(loose.exitCode, 0) << loose.err.toStdString();
    ASSERT_EQ(strict.exitCode, 0) << strict.err.toStdString();
    EXPECT_TRUE(loose.err.contains(QStringLiteral("clusters at p ≤ 0.05"))) << loose.err.toStdString();
    EXPECT_TRUE(strict.err.contains(QStringLiteral("clusters at p ≤ 0.01"))) << strict.err.toStdString();
    EXPECT_GT(inClusters(loose.out), 0);
    EXPECT_LE(inClusters(strict.out), inClusters(loose.out));
    EXPECT_EQ(cli(args + QStringList{QStringLiteral("--significance"), QStringLiteral("0.1")}).exitCode, 2);
}

// Components of change: bars of natural increase and net migration with the change, the residual caveat and the
// years without components named; several units as small multiples under one title.
TEST(Cli, ChartOfComponentsOfChange)
{
    QTemporaryDir dir;
    const QString svg = dir.filePath(QStringLiteral("components.svg"));
    const CliRun r = cli({QStringLiteral("chart"), QStringLiteral("--codes"), QStringLiteral("230000"), QStringLiteral("--mode"),
                          QStringLiteral("components"), QStringLiteral("--out"), svg});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QFile f(svg);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QString xml = QString::fromUtf8(f.readAll());
    EXPECT_TRUE(xml.contains(QStringLiteral("Heilongjiang: natural increase and net migration, 20")));
    EXPECT_TRUE(xml.contains(QStringLiteral(">Natural increase<")));
    EXPECT_TRUE(xml.contains(QStringLiteral(">Net migration<")));
    EXPECT_TRUE(xml.contains(QStringLiteral("Net migration is a residual")));
    EXPECT_TRUE(xml.contains(QStringLiteral(">persons<"))); // the axis's unit; its ticks read "500 k", "1 M"
    const QString grid = dir.filePath(QStringLiteral("northeast.png"));
    const CliRun g = cli({QStringLiteral("chart"), QStringLiteral("--codes"), QStringLiteral("210000,220000,230000"), QStringLiteral("--mode"),
                          QStringLiteral("components"), QStringLiteral("--out"), grid});
    ASSERT_EQ(g.exitCode, 0) << g.err.toStdString();
    EXPECT_FALSE(QImage(grid).isNull());
    const CliRun bad = cli({QStringLiteral("chart"), QStringLiteral("--codes"), QStringLiteral("230000"), QStringLiteral("--mode"),
                            QStringLiteral("parts"), QStringLiteral("--out"), grid});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("components")));
    // The numbers behind the chart: the parts add up to the change; a year without rates has the change alone.
    const CliRun numbers = cli({QStringLiteral("components"), QStringLiteral("--codes"), QStringLiteral("230000")});
    ASSERT_EQ(numbers.exitCode, 0) << numbers.err.toStdString();
    const QStringList lines = numbers.out.split(u'\n', Qt::SkipEmptyParts);
    ASSERT_GT(lines.size(), 10);
    EXPECT_TRUE(lines.front().startsWith(QStringLiteral("code,name_zh,name_en,year,change,natural_increase,net_migration,note")));
    int summed = 0;
    for (const QString &line : lines.mid(1)) {
        const QStringList cells = line.split(u',');
        ASSERT_GE(cells.size(), 7);
        if (cells[5].isEmpty()) {
            EXPECT_TRUE(cells[6].isEmpty()) << "no net migration without natural increase";
            continue;
        }
        EXPECT_NEAR(cells[5].toDouble() + cells[6].toDouble(), cells[4].toDouble(), 1.0) << line.toStdString();
        ++summed;
    }
    EXPECT_GT(summed, 10);
    EXPECT_EQ(cli({QStringLiteral("components"), QStringLiteral("--codes"), QStringLiteral("999999")}).exitCode, 1);
}

TEST(Cli, OwnWideTableOnEveryCommandNeedsItsIndicatorAndUnit)
{
    const QString wide = QDir(QStringLiteral(RENKOU_TEST_DATA)).filePath(QStringLiteral("own/wide_population.csv"));
    const CliRun bare = cli({QStringLiteral("series"), QStringLiteral("--code"), QStringLiteral("370000"),
                             QStringLiteral("--data"), fixture(), QStringLiteral("--table"), wide});
    EXPECT_EQ(bare.exitCode, 2);
    EXPECT_TRUE(bare.err.contains(wide + QStringLiteral(": is a wide table"))) << bare.err.toStdString();

    const CliRun r = cli({QStringLiteral("series"), QStringLiteral("--code"), QStringLiteral("370000"),
                          QStringLiteral("--data"), fixture(), QStringLiteral("--table"), wide,
                          QStringLiteral("--table-indicator"), QStringLiteral("resident_population"),
                          QStringLiteral("--table-unit"), QStringLiteral("persons")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.lines().contains(QStringLiteral("370000,2014,4650,persons,wide_population.csv,estimate")))
        << r.out.toStdString();
    // 2015 is NA in the file: no row, not 0.
    EXPECT_FALSE(r.out.contains(QStringLiteral("370000,2015")));
    EXPECT_TRUE(r.err.contains(QStringLiteral("2 empty cells left as no data"))) << r.err.toStdString();

    // The table command sees the same value, ranked among the units that have one.
    const CliRun t = cli({QStringLiteral("table"), QStringLiteral("--year"), QStringLiteral("2014"),
                          QStringLiteral("--data"), fixture(), QStringLiteral("--table"), wide,
                          QStringLiteral("--table-indicator"), QStringLiteral("resident_population"),
                          QStringLiteral("--table-unit"), QStringLiteral("persons")});
    ASSERT_EQ(t.exitCode, 0) << t.err.toStdString();
    EXPECT_TRUE(t.out.contains(QStringLiteral("370000,山东省,Shandong,2014,4650,persons,wide_population.csv,estimate")))
        << t.out.toStdString();
}

TEST(Cli, OwnBoundariesAreJoinedAndReported)
{
    const QString own = QDir(QStringLiteral(RENKOU_TEST_DATA)).filePath(QStringLiteral("own/duplicate_codes.geojson"));
    const CliRun r = cli({QStringLiteral("table"), QStringLiteral("--level"), QStringLiteral("prefecture"),
                          QStringLiteral("--indicator"), QStringLiteral("density"), QStringLiteral("--year"),
                          QStringLiteral("2010"), QStringLiteral("--data"), fixture(), QStringLiteral("--boundaries"), own,
                          QStringLiteral("--boundaries-level"), QStringLiteral("prefecture")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("In the table, not on the map (1): 青岛市 370200"))) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("Features of one unit joined into one (1): 370100 (2 features)"))) << r.err.toStdString();
    // Qingdao is not on these boundaries: its density has no area, so no value.
    const QStringList qingdao = r.lines().filter(QRegularExpression(QStringLiteral("^370200,")));
    ASSERT_EQ(qingdao.size(), 1) << r.out.toStdString();
    EXPECT_EQ(qingdao[0].section(u',', 4, 4), QString()) << qingdao[0].toStdString();
    const QStringList jinan = r.lines().filter(QRegularExpression(QStringLiteral("^370100,")));
    ASSERT_EQ(jinan.size(), 1);
    EXPECT_FALSE(jinan[0].section(u',', 4, 4).isEmpty()) << jinan[0].toStdString();
    const CliRun badLevel = cli({QStringLiteral("regions"), QStringLiteral("--data"), fixture(), QStringLiteral("--boundaries"),
                                 own, QStringLiteral("--boundaries-level"), QStringLiteral("county")});
    EXPECT_EQ(badLevel.exitCode, 2);
}

TEST(Cli, BadOwnTableExitsWith1NamingFileAndLine)
{
    const QString bad = QDir(QStringLiteral(RENKOU_TEST_DATA)).filePath(QStringLiteral("bad/wide_text_cell.csv"));
    const CliRun r = cli({QStringLiteral("regions"), QStringLiteral("--data"), fixture(), QStringLiteral("--table"), bad,
                          QStringLiteral("--table-indicator"), QStringLiteral("resident_population"),
                          QStringLiteral("--table-unit"), QStringLiteral("persons")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(bad + QStringLiteral(": line 3, column 2021: value 'abc' is not a finite number")))
        << r.err.toStdString();
    EXPECT_TRUE(r.out.isEmpty());
}

using renkou::test::writeFile;

// hostile/04, 05: a named pipe or a device as a table ends at once with exit 1 and the file named.
TEST(Cli, SpecialFilesAsTablesExitAtOnce)
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("fifo.csv"));
    ASSERT_EQ(QProcess::execute(QStringLiteral("mkfifo"), {fifo}), 0);
    const QString zero = dir.filePath(QStringLiteral("zero.csv"));
    ASSERT_TRUE(QFile::link(QStringLiteral("/dev/zero"), zero));
    for (const QString &path : {fifo, zero}) {
        const CliRun r = cli({QStringLiteral("table"), QStringLiteral("--table"), path});
        EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(path));
        EXPECT_TRUE(r.err.contains(QStringLiteral("is not a regular file"))) << r.err.toStdString();
    }
}

// hostile/07: Jenks on values near 1e200 gives the classes asked for.
TEST(Cli, JenksOnHugeValuesGivesTwoClasses)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("jenks-1e200.csv"));
    writeFile(path, "code,year,indicator,value,unit,source,flag\n110000,2020,big,1e200,ratio,s,estimate\n"
                    "120000,2020,big,2e200,ratio,s,estimate\n130000,2020,big,3e200,ratio,s,estimate\n");
    const CliRun r = cli({QStringLiteral("classify"), QStringLiteral("--table"), path, QStringLiteral("--indicator"),
                          QStringLiteral("big"), QStringLiteral("--year"), QStringLiteral("2020"), QStringLiteral("--method"),
                          QStringLiteral("jenks"), QStringLiteral("--classes"), QStringLiteral("2")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    int classes = 0;
    for (const QString &line : r.lines().mid(1))
        classes += line.startsWith(u',') ? 0 : 1; // the "no data" row has no class number
    EXPECT_EQ(classes, 2) << r.out.toStdString();
    EXPECT_FALSE(r.out.contains(QStringLiteral("inf")));
}

// hostile/10: renkou-cli table writes formula-like text cells as text; --raw writes them as they are.
TEST(Cli, TableCellsNeverBecomeFormulasUnlessRaw)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("formula.csv"));
    writeFile(path, "code,year,indicator,value,unit,source,flag\n"
                    "110000,2020,inj,-1,=1+1,\"=HYPERLINK(\"\"http://x.invalid/\"\",\"\"click\"\")\",estimate\n"
                    "120000,2020,inj,2,=1+1,+SUM(1;2),estimate\n130000,2020,inj,3,=1+1,@SUM(1+1),estimate\n");
    const QStringList args = {QStringLiteral("table"), QStringLiteral("--table"), path, QStringLiteral("--indicator"),
                              QStringLiteral("inj"), QStringLiteral("--year"), QStringLiteral("2020")};
    const CliRun safe = cli(args);
    ASSERT_EQ(safe.exitCode, 0) << safe.err.toStdString();
    static const QRegularExpression formulaCell(QStringLiteral("(^|,)\"?[=+@]"));
    for (const QString &line : safe.lines())
        EXPECT_FALSE(formulaCell.match(line).hasMatch()) << line.toStdString();
    EXPECT_TRUE(safe.out.contains(QStringLiteral("110000,北京市,Beijing,2020,-1,'=1+1,")));
    EXPECT_TRUE(safe.out.contains(QStringLiteral(",\"'+SUM(1,2)\","))) << safe.out.toStdString(); // ';' separates sources
    const CliRun raw = cli(args + QStringList{QStringLiteral("--raw")});
    ASSERT_EQ(raw.exitCode, 0);
    EXPECT_TRUE(raw.out.contains(QStringLiteral(",=1+1,\"+SUM(1,2)\",")));
}

// hostile/13: a PNG beyond the pixel limit is refused at once, naming its size; nothing is written.
TEST(Cli, AHugePngIsRefusedByItsPixelCount)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("w.png"));
    const CliRun r = cli({QStringLiteral("map"), QStringLiteral("--out"), out, QStringLiteral("--width-mm"),
                          QStringLiteral("1000"), QStringLiteral("--dpi"), QStringLiteral("1200")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("megapixels"))) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(out));
}

// hostile/08: a damaged cache entry is rejected at once and the file read again.
TEST(Cli, ADamagedLayerCacheIsReadAgain)
{
    QTemporaryDir dir;
    const QString geojson = dir.filePath(QStringLiteral("victim.geojson"));
    writeFile(geojson, R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"110000"},"geometry":{"type":"Polygon","coordinates":[[[116,39],[117,39],[117,40],[116,39]]]}}]})");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CACHE_HOME"), dir.filePath(QStringLiteral("cache")));
    auto run = [&] {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(RENKOU_CLI), {QStringLiteral("table"), QStringLiteral("--boundaries"), geojson});
        EXPECT_TRUE(p.waitForFinished(60000));
        return p.exitCode();
    };
    ASSERT_EQ(run(), 0);
    QStringList entries;
    for (QDirIterator it(dir.filePath(QStringLiteral("cache")), {QStringLiteral("*.layer")}, QDir::Files, QDirIterator::Subdirectories); it.hasNext();)
        entries << it.next();
    ASSERT_FALSE(entries.isEmpty());
    for (const QString &entry : entries) {
        QFile f(entry);
        ASSERT_TRUE(f.open(QIODevice::ReadWrite));
        f.seek(0x58 < f.size() ? 0x58 : 36);
        f.write(QByteArray::fromHex("000000000FFFFFFF"));
    }
    EXPECT_EQ(run(), 0);
}

// An export through a link to a device is refused, and the device stays as it was.
TEST(Cli, AnExportNeverReplacesADevice)
{
    QTemporaryDir dir;
    const QString link = dir.filePath(QStringLiteral("map.png"));
    ASSERT_TRUE(QFile::link(QStringLiteral("/dev/null"), link));
    const CliRun r = cli({QStringLiteral("map"), QStringLiteral("--out"), link, QStringLiteral("--force")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("not a regular file (a character device)"))) << r.err.toStdString();
    EXPECT_FALSE(QFileInfo(QStringLiteral("/dev/null")).isFile());
    // Nonsense sizes are usage errors.
    for (const char *scale : {"nan", "1e-300", "0"})
        EXPECT_EQ(cli({QStringLiteral("map"), QStringLiteral("--out"), dir.filePath(QStringLiteral("a.png")), QStringLiteral("--scale"),
                       QString::fromLatin1(scale)}).exitCode, 2) << scale;
}

// A saved view in the CLI: its table as the window shows it; an indicator the data lacks exits 1 naming the
// view file; an own file that is gone, a drill-down into no province and codes of no unit are warnings.
TEST(Cli, ASavedViewIsReadWithItsProblemsNamed)
{
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("good.renkou"));
    renkou::test::writeFile(good, R"({"renkou_view": 1, "level": "province", "indicator": "population", "year": 2010,
               "drill": "990000", "selection": ["370000", "123456"],
               "files": [{"kind": "table", "path": "/nowhere/gone.csv"}]})");
    const CliRun t = cli({QStringLiteral("table"), QStringLiteral("--data"), fixture(), QStringLiteral("--view"), good});
    ASSERT_EQ(t.exitCode, 0) << t.err.toStdString();
    EXPECT_TRUE(t.out.contains(QStringLiteral("370000,山东省,Shandong,2010,"))) << t.out.toStdString();
    EXPECT_TRUE(t.err.contains(QStringLiteral("warning: the view is drawn without /nowhere/gone.csv"))) << t.err.toStdString();
    EXPECT_TRUE(t.err.contains(QStringLiteral("'990000', which is no province"))) << t.err.toStdString();
    EXPECT_TRUE(t.err.contains(QStringLiteral("123456 (left out)"))) << t.err.toStdString();

    const QString bad = dir.filePath(QStringLiteral("bad.renkou"));
    renkou::test::writeFile(bad, R"({"renkou_view": 1, "indicator": "no_such_indicator"})");
    const CliRun u = cli({QStringLiteral("table"), QStringLiteral("--data"), fixture(), QStringLiteral("--view"), bad});
    EXPECT_EQ(u.exitCode, 1);
    EXPECT_TRUE(u.err.contains(QStringLiteral("bad.renkou: field \"indicator\": unknown indicator 'no_such_indicator'"))) << u.err.toStdString();
    // A command without --level and the like takes --view without complaint.
    const CliRun c = cli({QStringLiteral("chart"), QStringLiteral("--data"), fixture(), QStringLiteral("--view"), good,
                          QStringLiteral("--out"), dir.filePath(QStringLiteral("c.png"))});
    EXPECT_EQ(c.exitCode, 0) << c.err.toStdString(); // 123456 is left out, with a warning
    EXPECT_TRUE(c.err.contains(QStringLiteral("123456 (left out)"))) << c.err.toStdString();
    EXPECT_FALSE(c.err.contains(QStringLiteral("QCommandLineParser"))) << c.err.toStdString();
}

// The figure language: --lang zh writes the title, legend title, notes and source line in Chinese with counts
// in 万; --lang en writes no Chinese at all (English labels too).
TEST(Cli, MapInChineseAndInEnglish)
{
    QTemporaryDir dir;
    const QString zh = dir.filePath(QStringLiteral("zh.pdf"));
    ASSERT_EQ(cli({QStringLiteral("map"), QStringLiteral("--indicator"), QStringLiteral("change"), QStringLiteral("--year"), QStringLiteral("2024"),
                   QStringLiteral("--lang"), QStringLiteral("zh"), QStringLiteral("--out"), zh})
                  .exitCode,
              0);
    const QString text = runTool(QStringLiteral("pdftotext"), {zh, QStringLiteral("-")});
    for (const char *expected : {"2023—2024年各省份常住人口变化", // title
                                 "单位：人",                          // legend title
                                 "2023年和2024年：年末数。",          // notes
                                 "来源：国家统计局（2023—2024年）", "万至"}) // source line, classes in 万
        EXPECT_TRUE(text.contains(QString::fromUtf8(expected))) << expected << "\n" << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("Source"))) << text.toStdString();

    const QString en = dir.filePath(QStringLiteral("en.pdf"));
    ASSERT_EQ(cli({QStringLiteral("map"), QStringLiteral("--indicator"), QStringLiteral("change"), QStringLiteral("--year"), QStringLiteral("2024"),
                   QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--out"), en})
                  .exitCode,
              0);
    const QString english = runTool(QStringLiteral("pdftotext"), {en, QStringLiteral("-")});
    EXPECT_TRUE(english.contains(QStringLiteral("Change in resident population between two years"))) << english.toStdString();
    EXPECT_FALSE(english.contains(QRegularExpression(QStringLiteral("[\\x{3000}-\\x{9FFF}\\x{FF00}-\\x{FFEF}]")))) << english.toStdString();
    // The indicators' descriptions in Chinese.
    const CliRun names = cli({QStringLiteral("indicators"), QStringLiteral("--lang"), QStringLiteral("zh")});
    ASSERT_EQ(names.exitCode, 0);
    EXPECT_TRUE(names.out.contains(QStringLiteral("population,persons,0,常住人口,"))) << names.out.toStdString();
}

// The author's texts and the layout: --title, --subtitle and --source-text replace the ones made from the
// data, --note comes before the notes on the data (which stay); --layout sets the page; a journal column
// is taller than wide; a PDF page has the size asked for.
TEST(Cli, MapTakesTheAuthorsTextsAndLayouts)
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("square.pdf"));
    const CliRun r = cli({QStringLiteral("map"), QStringLiteral("--indicator"), QStringLiteral("change"), QStringLiteral("--year"),
                          QStringLiteral("2024"), QStringLiteral("--layout"), QStringLiteral("1080x1080"), QStringLiteral("--title"),
                          QStringLiteral("Shandong lost 430,000 residents"), QStringLiteral("--subtitle"), QStringLiteral("Blue grew."),
                          QStringLiteral("--note"), QStringLiteral("Author note here."), QStringLiteral("--source-text"),
                          QStringLiteral("Source: NBS."), QStringLiteral("--out"), pdf});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString text = runTool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).simplified();
    for (const char *expected : {"Shandong lost 430,000 residents", "Blue grew.", "Author note here. 2023 and 2024: year-end estimates.",
                                 "Source: NBS."})
        EXPECT_TRUE(text.contains(QString::fromUtf8(expected))) << expected << "\n" << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("National Bureau of Statistics")));
    // 1080 CSS pixels = 810 pt.
    EXPECT_TRUE(runTool(QStringLiteral("pdfinfo"), {pdf}).contains(QRegularExpression(QStringLiteral("Page size: +810 x 810 pts"))));
    const QString column = dir.filePath(QStringLiteral("column.pdf"));
    ASSERT_EQ(cli({QStringLiteral("map"), QStringLiteral("--width-mm"), QStringLiteral("85"), QStringLiteral("--out"), column}).exitCode, 0);
    // 85 mm = 240.945 pt wide, 1.4 times as tall (337.323 pt): exactly, not rounded to whole points.
    EXPECT_TRUE(runTool(QStringLiteral("pdfinfo"), {column}).contains(QRegularExpression(QStringLiteral("Page size: +240\\.945 x 337\\.323 pts"))))
        << runTool(QStringLiteral("pdfinfo"), {column}).toStdString();
    // An SVG likewise: 180 mm wide, not 179.917 (whole pixels).
    const QString page = dir.filePath(QStringLiteral("page.svg"));
    ASSERT_EQ(cli({QStringLiteral("map"), QStringLiteral("--width-mm"), QStringLiteral("180"), QStringLiteral("--out"), page}).exitCode, 0);
    QFile svg(page);
    ASSERT_TRUE(svg.open(QIODevice::ReadOnly));
    EXPECT_TRUE(svg.read(300).contains("<svg width=\"180.000mm\" height=\"127.059mm\""));
    EXPECT_EQ(cli({QStringLiteral("map"), QStringLiteral("--layout"), QStringLiteral("10x10"), QStringLiteral("--out"),
                   dir.filePath(QStringLiteral("x.png"))})
                  .exitCode,
              2);
}

// Every province-level unit is named on a province map, the small ones beside them with a leader line.
TEST(Cli, MapNamesEveryProvinceLevelUnit)
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("en.pdf"));
    ASSERT_EQ(cli({QStringLiteral("map"), QStringLiteral("--year"), QStringLiteral("2024"), QStringLiteral("--lang"), QStringLiteral("en"),
                   QStringLiteral("--out"), pdf})
                  .exitCode,
              0);
    const QString text = runTool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    for (const char *name : {"Beijing", "Tianjin", "Shanghai", "Hong Kong", "Macao", "Chongqing", "Ningxia", "Hainan", "Taiwan"})
        EXPECT_TRUE(text.contains(QString::fromUtf8(name))) << name << "\n" << text.toStdString();
    // On a 180 mm page too, every one of the 34 (the interior small ones beside them over their named neighbours).
    const QString page = dir.filePath(QStringLiteral("page.pdf"));
    ASSERT_EQ(cli({QStringLiteral("map"), QStringLiteral("--indicator"), QStringLiteral("change"), QStringLiteral("--from"), QStringLiteral("2023"),
                   QStringLiteral("--to"), QStringLiteral("2024"), QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--width-mm"),
                   QStringLiteral("180"), QStringLiteral("--out"), page})
                  .exitCode,
              0);
    const QString pageText = runTool(QStringLiteral("pdftotext"), {page, QStringLiteral("-")}).simplified();
    for (const char *name : {"Beijing", "Tianjin", "Hebei", "Shanxi", "Inner Mongolia", "Liaoning", "Jilin", "Heilongjiang", "Shanghai",
                             "Jiangsu", "Zhejiang", "Anhui", "Fujian", "Jiangxi", "Shandong", "Henan", "Hubei", "Hunan", "Guangdong",
                             "Guangxi", "Hainan", "Chongqing", "Sichuan", "Guizhou", "Yunnan", "Tibet", "Shaanxi", "Gansu", "Qinghai",
                             "Ningxia", "Xinjiang", "Taiwan", "Hong Kong", "Macao"})
        EXPECT_TRUE(pageText.contains(QString::fromUtf8(name))) << name << " not named at 180 mm";
}

// A map of change across a series break says so in its subtitle, where the eye goes first; one within a
// series does not.
TEST(Cli, AChangeAcrossASeriesBreakSaysSoInTheSubtitle)
{
    QTemporaryDir dir;
    const auto text = [&](const char *from, const char *to) {
        const QString pdf = dir.filePath(QStringLiteral("%1.pdf").arg(QLatin1String(to)));
        EXPECT_EQ(cli({QStringLiteral("map"), QStringLiteral("--indicator"), QStringLiteral("change"), QStringLiteral("--from"), QLatin1String(from),
                       QStringLiteral("--to"), QLatin1String(to), QStringLiteral("--out"), pdf})
                      .exitCode,
                  0);
        return runTool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).simplified();
    };
    EXPECT_TRUE(text("2004", "2005").contains(QStringLiteral("Across a series break: most of this change is a revision")));
    EXPECT_FALSE(text("2023", "2024").contains(QStringLiteral("Across a series break")));
}

// A journal column (85 mm) names nearly every province-level unit in Chinese: inside it, else beside it with a
// leader line (the coast's too), else in smaller type.
TEST(Cli, AColumnMapNamesNearlyEveryUnit)
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("column.pdf"));
    ASSERT_EQ(cli({QStringLiteral("map"), QStringLiteral("--indicator"), QStringLiteral("change"), QStringLiteral("--from"), QStringLiteral("2023"),
                   QStringLiteral("--to"), QStringLiteral("2024"), QStringLiteral("--width-mm"), QStringLiteral("85"), QStringLiteral("--out"), pdf})
                  .exitCode,
              0);
    const QString text = runTool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    int named = 0;
    QStringList missing;
    for (const char *name : {"北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽",
                             "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州",
                             "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "台湾", "香港", "澳门"}) {
        const bool found = text.contains(QString::fromUtf8(name));
        named += found ? 1 : 0;
        if (!found)
            missing << QString::fromUtf8(name);
    }
    EXPECT_GE(named, 30) << "not named: " << missing.join(u' ').toStdString();
    for (const char *name : {"北京", "天津", "上海", "香港", "山东", "江苏"})
        EXPECT_TRUE(text.contains(QString::fromUtf8(name))) << name;
}

// Charts a newsroom prints: the title names the places and years, and no tick is a seven-digit number.
TEST(Cli, ChartTicksAreReadableAndTheTitleNamesPlacesAndYears)
{
    QTemporaryDir dir;
    for (const char *mode : {"absolute", "change"}) {
        const QString svg = dir.filePath(QStringLiteral("%1.svg").arg(QString::fromLatin1(mode)));
        const CliRun r = cli({QStringLiteral("chart"), QStringLiteral("--codes"), QStringLiteral("370000,440000"), QStringLiteral("--mode"),
                              QString::fromLatin1(mode), QStringLiteral("--out"), svg});
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
        QFile f(svg);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        const QString xml = QString::fromUtf8(f.readAll());
        QStringList texts;
        static const QRegularExpression text(QStringLiteral(">([^<>]+)</text>"));
        for (auto it = text.globalMatch(xml); it.hasNext();)
            texts << it.next().captured(1).trimmed();
        const QString all = texts.join(u'|');
        // A chart of changes starts with the change from 2000 to 2001.
        const QString years = QLatin1String(mode) == QLatin1String("change") ? QStringLiteral("2001–2024") : QStringLiteral("2000–2024");
        EXPECT_TRUE(all.contains(QStringLiteral("Shandong, Guangdong: resident population, ") + years)) << mode << " " << all.left(400).toStdString();
        EXPECT_TRUE(all.contains(QStringLiteral("|2010|"))) << mode; // the year ticks are read
        EXPECT_FALSE(all.contains(QRegularExpression(QStringLiteral("(^|\\|)-?\\d{7,}(\\.\\d+)?($|\\|)")))) << mode << " " << all.toStdString();
        // Ticks as the legends write counts of persons: no hyphen for a minus, in one unit ("−2 M", "4 M").
        EXPECT_FALSE(all.contains(QRegularExpression(QStringLiteral("(^|\\|)-\\d")))) << mode << " " << all.toStdString();
        if (QLatin1String(mode) == QLatin1String("change")) {
            EXPECT_TRUE(all.contains(QStringLiteral("|1 M|")) || all.contains(QStringLiteral("|2 M|"))) << all.toStdString();
        }
    }
}

// At a journal's column width the key keeps every name whole (it wraps), and the title names up to five places.
TEST(Cli, ChartKeyAndTitleNameEveryUnitAt85mm)
{
    QTemporaryDir dir;
    const QString svg = dir.filePath(QStringLiteral("c85.svg"));
    const CliRun r = cli({QStringLiteral("chart"), QStringLiteral("--codes"), QStringLiteral("370000,440000,230000,510000"),
                          QStringLiteral("--width-mm"), QStringLiteral("85"), QStringLiteral("--out"), svg});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QFile f(svg);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QString xml = QString::fromUtf8(f.readAll());
    for (const char *name : {">Shandong<", ">Guangdong<", ">Heilongjiang<", ">Sichuan<", ">series break<"})
        EXPECT_TRUE(xml.contains(QLatin1String(name))) << name;
    EXPECT_TRUE(xml.contains(QStringLiteral("Shandong, Guangdong, Heilongjiang, Sichuan: resident population")));
    EXPECT_FALSE(xml.contains(QStringLiteral("4 units")));
}

// The CLI's map has the app's classes: those of every year with data for a year's map or a one-year change
// (said in the notes), a span's own for a span chosen from–to.
TEST(Cli, MapClassesAreTheAppsDefault)
{
    QTemporaryDir dir;
    const auto notes = [&](const QStringList &years) {
        const QString svg = dir.filePath(QStringLiteral("m.svg"));
        const CliRun r = cli(QStringList{QStringLiteral("map"), QStringLiteral("--indicator"), QStringLiteral("change"), QStringLiteral("--force"),
                                         QStringLiteral("--out"), svg} + years);
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        QFile f(svg);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    };
    EXPECT_TRUE(notes({QStringLiteral("--year"), QStringLiteral("2024")}).contains(QStringLiteral("classes are the same for every year with data")));
    EXPECT_FALSE(notes({QStringLiteral("--from"), QStringLiteral("2010"), QStringLiteral("--to"), QStringLiteral("2020")})
                     .contains(QStringLiteral("classes are the same for every year")));
}

// A chart takes the author's title, subtitle, note (before the notes on the data, which stay) and source
// line, as a map does; by default its subtitle gives the unit and its source line the publishers.
TEST(Cli, ChartTakesTheAuthorsTexts)
{
    QTemporaryDir dir;
    const QString svg = dir.filePath(QStringLiteral("c.svg"));
    const auto svgText = [&](const QStringList &more) {
        QFile::remove(svg);
        const CliRun r = cli(QStringList{QStringLiteral("chart"), QStringLiteral("--codes"), QStringLiteral("370000"), QStringLiteral("--out"), svg} + more);
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        QFile f(svg);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    };
    const QString own = svgText({QStringLiteral("--title"), QStringLiteral("Shandong peaked in 2021"), QStringLiteral("--subtitle"),
                                 QStringLiteral("Year-end residents, millions"), QStringLiteral("--note"), QStringLiteral("An author note."),
                                 QStringLiteral("--source-text"), QStringLiteral("Source: NBS yearbooks")});
    EXPECT_TRUE(own.contains(QStringLiteral(">Shandong peaked in 2021</text>")));
    EXPECT_TRUE(own.contains(QStringLiteral(">Year-end residents, millions</text>")));
    EXPECT_TRUE(own.contains(QStringLiteral("An author note.")));
    EXPECT_TRUE(own.contains(QStringLiteral(">Source: NBS yearbooks</text>")));
    EXPECT_FALSE(own.contains(QStringLiteral("National Bureau of Statistics"))) << "the author's source line replaces it";
    EXPECT_TRUE(own.contains(QStringLiteral("2011–2019"))) << "the notes on the data stay";
    // In a journal column the notes that do not fit are left out for a line that says so: none goes silently.
    const QString column = svgText({QStringLiteral("--codes"), QStringLiteral("370000,440000"), QStringLiteral("--mode"), QStringLiteral("change"),
                                    QStringLiteral("--width-mm"), QStringLiteral("85")});
    EXPECT_TRUE(column.contains(QStringLiteral("More notes on these data are listed with the figure"))) << column.left(2000).toStdString();
    // A title wraps between words: never after the dash of "2001–2024", nor before an em dash.
    const QString page = svgText({QStringLiteral("--codes"), QStringLiteral("370000,440000,230000"), QStringLiteral("--mode"), QStringLiteral("change"),
                                  QStringLiteral("--width-mm"), QStringLiteral("180")});
    EXPECT_TRUE(page.contains(QStringLiteral("2001–2024"))) << "the years on one line";
    EXPECT_FALSE(page.contains(QRegularExpression(QStringLiteral("–</text>|>—")))) << page.left(3000).toStdString();
    const QString made = svgText({});
    EXPECT_TRUE(made.contains(QStringLiteral(">Shandong: resident population, 2000–2024</text>")));
    EXPECT_TRUE(made.contains(QStringLiteral(">Unit: persons.</text>")));
    EXPECT_TRUE(made.contains(QStringLiteral(">Source: National Bureau of Statistics (2000–2024).</text>")));
    EXPECT_FALSE(made.contains(QStringLiteral("commit")));
}

// The full citations travel in the file's metadata (PDF XMP dc:description, SVG <desc>), the figure's
// title as the document's title; the figure itself shows the short source line.
TEST(Cli, MapFilesCarryTheFullCitationsInTheirMetadata)
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("m.pdf"));
    ASSERT_EQ(cli({QStringLiteral("map"), QStringLiteral("--year"), QStringLiteral("2024"), QStringLiteral("--out"), pdf}).exitCode, 0);
    EXPECT_TRUE(runTool(QStringLiteral("pdfinfo"), {pdf}).contains(QStringLiteral("Resident population by province, 2024")));
    const QString xmp = runTool(QStringLiteral("pdfinfo"), {QStringLiteral("-meta"), pdf});
    EXPECT_TRUE(xmp.contains(QStringLiteral("<dc:description>"))) << xmp.toStdString();
    EXPECT_TRUE(xmp.contains(QStringLiteral("NBS annual data table E0103")));
    EXPECT_TRUE(xmp.contains(QStringLiteral("cn-atlas")));
    const QString svg = dir.filePath(QStringLiteral("m.svg"));
    ASSERT_EQ(cli({QStringLiteral("map"), QStringLiteral("--year"), QStringLiteral("2024"), QStringLiteral("--out"), svg}).exitCode, 0);
    QFile f(svg);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QString xml = QString::fromUtf8(f.readAll());
    EXPECT_TRUE(xml.contains(QStringLiteral("<title>Resident population by province, 2024</title>")));
    EXPECT_TRUE(xml.contains(QRegularExpression(QStringLiteral("<desc>[^<]*NBS annual data table E0103"))));
}
