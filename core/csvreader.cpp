#include "csvreader.h"
#include "inputfile.h"
#include "workbook.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>

#include <uchardet.h>

#include <algorithm>

namespace renkou::core {

namespace {

/// Splits RFC 4180 text into records; quoted fields may hold commas, quotes ("") and newlines.
/// Returns false with `error` set when a quote is left open.
bool splitRecords(const QString &text, QChar delimiter, std::vector<CsvRow> &records, QString &error)
{
    CsvRow current;
    QString field;
    bool inQuotes = false;
    bool fieldWasQuoted = false;
    int line = 1;
    current.line = 1;
    int quoteStartLine = 0;
    const qsizetype n = text.size();
    auto endRecord = [&] {
        current.fields << field;
        field.clear();
        fieldWasQuoted = false;
        // A record that is one empty field is a blank line: skip it.
        if (!(current.fields.size() == 1 && current.fields.front().isEmpty()))
            records.push_back(std::move(current));
        current = CsvRow{};
        current.line = line;
    };
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < n && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == u'"' && field.isEmpty() && !fieldWasQuoted) {
            inQuotes = true;
            fieldWasQuoted = true;
            quoteStartLine = line;
        } else if (c == delimiter) {
            current.fields << field;
            field.clear();
            fieldWasQuoted = false;
        } else if (c == u'\r') {
            // Part of a CRLF line end, or a stray carriage return: ignored either way.
        } else if (c == u'\n') {
            ++line;
            endRecord();
        } else {
            // An unquoted run up to the next delimiter or line end, appended at once (a quote inside it is
            // a literal character).
            qsizetype j = i + 1;
            while (j < n) {
                const QChar d = text.at(j);
                if (d == delimiter || d == u'\n' || d == u'\r')
                    break;
                ++j;
            }
            field += QStringView(text).sliced(i, j - i);
            i = j - 1;
        }
    }
    if (inQuotes) {
        error = QStringLiteral("line %1: a quoted field is never closed").arg(quoteStartLine);
        return false;
    }
    if (!field.isEmpty() || !current.fields.isEmpty())
        endRecord();
    return true;
}

} // namespace

QString CsvTable::lineRef(const CsvRow &row)
{
    return QStringLiteral("line %1").arg(row.line);
}

namespace {

/// uchardet's guess of a text's encoding ("GB18030", "BIG5", "UTF-16LE" ...), or empty.
QString guessEncoding(const QByteArray &bytes)
{
    uchardet_t detector = uchardet_new();
    QString name;
    if (uchardet_handle_data(detector, bytes.constData(), size_t(bytes.size())) == 0) {
        uchardet_data_end(detector);
        name = QString::fromLatin1(uchardet_get_charset(detector));
    }
    uchardet_delete(detector);
    return name == u"ASCII" ? QString() : name;
}

/// Fields with text in them.
int filled(const CsvRow &row)
{
    return int(std::count_if(row.fields.begin(), row.fields.end(), [](const QString &f) { return !f.trimmed().isEmpty(); }));
}

bool isComment(const CsvRow &row)
{
    return !row.fields.isEmpty() && row.fields.front().trimmed().startsWith(u'#');
}

/// The row as one line of text, for a preamble or footer ("指标：年末常住人口(万人)").
QString rowText(const CsvRow &row)
{
    QStringList parts;
    for (const QString &f : row.fields)
        if (!f.trimmed().isEmpty())
            parts << f.trimmed();
    return parts.join(QStringLiteral(", "));
}

/// The delimiter of a table: a comma, or a tab (Excel's "Unicode text") or a semicolon when the first line
/// with several fields has more of those than commas.
QChar detectDelimiter(const QString &text)
{
    for (const QStringView line : QStringView(text).split(u'\n')) {
        const qsizetype commas = line.count(u','), tabs = line.count(u'\t'), semicolons = line.count(u';');
        if (commas + tabs + semicolons == 0 || line.trimmed().startsWith(u'#'))
            continue;
        if (tabs > commas && tabs >= semicolons)
            return u'\t';
        if (semicolons > commas)
            return u';';
        return u',';
    }
    return u',';
}

} // namespace

