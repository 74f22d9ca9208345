#include "csvreader.h"
#include "inputfile.h"
#include "workbook.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>

#include <uchardet.h>

#include <algorithm>
#include <array>

namespace renkou::core {

namespace {

/// Splits RFC 4180 text (UTF-8: delimiters, quotes and line ends are single bytes) into records and gives each
/// that is not a blank line to `record(line, fields)` (the line it starts on); quoted fields may hold
/// delimiters, quotes ("") and newlines; a carriage return outside quotes is ignored. Stops at the first error
/// `record` returns. A quote left open is an error naming its line.
std::optional<Error> splitRecords(const QString &path, QByteArrayView text, char delimiter,
                                  const std::function<std::optional<Error>(int, const CsvFields &)> &record)
{
    // A field is a slice of the text while it is one; a field made of several pieces ("a""b", "x"y) is copied
    // into `scratch`.
    struct FieldRef {
        bool inScratch = false;
        qsizetype offset = 0;
        qsizetype size = 0;
    };
    std::string scratch;
    std::vector<FieldRef> refs;
    CsvFields fields;
    FieldRef field;
    bool inQuotes = false;
    bool fieldWasQuoted = false;
    int line = 1;
    int recordLine = 1;
    int quoteStartLine = 0;
    const char *data = text.data();
    const qsizetype n = text.size();
    std::array<bool, 256> ends{}; // the bytes that end an unquoted run
    ends[uchar(delimiter)] = ends[uchar('\n')] = ends[uchar('\r')] = true;
    auto append = [&](qsizetype offset, qsizetype size) {
        if (size == 0)
            return;
        if (!field.inScratch) {
            if (field.size == 0) {
                field.offset = offset;
                field.size = size;
                return;
            }
            if (field.offset + field.size == offset) {
                field.size += size;
                return;
            }
            const qsizetype at = qsizetype(scratch.size());
            scratch.append(data + field.offset, size_t(field.size));
            field = FieldRef{true, at, field.size};
        }
        scratch.append(data + offset, size_t(size));
        field.size += size;
    };
    auto endField = [&] {
        refs.push_back(field);
        field = FieldRef{};
        fieldWasQuoted = false;
    };
    auto endRecord = [&]() -> std::optional<Error> {
        endField();
        std::optional<Error> error;
        // A record that is one empty field is a blank line: skipped.
        if (!(refs.size() == 1 && refs.front().size == 0)) {
            fields.clear();
            for (const FieldRef &f : refs)
                fields.push_back(QByteArrayView(f.inScratch ? scratch.data() + f.offset : data + f.offset, f.size));
            error = record(recordLine, fields);
        }
        refs.clear();
        scratch.clear();
        recordLine = line;
        return error;
    };
    for (qsizetype i = 0; i < n; ++i) {
        const char c = data[i];
        if (inQuotes) {
            // Up to the next quote at once.
            const char *q = static_cast<const char *>(memchr(data + i, '"', size_t(n - i)));
            const qsizetype j = q ? q - data : n;
            line += int(std::count(data + i, data + j, '\n'));
            append(i, j - i);
            if (j + 1 < n && data[j + 1] == '"') {
                append(j, 1);
                i = j + 1;
            } else {
                inQuotes = q == nullptr;
                i = j;
            }
            continue;
        }
        if (c == '"' && field.size == 0 && !fieldWasQuoted) {
            inQuotes = true;
            fieldWasQuoted = true;
            quoteStartLine = line;
        } else if (c == delimiter) {
            endField();
        } else if (c == '\r') {
            // Part of a CRLF line end, or a stray carriage return: ignored either way.
        } else if (c == '\n') {
            ++line;
            if (auto error = endRecord())
                return error;
        } else {
            // An unquoted run up to the next delimiter or line end (a quote inside it is a literal character).
            qsizetype j = i + 1;
            while (j < n && !ends[uchar(data[j])])
                ++j;
            append(i, j - i);
            i = j - 1;
        }
    }
    if (inQuotes)
        return Error{Error::Code::Format, path, {}, QStringLiteral("line %1: a quoted field is never closed").arg(quoteStartLine)};
    if (field.size > 0 || fieldWasQuoted || !refs.empty())
        return endRecord();
    return std::nullopt;
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

/// True for a field of spaces only (ASCII or Unicode, as QString::trimmed() sees them).
bool isBlank(QByteArrayView field)
{
    for (const char c : field) {
        if (uchar(c) >= 0x80)
            return QString::fromUtf8(field).trimmed().isEmpty();
        if (!std::isspace(uchar(c)))
            return false;
    }
    return true;
}

/// Whether at least two fields have text in them (a header or a data row, not a title or a note).
bool twoFilled(const CsvFields &fields)
{
    int n = 0;
    for (const QByteArrayView f : fields) {
        if (!isBlank(f) && ++n == 2)
            return true;
    }
    return false;
}

bool isComment(const CsvFields &fields)
{
    return !fields.empty() && fields.front().trimmed().startsWith('#');
}

/// The record as one line of text, for a preamble or footer ("指标：年末常住人口(万人)").
QString rowText(const CsvFields &fields)
{
    QStringList parts;
    for (const QByteArrayView f : fields)
        if (!isBlank(f))
            parts << QString::fromUtf8(f).trimmed();
    return parts.join(QStringLiteral(", "));
}

QStringList toStrings(const CsvFields &fields)
{
    QStringList out;
    out.reserve(qsizetype(fields.size()));
    for (const QByteArrayView f : fields)
        out << QString::fromUtf8(f);
    return out;
}

/// A sink that keeps every row as text.
CsvTable::Sink collectInto(std::vector<CsvRow> &rows)
{
    return {{}, [&rows](int line, const CsvFields &fields) -> std::optional<Error> {
                rows.push_back(CsvRow{line, toStrings(fields)});
                return std::nullopt;
            }};
}

/// The delimiter of a table: a comma, or a tab (Excel's "Unicode text") or a semicolon when the first line
/// with several fields has more of those than commas.
char detectDelimiter(QByteArrayView text)
{
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        const QByteArrayView line = text.sliced(start, end - start);
        start = end + 1;
        const qsizetype commas = line.count(','), tabs = line.count('\t'), semicolons = line.count(';');
        if (commas + tabs + semicolons == 0 || line.trimmed().startsWith('#'))
            continue;
        if (tabs > commas && tabs >= semicolons)
            return '\t';
        if (semicolons > commas)
            return ';';
        return ',';
    }
    return ',';
}

} // namespace

/// Turns records into a table as they come: the preamble above the header (comments and lines of at most one
/// field), the header and its checks, then data rows, each checked against the header and handed on. Lines of
/// at most one field below the header are held until a full row follows; those left at the end with fewer
/// fields than the header, or that read as a note (注：…, 数据来源：…), are the footer.
class CsvShaper {
public:
    CsvShaper(const QString &path, const QStringList &requiredColumns, const QString &encoding, const CsvTable::Sink &sink,
              qsizetype lines)
        : m_required(requiredColumns), m_sink(sink)
    {
        m_table.m_path = path;
        m_table.m_encoding = encoding;
        m_table.m_lines = lines;
    }

