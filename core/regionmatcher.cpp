#include "regionmatcher.h"

#include <climits>

#include "csvreader.h"

#include <QRegularExpression>
#include <algorithm>
#include <set>

namespace renkou::core {

namespace {

/// Rank of a kind of name match: the lower, the surer.
int rank(MatchKind kind)
{
    switch (kind) {
    case MatchKind::Name: return 0;
    case MatchKind::ShortName: return 1;
    case MatchKind::Alias: return 2;
    case MatchKind::Former: return 3;
    case MatchKind::PartOf: return 4;
    case MatchKind::Split: return 5;
    default: return 6;
    }
}

MatchKind kindOfAlias(const QString &kind)
{
    if (kind == u"short_zh")
        return MatchKind::ShortName;
    if (kind == u"former_name" || kind == u"former_code")
        return MatchKind::Former;
    if (kind == u"part_of")
        return MatchKind::PartOf;
    if (kind == u"split")
        return MatchKind::Split;
    return MatchKind::Alias;
}

/// 北京市 → 北京, 内蒙古自治区 → 内蒙古, 延边朝鲜族自治州 → 延边, 香港特别行政区 → 香港: the name without its
/// administrative suffix (and an autonomous unit's ethnic names), as the standard map writes it.
QString shortChineseName(const QString &name)
{
    static const QRegularExpression ethnic(QStringLiteral("^(.{2,}?)(?:[\\x{4e00}-\\x{9fff}]{1,6}?族)+自治(?:区|州|县)$"));
    static const QRegularExpression suffix(QStringLiteral("^(.{2,}?)(?:特别行政区|维吾尔自治区|自治区|自治州|地区|省|市|盟)$"));
    if (const auto m = ethnic.match(name); m.hasMatch())
        return m.captured(1);
    if (const auto m = suffix.match(name); m.hasMatch())
        return m.captured(1);
    return {};
}

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> row(size_t(b.size()) + 1);
    for (size_t j = 0; j < row.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int up = row[size_t(j)];
            row[size_t(j)] = std::min({row[size_t(j)] + 1, row[size_t(j) - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row.back();
}

} // namespace

QString matchKindName(MatchKind kind)
{
    switch (kind) {
    case MatchKind::None: return QStringLiteral("no match");
    case MatchKind::Code: return QStringLiteral("code");
    case MatchKind::CodeForm: return QStringLiteral("code in another form");
    case MatchKind::Name: return QStringLiteral("name");
    case MatchKind::ShortName: return QStringLiteral("short name");
    case MatchKind::Alias: return QStringLiteral("other spelling or code");
    case MatchKind::Former: return QStringLiteral("former name or code");
    case MatchKind::PartOf: return QStringLiteral("part of a unit (summed)");
    case MatchKind::Split: return QStringLiteral("former unit split among several");
    case MatchKind::Ambiguous: return QStringLiteral("ambiguous");
    case MatchKind::Assigned: return QStringLiteral("your choice");
    }
    return {};
}

Result<std::vector<RegionAlias>> loadRegionAliases(const QString &path)
{
    const QStringList columns = {QStringLiteral("code"), QStringLiteral("level"), QStringLiteral("alias"), QStringLiteral("kind"),
                                 QStringLiteral("valid_from"), QStringLiteral("valid_to")};
    auto csv = CsvTable::read(path, columns);
    if (!csv)
        return csv.error();
    const std::vector<int> col = csv->columns(columns);
    std::vector<RegionAlias> out;
    out.reserve(csv->rows().size());
    for (const CsvRow &row : csv->rows()) {
        auto field = [&](int i) { return row.fields.at(col[size_t(i)]).trimmed(); };
        RegionAlias a;
        a.code = field(0);
        const auto level = parseLevel(field(1));
        if (!level)
            return Error{Error::Code::Value, path, CsvTable::lineRef(row), QStringLiteral("level '%1' is not province or prefecture").arg(field(1))};
        a.level = *level;
        a.alias = field(2);
        a.kind = field(3);
        bool ok = true;
        if (!field(4).isEmpty())
            a.validFrom = field(4).toInt(&ok);
        if (ok && !field(5).isEmpty())
            a.validTo = field(5).toInt(&ok);
        if (!ok)
            return Error{Error::Code::Value, path, CsvTable::lineRef(row), QStringLiteral("valid_from or valid_to is not a year")};
        if (a.alias.isEmpty())
            return Error{Error::Code::Value, path, CsvTable::lineRef(row), QStringLiteral("the alias is empty")};
        out.push_back(std::move(a));
    }
    return out;
}

namespace {

/// A key in lower case without the English and pinyin words around a unit's name that files add or leave out
/// ("Xinjiang Uyghur Autonomous Region", "Hong Kong SAR, China", "Taiwan, Province of China", "Nei Menggu
/// Zizhiqu"), with the Uyghur/Uighur spellings as Uygur. A key that would be left empty is kept whole.
QString withoutEnglishAffixes(const QString &key)
{
    static const QRegularExpression tail(
        QStringLiteral("(\\s*,?\\s*\\(?(province of |the )?(people'?s republic of )?china\\)?|\\s+(special administrative region|"
                       "autonomous region|autonomous prefecture|zizhiqu|zizhizhou|sar|province|municipality|sheng))+\\s*$"));
    static const QRegularExpression uyghur(QStringLiteral("\\bu(y|i)ghur\\b"));
    QString s = key.toLower();
    s.replace(uyghur, QStringLiteral("uygur"));
    const QString stripped = QString(s).remove(tail).trimmed();
    return stripped.isEmpty() ? s : stripped;
}

/// A key with its case folded and without spaces and punctuation; accents are kept (`mark`) or dropped.
QString folded(const QString &key, bool keepMarks)
{
    const QString s = keepMarks ? key.normalized(QString::NormalizationForm_KC) : key.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(s.size());
    for (const QChar c : s) {
        if ((c.isMark() && !keepMarks) || c.isSpace() || c.isPunct() || c.isSymbol())
            continue;
        out += c.toCaseFolded();
    }
    return out;
}

QString gadmFirstPart(const QString &key)
{
    QString s = key.trimmed();
    if (const qsizetype bar = s.indexOf(u'|'); bar > 0) // GADM: "北京|北京"
        s.truncate(bar);
    return s;
}

} // namespace

QString RegionMatcher::normalize(const QString &key)
{
    // NFKD: full-width forms become ASCII; accents split off and dropped.
    return folded(withoutEnglishAffixes(gadmFirstPart(key)), false);
}

QString RegionMatcher::withAccents(const QString &key)
{
    return folded(withoutEnglishAffixes(gadmFirstPart(key)), true);
}

QString RegionMatcher::sixDigits(const QString &key)
{
    static const QRegularExpression decimal(QStringLiteral("^(\\d+)\\.0*$"));
    static const QRegularExpression digits(QStringLiteral("^\\d+$"));
    QString k = key.trimmed();
    if (const auto m = decimal.match(k); m.hasMatch())
        k = m.captured(1);
    if (!digits.match(k).hasMatch())
        return {};
    if (k.size() == 12 && k.endsWith(QStringLiteral("000000")))
        return k.left(6);
    if (k.size() == 2)
        return k + QStringLiteral("0000");
    if (k.size() == 4)
        return k + QStringLiteral("00");
    return k.size() == 6 ? k : QString();
}

void RegionMatcher::add(const QString &key, Entry entry)
{
    const QString n = normalize(key);
    if (n.isEmpty())
        return;
    // A spelling with tone marks names its unit before the same letters without them (Shǎnxī is Shaanxi,
    // Shānxī and Shanxi are Shanxi).
    if (const QString a = withAccents(key); a != n) {
        auto &accented = m_accented[a];
        if (std::none_of(accented.begin(), accented.end(), [&](const Entry &e) { return e.code == entry.code && e.level == entry.level; }))
            accented.push_back(entry);
    }
    auto &entries = m_index[n];
    const bool known = std::any_of(entries.begin(), entries.end(), [&](const Entry &e) {
        return e.code == entry.code && e.level == entry.level && e.kind == entry.kind;
    });
    if (!known)
        entries.push_back(std::move(entry));
}

RegionMatcher::RegionMatcher(const RegionTable &regions, const std::vector<RegionAlias> &aliases) : m_regions(regions)
{
    for (const Region &r : regions.all()) {
        if (r.level == Level::Region)
            continue;
        add(r.nameZh, {r.code, r.level, MatchKind::Name, QStringLiteral("name"), {}, {}});
        add(r.nameEn, {r.code, r.level, MatchKind::Name, QStringLiteral("English name"), {}, {}});
        if (const QString s = shortChineseName(r.nameZh); !s.isEmpty())
            add(s, {r.code, r.level, MatchKind::ShortName, QStringLiteral("short name"), {}, {}});
    }
    for (const RegionAlias &a : aliases) {
        if (!regions.find(a.code, a.level))
            continue; // an alias of a unit this regions.csv does not have
        const Entry entry{a.code, a.level, kindOfAlias(a.kind), a.kind, a.validFrom, a.validTo};
        // ISO 3166-2 and HASC codes differ only in their punctuation (CN-HE is Hebei, CN.HE Henan): they are
        // compared as written, in upper case.
        if (a.kind == u"iso3166_2" || a.kind == u"hasc")
            m_codes[a.alias.trimmed().toUpper()].push_back(entry);
        else
            add(a.alias, entry);
    }
}

bool RegionMatcher::hasDatedAliases(const QString &key) const
{
    const auto it = m_index.constFind(normalize(key.trimmed().normalized(QString::NormalizationForm_KC)));
    return it != m_index.constEnd() && std::any_of(it->begin(), it->end(), [](const Entry &e) {
               return (e.kind == MatchKind::Former || e.kind == MatchKind::PartOf || e.kind == MatchKind::Split) && (e.from || e.to);
           });
}

KeyMatch RegionMatcher::match(const QString &key, Level level, std::optional<int> year) const
{
    const QString k = key.trimmed().normalized(QString::NormalizationForm_KC);
    if (k.isEmpty())
        return {};
    // Codes of regions.csv, as written or in another form; a code of another level is that unit — unless the
    // row's year is one in which the code meant another unit (511400 was part of 涪陵 in 1995–1997).
    const auto inUseThen = [&](const Entry &e) {
        return (e.kind == MatchKind::Former || e.kind == MatchKind::PartOf || e.kind == MatchKind::Split) && year
               && (e.from || e.to) && (!e.from || *year >= *e.from) && (!e.to || *year < *e.to);
    };
    const auto entries = m_index.constFind(normalize(k));
    const bool meantAnotherUnit = entries != m_index.constEnd() && std::any_of(entries->begin(), entries->end(), inUseThen);
    if (const QString code = sixDigits(k); !code.isEmpty() && !meantAnotherUnit) {
        const MatchKind kind = code == k ? MatchKind::Code : MatchKind::CodeForm;
        const QString form = code == k ? QString() : QStringLiteral("%1 → %2").arg(k, code);
        if (m_regions.find(code, level))
            return {kind, code, {}, form};
        if (const QString other = m_regions.matchCode(code, level); !other.isEmpty())
            return {MatchKind::CodeForm, other, {}, QStringLiteral("%1 → %2 (a municipality's code at the other level)").arg(k, other)};
        if (m_regions.find(code))
            return {kind, code, {}, form};
    }
    const std::vector<Entry> *found = nullptr;
    if (const auto code = m_codes.constFind(k.toUpper()); code != m_codes.constEnd())
        found = &*code;
    else if (const auto accented = m_accented.constFind(withAccents(k)); accented != m_accented.constEnd())
        found = &*accented;
    else if (const auto name = m_index.constFind(normalize(k)); name != m_index.constEnd())
        found = &*name;
    // A name with another administrative suffix than the standard one (广西省, 宁夏自治区, 新疆维吾尔族自治区): its
    // short form.
    if (const QString shortKey = shortChineseName(k); !found && !shortKey.isEmpty()) {
        if (const auto name = m_index.constFind(normalize(shortKey)); name != m_index.constEnd())
            found = &*name;
    }
    if (!found)
        return {};
    const std::vector<Entry> *it = found;
    const Level other = level == Level::Province ? Level::Prefecture : Level::Province;
    // The years an alias was in use matter for earlier units (a code may have meant another unit then); an
    // ISO or HASC code or a spelling names the same unit in any year's file.
    const auto inUse = [&](const Entry &e) {
        const bool dated = e.kind == MatchKind::Former || e.kind == MatchKind::PartOf || e.kind == MatchKind::Split;
        return !dated || !year || ((!e.from || *year >= *e.from) && (!e.to || *year < *e.to));
    };
    for (Level l : {level, other, Level::Country}) {
        // The years choose among candidates; an earlier name used in a later file (襄樊 in 2020) still counts
        // when it names one unit only.
        const bool anyInUse = std::any_of(it->begin(), it->end(), [&](const Entry &e) { return e.level == l && inUse(e); });
        const auto counts = [&](const Entry &e) { return e.level == l && (!anyInUse || inUse(e)); };
        int best = rank(MatchKind::None);
        for (const Entry &e : *it) {
            if (counts(e))
                best = std::min(best, rank(e.kind));
        }
        if (best == rank(MatchKind::None))
            continue;
        std::set<QString> codes;
        KeyMatch m;
        for (const Entry &e : *it) {
            if (counts(e) && rank(e.kind) == best) {
                codes.insert(e.code);
                m.kind = e.kind;
                m.detail = e.detail;
            }
        }
        if (m.kind == MatchKind::Split || codes.size() > 1) {
            m.kind = m.kind == MatchKind::Split ? MatchKind::Split : MatchKind::Ambiguous;
            m.units = QStringList(codes.begin(), codes.end());
            return m;
        }
        m.code = *codes.begin();
        return m;
    }
    return {};
}

int RegionMatcher::matchCount(const QStringList &keys, Level level) const
{
    int n = 0;
    for (const QString &k : keys) {
        const KeyMatch m = match(k, level);
        n += !m.code.isEmpty() && m_regions.find(m.code, level) ? 1 : 0;
    }
    return n;
}

Level RegionMatcher::guessLevel(const QStringList &keys) const
{
    return matchCount(keys, Level::Prefecture) > matchCount(keys, Level::Province) ? Level::Prefecture : Level::Province;
}

QStringList RegionMatcher::closest(const QString &key, Level level, int n) const
{
    const QString k = normalize(key);
    std::vector<std::pair<int, const Region *>> scored;
    for (const Region *r : m_regions.ofLevel(level)) {
        const QString zh = normalize(r->nameZh), shortZh = normalize(shortChineseName(r->nameZh)), en = normalize(r->nameEn);
        int d = std::min({editDistance(k, zh), editDistance(k, en), shortZh.isEmpty() ? INT_MAX : editDistance(k, shortZh)});
        // A name cut short or written longer (内蒙 for 内蒙古自治区) is nearer than any other of its length.
        if (k.size() >= 2 && (zh.startsWith(k) || k.startsWith(shortZh.isEmpty() ? zh : shortZh) || en.startsWith(k)))
            d = std::min(d, 1);
        scored.emplace_back(d, r);
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList out;
    for (size_t i = 0; i < scored.size() && int(i) < n; ++i)
        out << QStringLiteral("%1 %2").arg(scored[i].second->nameZh, scored[i].second->code);
    return out;
}

} // namespace renkou::core