Result<CsvTable::Text> CsvTable::decode(const QString &path, QByteArray bytes, const QString &encoding)
{
    auto decodeAs = [&](const QByteArray &name, const QString &label) -> std::optional<Text> {
        QStringDecoder decoder(name.constData(), QStringDecoder::Flag::Stateless);
        if (!decoder.isValid())
            return std::nullopt;
        QString text = decoder.decode(bytes);
        if (decoder.hasError())
            return std::nullopt;
        if (text.startsWith(QChar(0xFEFF)))
            text.remove(0, 1);
        return Text{text, label};
    };
    if (!encoding.isEmpty()) {
        if (!QStringDecoder(encoding.toLatin1().constData()).isValid())
            return Error{Error::Code::Usage, path, {}, QStringLiteral("'%1' is not an encoding Renkou knows (UTF-8, GB18030, GBK, Big5, UTF-16 …)").arg(encoding)};
        if (auto t = decodeAs(encoding.toLatin1(), encoding))
            return *t;
        return Error{Error::Code::Format, path, {}, QStringLiteral("is not valid %1 text").arg(encoding)};
    }
    // A byte-order mark says it all.
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        if (auto t = decodeAs("UTF-8", QStringLiteral("UTF-8 with byte-order mark")))
            return *t;
    } else if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        const bool le = bytes.startsWith("\xFF\xFE");
        if (auto t = decodeAs(le ? "UTF-16LE" : "UTF-16BE", le ? QStringLiteral("UTF-16LE") : QStringLiteral("UTF-16BE")))
            return *t;
    } else if (!bytes.contains('\0')) {
        if (auto t = decodeAs("UTF-8", QStringLiteral("UTF-8")))
            return *t;
        // Not UTF-8: most often GB18030/GBK (Excel's CSV on a Chinese Windows). uchardet tells it from Big5
        // (traditional characters, Hong Kong and Taiwan) and the other East Asian encodings; its single-byte
        // guesses (Latin-1 …) are unreliable on short Chinese text, so they come after GB18030.
        const QString guess = guessEncoding(bytes);
        static const QStringList eastAsian = {QStringLiteral("BIG5"), QStringLiteral("EUC-TW"), QStringLiteral("SHIFT_JIS"),
                                              QStringLiteral("EUC-JP"), QStringLiteral("EUC-KR")};
        const bool cjkGuess = eastAsian.contains(guess.toUpper());
        for (const QString &name : {cjkGuess ? guess : QStringLiteral("GB18030"), cjkGuess ? QStringLiteral("GB18030") : guess}) {
            if (name.isEmpty())
                continue;
            if (auto t = decodeAs(name.toLatin1(), name == u"GB18030" ? QStringLiteral("GB18030 (GBK)") : name))
                return *t;
        }
    } else {
        // UTF-16 without a byte-order mark: every other byte of Latin text is 0.
        qsizetype evenZeros = 0, oddZeros = 0;
        for (qsizetype i = 0; i + 1 < bytes.size(); i += 2) {
            evenZeros += bytes[i] == 0 ? 1 : 0;
            oddZeros += bytes[i + 1] == 0 ? 1 : 0;
        }
        const bool le = oddZeros > evenZeros;
        if (std::max(evenZeros, oddZeros) * 4 > bytes.size() / 2) {
            if (auto t = decodeAs(le ? "UTF-16LE" : "UTF-16BE", le ? QStringLiteral("UTF-16LE") : QStringLiteral("UTF-16BE")))
                return *t;
        }
        return Error{Error::Code::Format, path, {}, QStringLiteral("is not a text file (it holds binary bytes)")};
    }
    return Error{Error::Code::Format, path, {},
                 QStringLiteral("is not UTF-8, UTF-16 or GB18030/GBK text; save it as UTF-8 or name its encoding")};
}

