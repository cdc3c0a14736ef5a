// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace Stackscope {

/// Each distinct string stored once; spans refer to it by a 32-bit id. Id 0 is the empty string.
/// Not thread-safe: filled by one parser, then only read.
class StringPool
{
public:
    StringPool();
    quint32 intern(std::string_view utf8);
    quint32 intern(const QString &text);
    const QString &at(quint32 id) const { return m_strings[id]; }
    qsizetype size() const { return qsizetype(m_strings.size()); }
    /// Every id whose string contains `needle` (case-insensitive).
    std::vector<bool> matching(const QString &needle) const;

private:
    struct Hash
    {
        using is_transparent = void;
        size_t operator()(std::string_view text) const noexcept
        {
            return std::hash<std::string_view>{}(text);
        }
    };
    std::unordered_map<std::string, quint32, Hash, std::equal_to<>> m_index;
    std::vector<QString> m_strings;
};

/// A hexadecimal ID as the server wrote it (15, 16, 31 or 32 characters), kept in the trace's
/// ID arena.
struct IdText
{
    quint32 offset = 0;
    quint16 length = 0;
};

/// One tag (also a log field or a process tag). The value's representation follows `type`;
/// an int64 that the server sent as a string (above 2^53) is kept exactly.
struct SpanTag
{
    Q_GADGET
public:
    enum class Type : quint8 { String, Bool, Int64, Float64, Binary };
    Q_ENUM(Type)

    quint32 key = 0; ///< StringPool id
    Type type = Type::String;
    bool textual = false; ///< numeric value that only parsed as text: `text` holds it
    union {
        qint64 integer;
        double real;
        bool boolean;
        quint32 text; ///< StringPool id: strings, base64 binaries, unparsable numbers
    };
    SpanTag()
        : integer(0)
    {}
};

struct SpanLog
{
    qint64 timestampUs = 0;
    quint32 firstField = 0; ///< into Trace::tags
    quint32 fieldCount = 0;
};

struct SpanRef
{
    Q_GADGET
public:
    enum class Kind : quint8 { ChildOf, FollowsFrom };
    Q_ENUM(Kind)
    Kind kind = Kind::ChildOf;
    IdText traceId;
    IdText spanId;
};

struct TraceProcess
{
    QString key; ///< "p1"; empty for OTLP resources
    quint32 service = 0;
    quint32 firstTag = 0;
    quint32 tagCount = 0;
};

/// One span, compact: 64 bytes plus what it shares with the trace (tags, logs, references and
/// warnings live in the trace's flat arrays, addressed by first index and count).
struct Span
{
    enum Flag : quint8 {
        Error = 1,        ///< tag error=true or an OTLP error status
        ClockSkew = 2,    ///< a clock-skew warning, or it starts before its parent
        DuplicateId = 4,  ///< an earlier span had the same ID; children attach to the first
        ParentMissing = 8 ///< it names a parent that is not in the trace: shown as a root
    };
    qint64 startUs = 0;
    qint64 durationUs = 0;
    IdText spanId;
    IdText parentId;       ///< of the first reference (CHILD_OF or FOLLOWS_FROM alike), or empty
    quint32 operation = 0; ///< StringPool id
    quint32 service = 0;   ///< StringPool id (from the process)
    quint32 process = 0;   ///< into Trace::processes
    qint32 parent = -1;    ///< index into Trace::spans, -1 for a root
    quint32 firstTag = 0;
    quint32 firstLog = 0;
    quint32 firstRef = 0;
    quint32 firstWarning = 0;
    quint16 tagCount = 0;
    quint16 logCount = 0;
    quint8 refCount = 0;
    quint8 warningCount = 0;
    quint8 flags = 0;

    qint64 endUs() const { return startUs + durationUs; }
    bool has(Flag flag) const { return flags & flag; }
};

/// A whole trace as value types. Shared read-only between threads once built
/// (std::shared_ptr<const Trace>).
class Trace
{
public:
    enum class Format { JaegerV1, OtlpV3, ZipkinV2 };

    QString traceId;
    Format format = Format::JaegerV1;
    std::vector<Span> spans;
    std::vector<SpanTag> tags;
    std::vector<SpanLog> logs;
    std::vector<SpanRef> refs;
    std::vector<TraceProcess> processes;
    std::vector<QString> spanWarnings; ///< addressed by Span::firstWarning / warningCount
    QStringList warnings;              ///< the trace's own warnings and the parser's notes
    StringPool strings;
    std::string ids; ///< the ID arena
    qint64 startUs = 0;
    qint64 endUs = 0;

    IdText addId(std::string_view text);
    QString idText(IdText id) const;
    std::string_view idView(IdText id) const { return {ids.data() + id.offset, id.length}; }
    QString spanId(int span) const { return idText(spans[size_t(span)].spanId); }
    const QString &service(int span) const { return strings.at(spans[size_t(span)].service); }
    const QString &operation(int span) const { return strings.at(spans[size_t(span)].operation); }
    qint64 durationUs() const { return endUs - startUs; }

    /// The tag's value as a QVariant: qint64, bool, double, or QString (strings, base64 binaries
    /// and int64 values beyond 2^53 sent as strings).
    QVariant tagValue(const SpanTag &tag) const;
    QString tagText(const SpanTag &tag) const;
    static QString typeName(SpanTag::Type type);

    /// After the parser filled spans: resolves parents from Span::parentId (first occurrence of
    /// an ID wins), marks duplicates, missing parents, clock skew, and computes start and end.
    void finish();
};

using TracePtr = std::shared_ptr<const Trace>;

/// One line of search results.
struct TraceSummary
{
    QString traceId;
    QString rootService;
    QString rootOperation;
    int spanCount = 0;
    int errorCount = 0;
    int serviceCount = 0;
    qint64 startUs = 0;
    qint64 durationUs = 0;
    TracePtr trace; ///< the whole trace as the search returned it

    static TraceSummary of(const TracePtr &trace);
};

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::TracePtr)