    std::optional<Error> record(int line, const CsvFields &fields)
    {
        m_anyRecord = true;
        if (isComment(fields)) {
            static const QRegularExpression hash(QStringLiteral("^#\\s*"));
            m_table.m_preamble << rowText(fields).remove(hash);
            return std::nullopt;
        }
        if (!m_headerSeen) {
            if (!twoFilled(fields)) {
                m_table.m_preamble << rowText(fields);
                return std::nullopt;
            }
            return header(line, fields);
        }
        if (!twoFilled(fields)) {
            m_held.push_back(Held{line, {}});
            for (const QByteArrayView f : fields)
                m_held.back().fields.push_back(f.toByteArray());
            return std::nullopt;
        }
        if (auto error = releaseHeld(m_held.size()))
            return error;
        return dataRow(line, fields);
    }

    Result<CsvTable> finish()
    {
        if (!m_headerSeen)
            return Error{Error::Code::Format, m_table.m_path, {},
                         m_anyRecord ? QStringLiteral("has no header line with two or more columns")
                                     : QStringLiteral("is empty: expected a header line")};
        static const QRegularExpression noteLine(QStringLiteral("^\\s*(注|说明|数据来源|资料来源|来源|note|notes|source)\\s*[:：]"),
                                                 QRegularExpression::CaseInsensitiveOption);
        size_t rows = m_held.size();
        while (rows > 0) {
            const CsvFields fields = views(m_held[rows - 1]);
            const QString text = rowText(fields);
            if (fields.size() >= size_t(m_table.m_header.size()) && !noteLine.match(text).hasMatch())
                break;
            m_table.m_footer.prepend(text);
            --rows;
        }
        if (auto error = releaseHeld(rows))
            return *error;
        return m_table;
    }

private:
    struct Held {
        int line;
        std::vector<QByteArray> fields;
    };
    static CsvFields views(const Held &held)
    {
        return CsvFields(held.fields.begin(), held.fields.end());
    }