Result<CsvTable> CsvTable::read(const QString &path, const QStringList &requiredColumns, const QString &encoding,
                                const QString &sheet)
{
    if (isWorkbook(path)) {
        // A sheet of a workbook: rows of cells, read through GDAL; row numbers are the sheet's. Without a
        // sheet named, the first sheet that holds a table (a notes sheet may come first).
        auto sheets = readWorkbook(path, sheet);
        if (!sheets)
            return sheets.error();
        std::optional<Error> firstError;
        for (WorkbookSheet &s : sheets.value()) {
            std::vector<CsvRow> rows;
            int row = 0;
            for (QStringList &r : s.rows) {
                ++row;
                if (!std::all_of(r.begin(), r.end(), [](const QString &c) { return c.trimmed().isEmpty(); }))
                    rows.push_back(CsvRow{row, std::move(r)});
            }
            auto table = fromRecords(path, std::move(rows), requiredColumns, QStringLiteral("sheet '%1'").arg(s.name));
            if (table)
                return table;
            if (!firstError)
                firstError = table.error();
        }
        Error e = *firstError;
        if (sheets->size() > 1) {
            QStringList names;
            for (const WorkbookSheet &s : sheets.value())
                names << s.name;
            e.message += QStringLiteral(" (in no sheet: %1)").arg(names.join(QStringLiteral(", ")));
        }
        return e;
    }
    auto read = readInputFile(path, kMaxTableBytes);
    if (!read)
        return read.error();
    auto decoded = decode(path, std::move(read).value(), encoding);
    if (!decoded)
        return decoded.error();
    std::vector<CsvRow> records;
    QString splitError;
    if (!splitRecords(decoded->text, detectDelimiter(decoded->text), records, splitError))
        return Error{Error::Code::Format, path, {}, splitError};
    const QString encodingName = decoded->encoding;
    return fromRecords(path, std::move(records), requiredColumns, encodingName);
}

Result<CsvTable> CsvTable::fromRecords(const QString &path, std::vector<CsvRow> records, const QStringList &requiredColumns,
                                       const QString &encodingName)
{
    // Comment lines anywhere; above the header, a preamble of lines with at most one field (a title, the NBS
    // export's 数据库：…, 指标：…, 时间：…).
    std::vector<CsvRow> rows;
    QStringList preamble;
    bool headerSeen = false;
    for (CsvRow &r : records) {
        if (isComment(r) || (!headerSeen && filled(r) < 2)) {
            preamble << rowText(r).remove(QRegularExpression(QStringLiteral("^#\\s*")));
            continue;
        }
        headerSeen = true;
        rows.push_back(std::move(r));
    }
    if (rows.empty())
        return Error{Error::Code::Format, path, {},
                     records.empty() ? QStringLiteral("is empty: expected a header line")
                                     : QStringLiteral("has no header line with two or more columns")};
    // Below the table, a footer of lines with fewer fields than the header and at most one filled (注：…,
    // 数据来源：…).
    QStringList footer;
    static const QRegularExpression noteLine(QStringLiteral("^\\s*(注|说明|数据来源|资料来源|来源|note|notes|source)\\s*[:：]"),
                                             QRegularExpression::CaseInsensitiveOption);
    while (rows.size() > 1 && filled(rows.back()) <= 1
           && (rows.back().fields.size() < rows.front().fields.size() || noteLine.match(rowText(rows.back())).hasMatch())) {
        footer.prepend(rowText(rows.back()));
        rows.pop_back();
    }
    records = std::move(rows);

    CsvTable table;
    table.m_path = path;
    table.m_encoding = encodingName;
    table.m_preamble = preamble;
    table.m_footer = footer;
    table.m_headerLine = records.front().line;
    table.m_header = records.front().fields;
    for (QString &h : table.m_header)
        h = h.trimmed();
    for (const QString &required : requiredColumns) {
        if (!table.m_header.contains(required))
            return Error{Error::Code::Schema, path, QStringLiteral("line %1").arg(table.m_headerLine),
                         QStringLiteral("the header lacks the column '%1' (header: %2; expected: %3)")
                             .arg(required, table.m_header.join(u','), requiredColumns.join(u','))};
    }
    for (auto it = records.begin() + 1; it != records.end(); ++it) {
        if (it->fields.size() != table.m_header.size())
            return Error{Error::Code::Format, path, lineRef(*it),
                         QStringLiteral("has %1 fields, the header has %2")
                             .arg(it->fields.size())
                             .arg(table.m_header.size())};
        table.m_rows.push_back(std::move(*it));
    }
    return table;
}

} // namespace renkou::core