    std::optional<Error> header(int line, const CsvFields &fields)
    {
        m_headerSeen = true;
        m_table.m_headerLine = line;
        m_table.m_header = toStrings(fields);
        for (QString &h : m_table.m_header)
            h = h.trimmed();
        for (const QString &required : m_required) {
            if (!m_table.m_header.contains(required))
                return Error{Error::Code::Schema, m_table.m_path, QStringLiteral("line %1").arg(line),
                             QStringLiteral("the header lacks the column '%1' (header: %2; expected: %3)")
                                 .arg(required, m_table.m_header.join(u','), m_required.join(u','))};
        }
        return m_sink.header ? m_sink.header(m_table) : std::nullopt;
    }

    std::optional<Error> dataRow(int line, const CsvFields &fields)
    {
        if (fields.size() != size_t(m_table.m_header.size()))
            return Error{Error::Code::Format, m_table.m_path, QStringLiteral("line %1").arg(line),
                         QStringLiteral("has %1 fields, the header has %2").arg(fields.size()).arg(m_table.m_header.size())};
        return m_sink.row(line, fields);
    }

    /// Hands on the first `count` held lines as data rows, and forgets every held line.
    std::optional<Error> releaseHeld(size_t count)
    {
        std::vector<Held> held = std::exchange(m_held, {});
        for (size_t i = 0; i < count; ++i) {
            if (auto error = dataRow(held[i].line, views(held[i])))
                return error;
        }
        return std::nullopt;
    }

    CsvTable m_table;
    QStringList m_required;
    const CsvTable::Sink &m_sink;
    bool m_anyRecord = false;
    bool m_headerSeen = false;
    std::vector<Held> m_held;
};

Result<CsvTable::Text> CsvTable::decode(const QString &path, QByteArray bytes, const QString &encoding)
{
    auto decodeAs = [&](const QByteArray &name, const QString &label) -> std::optional<Text> {
        if (name == "UTF-8") { // kept as it is: no copy of a big file
            if (!QUtf8StringView(bytes).isValidUtf8())
                return std::nullopt;
            if (bytes.startsWith("\xEF\xBB\xBF"))
                bytes.remove(0, 3);
            return Text{std::move(bytes), label};
        }
        QStringDecoder decoder(name.constData(), QStringDecoder::Flag::Stateless);
        if (!decoder.isValid())
            return std::nullopt;
        QString text = decoder.decode(bytes);
        if (decoder.hasError())
            return std::nullopt;
        if (text.startsWith(QChar(0xFEFF)))
            text.remove(0, 1);
        return Text{text.toUtf8(), label};
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

Result<CsvTable> CsvTable::readSheet(const QString &path, const QStringList &requiredColumns, const QString &sheet)
{
    // Rows of cells, read through GDAL; row numbers are the sheet's. Without a sheet named, the first sheet
    // that holds a table (a notes sheet may come first).
    auto sheets = readWorkbook(path, sheet);
    if (!sheets)
        return sheets.error();
    std::optional<Error> firstError;
    std::optional<CsvTable> firstTable;
    // Without a sheet named, a sheet whose header has a year (2024, 2024年 …) or the columns asked for is the
    // table; a notes sheet of two columns before it is not.
    static const QRegularExpression year(QStringLiteral("^\\s*(19|20)\\d\\d"));
    auto looksLikeData = [&](const CsvTable &t) {
        return (!requiredColumns.isEmpty() && std::all_of(requiredColumns.begin(), requiredColumns.end(), [&](const QString &c) { return t.m_header.contains(c); }))
               || std::any_of(t.m_header.begin(), t.m_header.end(), [](const QString &h) { return year.match(h).hasMatch(); });
    };
    for (const WorkbookSheet &s : sheets.value()) {
        std::vector<CsvRow> rows;
        const Sink collect = collectInto(rows);
        CsvShaper shaper(path, requiredColumns, QStringLiteral("sheet '%1'").arg(s.name), collect, qsizetype(s.rows.size()));
        std::optional<Error> error;
        int row = 0;
        for (const QStringList &r : s.rows) {
            ++row;
            if (std::all_of(r.begin(), r.end(), [](const QString &c) { return c.trimmed().isEmpty(); }))
                continue;
            std::vector<QByteArray> cells;
            for (const QString &c : r)
                cells.push_back(c.toUtf8());
            if ((error = shaper.record(row, CsvFields(cells.begin(), cells.end()))))
                break;
        }
        auto table = error ? Result<CsvTable>(*error) : shaper.finish();
        if (table) {
            table->m_rows = std::move(rows);
            if (!sheet.isEmpty() || looksLikeData(table.value()))
                return table;
            if (!firstTable)
                firstTable = std::move(table).value();
            continue;
        }
        if (!firstError)
            firstError = table.error();
    }
    if (firstTable)
        return *firstTable;
    Error e = *firstError;
    if (sheets->size() > 1) {
        QStringList names;
        for (const WorkbookSheet &s : sheets.value())
            names << s.name;
        e.message += QStringLiteral(" (in no sheet: %1)").arg(names.join(QStringLiteral(", ")));
    }
    return e;
}

Result<CsvTable> CsvTable::scan(const QString &path, const QStringList &requiredColumns, const QString &encoding,
                                const QString &sheet, const Sink &sink)
{
    return scanBytes(path, requiredColumns, encoding, sheet, sink, 0);
}

Result<CsvTable> CsvTable::head(const QString &path, const QString &encoding, const QString &sheet)
{
    std::optional<CsvTable> head;
    const Error stop{Error::Code::Format, path, {}, QStringLiteral("stopped at the header")};
    const Sink sink{[&](const CsvTable &h) -> std::optional<Error> {
                        head = h;
                        return stop;
                    },
                    {}};
    auto table = scanBytes(path, {}, encoding, sheet, sink, qint64(1) << 20);
    if (head)
        return *head;
    return table; // an error before the header (or a table of a header alone)
}

Result<CsvTable> CsvTable::scanBytes(const QString &path, const QStringList &requiredColumns, const QString &encoding,
                                     const QString &sheet, const Sink &sink, qint64 headBytes)
{
    if (isWorkbook(path)) {
        auto table = readSheet(path, requiredColumns, sheet);
        if (!table)
            return table;
        std::vector<CsvRow> rows = table->takeRows();
        if (sink.header) {
            if (auto error = sink.header(table.value()))
                return *error;
        }
        for (const CsvRow &r : rows) {
            std::vector<QByteArray> cells;
            for (const QString &c : r.fields)
                cells.push_back(c.toUtf8());
            if (auto error = sink.row(r.line, CsvFields(cells.begin(), cells.end())))
                return *error;
        }
        return table;
    }
    auto read = readInputFile(path, kMaxTableBytes, headBytes);
    if (!read)
        return read.error();
    if (headBytes > 0 && read->size() >= headBytes && read->contains('\n'))
        read->truncate(read->lastIndexOf('\n') + 1); // no character cut in two
    auto decoded = decode(path, std::move(read).value(), encoding);
    if (!decoded)
        return decoded.error();
    CsvShaper shaper(path, requiredColumns, decoded->encoding, sink, std::count(decoded->utf8.cbegin(), decoded->utf8.cend(), '\n') + 1);
    if (auto error = splitRecords(path, decoded->utf8, detectDelimiter(decoded->utf8),
                                  [&shaper](int line, const CsvFields &fields) { return shaper.record(line, fields); }))
        return *error;
    return shaper.finish();
}

Result<CsvTable> CsvTable::read(const QString &path, const QStringList &requiredColumns, const QString &encoding,
                                const QString &sheet)
{
    if (isWorkbook(path))
        return readSheet(path, requiredColumns, sheet);
    std::vector<CsvRow> rows;
    auto table = scan(path, requiredColumns, encoding, {}, collectInto(rows));
    if (table)
        table->m_rows = std::move(rows);
    return table;
}

} // namespace renkou::core
