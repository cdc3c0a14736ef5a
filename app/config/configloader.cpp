// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/config/configloader.h"

#include "app/config/paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QUrl>

#include <yaml-cpp/anchor.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Stackscope {

namespace {

// QTimer takes an int of milliseconds: a longer interval cannot be honoured.
constexpr std::chrono::milliseconds kMaxDuration{std::numeric_limits<int>::max()};
constexpr qint64 kMinBodyBytes = 1024; // no backend answer fits in less

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

QString effectiveStackDir(const QString &stackDir)
{
    return QDir::cleanPath(stackDir.isEmpty() ? Paths::stackDir() : stackDir);
}

/// The values a key takes when the file leaves it out: the same as the bundled default file
/// (tst_configloader checks that they agree).
Config builtinDefaults(const QString &stackDir)
{
    Config config;
    config.stack.composeFiles = {QDir::cleanPath(stackDir + u"/docker-compose.yml"_s)};
    config.prometheus.url = QUrl(u"http://127.0.0.1:9091"_s);
    EndpointConfig alertmanager;
    alertmanager.url = QUrl(u"http://127.0.0.1:9093"_s);
    config.alertmanagers = {alertmanager};
    config.jaeger.url = QUrl(u"http://127.0.0.1:16686"_s);
    config.grafana.url = QUrl(u"http://127.0.0.1:3000"_s);
    return config;
}

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> previous(b.size() + 1);
    std::vector<int> current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = a.at(i - 1).toLower() == b.at(j - 1).toLower() ? 0 : 1;
            current[j]
                = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

/// The known key a typo most likely meant, or empty when none is close enough to be a guess.
QString closestKey(const QString &key, const QStringList &known)
{
    const int allowed = key.size() <= 4 ? 1 : key.size() <= 8 ? 2 : 3;
    QString best;
    int bestDistance = allowed + 1;
    for (const QString &candidate : known) {
        const int distance = editDistance(key, candidate);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

bool isSecretKey(const QString &key)
{
    static const QStringList secrets = {
        u"password"_s, u"passwd"_s,       u"token"_s,        u"secret"_s,
        u"api_key"_s,  u"bearer_token"_s, u"access_token"_s, u"client_secret"_s,
    };
    return secrets.contains(key.toLower());
}

QString describe(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Sequence:
        return QCoreApplication::translate("ConfigLoader", "a list");
    case YAML::NodeType::Map:
        return QCoreApplication::translate("ConfigLoader", "a mapping");
    case YAML::NodeType::Scalar:
        return u'\'' + fromStd(node.Scalar()).replace(u'\n', u"\\n"_s) + u'\'';
    default:
        return QCoreApplication::translate("ConfigLoader", "an empty value");
    }
}

enum class DurationError { None, NeedsUnit, Invalid };

/// Go/Prometheus durations: `500ms`, `10s`, `1h30m`, `1.5h`, `1d`, `2w`; largest unit first.
std::optional<std::chrono::milliseconds> parseDuration(const QString &text, DurationError *error)
{
    static const QRegularExpression plainNumber(u"^[0-9]+(\\.[0-9]+)?\\z"_s);
    static const QRegularExpression part(u"([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h|d|w)"_s);
    static const QStringList unitsByRank = {u"ms"_s, u"s"_s, u"m"_s, u"h"_s, u"d"_s, u"w"_s};
    static const double unitMs[] = {1.0, 1e3, 60e3, 3600e3, 86400e3, 7 * 86400e3};

    *error = DurationError::Invalid;
    const QString trimmed = text.trimmed();
    if (plainNumber.match(trimmed).hasMatch()) {
        *error = DurationError::NeedsUnit;
        return std::nullopt;
    }
    if (trimmed.isEmpty())
        return std::nullopt;

    double total = 0;
    qsizetype position = 0;
    int lastRank = int(unitsByRank.size());
    while (position < trimmed.size()) {
        const auto match = part.match(trimmed, position, QRegularExpression::NormalMatch,
                                      QRegularExpression::AnchorAtOffsetMatchOption);
        if (!match.hasMatch())
            return std::nullopt;
        const int rank = int(unitsByRank.indexOf(match.captured(2)));
        if (rank >= lastRank)
            return std::nullopt; // repeated or out of order, like 5m1h
        lastRank = rank;
        total += match.captured(1).toDouble() * unitMs[rank];
        position = match.capturedEnd(0);
    }
    if (total > double(std::numeric_limits<qint64>::max() / 2))
        total = double(std::numeric_limits<qint64>::max() / 2);
    *error = DurationError::None;
    return std::chrono::milliseconds(std::llround(total));
}

/// `64MiB`, `512KiB`, `1GB`, `1000B`: binary units with `i`, decimal ones without.
std::optional<qint64> parseSize(const QString &text, bool *needsUnit)
{
    static const QRegularExpression size(u"^([0-9]+(?:\\.[0-9]+)?)\\s*([a-zA-Z]*)\\z"_s);
    *needsUnit = false;
    const auto match = size.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const QString unit = match.captured(2).toLower();
    double factor = 0;
    if (unit.isEmpty()) {
        *needsUnit = true;
        return std::nullopt;
    }
    if (unit == u"b"_s)
        factor = 1;
    else if (unit == u"kib"_s)
        factor = 1024.0;
    else if (unit == u"mib"_s)
        factor = 1024.0 * 1024;
    else if (unit == u"gib"_s)
        factor = 1024.0 * 1024 * 1024;
    else if (unit == u"kb"_s)
        factor = 1e3;
    else if (unit == u"mb"_s)
        factor = 1e6;
    else if (unit == u"gb"_s)
        factor = 1e9;
    else
        return std::nullopt;
    const double bytes = match.captured(1).toDouble() * factor;
    if (bytes >= double(std::numeric_limits<qint64>::max() / 2))
        return std::nullopt;
    return qint64(std::llround(bytes));
}

/// Maps yaml-cpp marks (0-based line, byte column) to what an editor shows (1-based line,
/// character column).
class SourceText
{
public:
    explicit SourceText(const QByteArray &yaml)
    {
        m_lines = yaml.split('\n');
        if (!m_lines.isEmpty() && m_lines.first().startsWith("\xEF\xBB\xBF"))
            m_lines.first().remove(0, 3); // yaml-cpp does not count the byte-order mark
        for (QByteArray &line : m_lines) {
            if (line.endsWith('\r'))
                line.chop(1);
        }
    }

    int lineCount() const { return int(m_lines.size()); }
    QByteArray line(int index) const { return m_lines.value(index); }

    ConfigProblem problem(int line, int byteColumn, const QString &message) const
    {
        ConfigProblem result;
        result.message = message;
        if (line < 0 || byteColumn < 0)
            return result;
        result.line = line + 1;
        const QString before = QString::fromUtf8(m_lines.value(line).left(byteColumn));
        int characters = 0;
        for (const QChar c : before) {
            if (!c.isLowSurrogate())
                ++characters;
        }
        result.column = characters + 1;
        return result;
    }

private:
    QList<QByteArray> m_lines;
};

/// One `key: value` of a mapping.
struct Entry
{
    QString key;
    YAML::Node keyNode;
    YAML::Node value;

    /// The value's position, or the key's when there is no value to point at.
    YAML::Mark mark() const
    {
        if (value.IsNull() || value.Mark().is_null())
            return keyNode.Mark();
        return value.Mark();
    }
};

/// yaml-cpp 0.7's LoadAll() loops forever, filling memory, on a token no document can start with
/// (a lone ',': jbeder/yaml-cpp#1040, fixed upstream in 0.8 by #1319). This walks the documents
/// first and throws where a document would start without consuming anything.
void checkDocumentsAdvance(const std::string &text)
{
    struct Marks : YAML::EventHandler
    {
        YAML::Mark start;
        void OnDocumentStart(const YAML::Mark &mark) override { start = mark; }
        void OnDocumentEnd() override {}
        void OnNull(const YAML::Mark &, YAML::anchor_t) override {}
        void OnAlias(const YAML::Mark &, YAML::anchor_t) override {}
        void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t,
                      const std::string &) override
        {}
        void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                             YAML::EmitterStyle::value) override
        {}
        void OnSequenceEnd() override {}
        void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                        YAML::EmitterStyle::value) override
        {}
        void OnMapEnd() override {}
    } marks;
    std::istringstream in(text);
    YAML::Parser parser(in);
    int previousPos = -1;
    while (parser.HandleNextDocument(marks)) {
        if (marks.start.pos == previousPos)
            throw YAML::ParserException(marks.start, "unexpected character");
        previousPos = marks.start.pos;
    }
}

class Parser
{
    Q_DECLARE_TR_FUNCTIONS(ConfigLoader)

public:
    Parser(const QByteArray &yaml, const QString &baseDir, const QString &stackDir)
        : m_yaml(yaml)
        , m_source(yaml)
        , m_baseDir(baseDir.isEmpty() ? QDir::currentPath() : baseDir)
        , m_stackDir(effectiveStackDir(stackDir))
    {
        m_result.config = builtinDefaults(m_stackDir);
    }

    ConfigLoadResult run()
    {
        std::vector<YAML::Node> documents;
        try {
            const std::string text = m_yaml.toStdString();
            checkDocumentsAdvance(text);
            documents = YAML::LoadAll(text);
        } catch (const YAML::Exception &e) {
            syntaxError(e);
            return finish();
        }
        if (!checkQuotes(documents))
            return finish();

        std::erase_if(documents, [](const YAML::Node &node) { return node.IsNull(); });
        if (documents.empty()) {
            m_result.problems.append(
                m_source.problem(0, 0, tr("the file is empty: it needs at least 'version: 1'")));
            return finish();
        }
        if (documents.size() > 1) {
            problem(
                documents.at(1).Mark(),
                tr("only one YAML document is allowed: remove the '---' line and what follows"));
        }
        parseRoot(documents.front());
        return finish();
    }

private:
    using Handler = std::function<void(const Entry &)>;

    ConfigLoadResult finish()
    {
        std::stable_sort(m_result.problems.begin(), m_result.problems.end(),
                         [](const ConfigProblem &a, const ConfigProblem &b) {
                             return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                         });
        return m_result;
    }

    void problem(const YAML::Mark &mark, const QString &message)
    {
        if (mark.is_null())
            m_result.problems.append(m_source.problem(-1, -1, message));
        else
            m_result.problems.append(m_source.problem(mark.line, mark.column, message));
    }

    void syntaxError(const YAML::Exception &e)
    {
        // yaml-cpp's words for a tab in the indentation are misleading; name the tab instead.
        const int lastLine = e.mark.is_null() ? m_source.lineCount() - 1 : e.mark.line;
        for (int i = 0; i <= lastLine && i < m_source.lineCount(); ++i) {
            const QByteArray line = m_source.line(i);
            qsizetype indent = 0;
            while (indent < line.size() && (line.at(indent) == ' ' || line.at(indent) == '\t'))
                ++indent;
            const qsizetype tab = line.left(indent).indexOf('\t');
            if (tab >= 0) {
                m_result.problems.append(m_source.problem(
                    i, int(tab),
                    tr("a tab is used for indentation: YAML indents with spaces only")));
                return;
            }
        }

        const QString message = fromStd(e.msg);
        YAML::Mark at = e.mark;
        QString hint;
        if (message == u"illegal map value"_s) {
            hint = tr(" (check the indentation, and quote a value that contains ': ')");
        } else if (message == u"end of map flow not found"_s
                   || message == u"end of sequence flow not found"_s) {
            // yaml-cpp notices at the end of the file; the bracket left open is the news.
            const bool map = message.contains(u"map"_s);
            const auto open = unclosedBracket(map ? '{' : '[');
            if (open)
                at = *open;
            if (map)
                hint = open ? tr(" (this '{' has no matching '}')")
                            : tr(" (a '{' has no matching '}')");
            else
                hint = open ? tr(" (this '[' has no matching ']')")
                            : tr(" (a '[' has no matching ']')");
        }
        problem(at, tr("YAML syntax error: %1%2").arg(message, hint));
    }

    /// The last `[` or `{` (as `bracket` says) that no bracket closes, ignoring quoted text and
    /// comments.
    std::optional<YAML::Mark> unclosedBracket(char bracket) const
    {
        struct Open
        {
            char bracket;
            YAML::Mark mark;
        };
        std::vector<Open> open;
        char quote = 0;
        for (int lineIndex = 0; lineIndex < m_source.lineCount(); ++lineIndex) {
            const QByteArray line = m_source.line(lineIndex);
            for (int i = 0; i < line.size(); ++i) {
                const char c = line.at(i);
                if (quote) {
                    if (quote == '"' && c == '\\')
                        ++i;
                    else if (c == quote)
                        quote = 0;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '#'
                           && (i == 0 || line.at(i - 1) == ' ' || line.at(i - 1) == '\t')) {
                    break;
                } else if (c == '[' || c == '{') {
                    YAML::Mark mark;
                    mark.line = lineIndex;
                    mark.column = i;
                    open.push_back({c, mark});
                } else if ((c == ']' || c == '}') && !open.empty()) {
                    open.pop_back();
                }
            }
        }
        for (auto it = open.rbegin(); it != open.rend(); ++it) {
            if (it->bracket == bracket)
                return it->mark;
        }
        return std::nullopt;
    }

    /// yaml-cpp lets a quoted string without its closing quote run on to the end of the file,
    /// swallowing the keys after it. No value in this format spans lines, so a quoted scalar
    /// that does not end on its own line is reported as unterminated.
    bool checkQuotes(const std::vector<YAML::Node> &documents)
    {
        // An alias repeats its anchor's node, at the anchor's position, and can make the tree a
        // cycle (`a: &x {b: *x}`): each position is visited once, and never deeper than the
        // format goes.
        constexpr int maxDepth = 32;
        std::set<std::tuple<int, int, int>> seen;
        std::function<void(const YAML::Node &, int)> visit
            = [&](const YAML::Node &node, int depth) {
                  const YAML::Mark mark = node.Mark();
                  if (depth > maxDepth || mark.is_null())
                      return;
                  const std::tuple<int, int, int> key{mark.line, mark.column, int(node.Type())};
                  if (seen.contains(key))
                      return;
                  seen.insert(key);
                  if (node.IsMap()) {
                      for (auto it = node.begin(); it != node.end(); ++it) {
                          visit(it->first, depth + 1);
                          visit(it->second, depth + 1);
                      }
                  } else if (node.IsSequence()) {
                      for (auto it = node.begin(); it != node.end(); ++it)
                          visit(*it, depth + 1);
                  } else if (node.IsScalar() && node.Tag() == "!") {
                      checkQuote(mark);
                  }
              };
        const qsizetype before = m_result.problems.size();
        for (const YAML::Node &document : documents)
            visit(document, 0);
        return m_result.problems.size() == before;
    }

    void checkQuote(const YAML::Mark &mark)
    {
        const QByteArray line = m_source.line(mark.line);
        if (mark.column >= line.size())
            return;
        const char quote = line.at(mark.column);
        if (quote != '"' && quote != '\'')
            return; // a block scalar or a tag, not a quoted string
        for (qsizetype i = mark.column + 1; i < line.size(); ++i) {
            const char c = line.at(i);
            if (quote == '"' && c == '\\') {
                ++i;
            } else if (c == quote) {
                if (quote == '\'' && i + 1 < line.size() && line.at(i + 1) == '\'')
                    ++i; // '' is an escaped quote
                else
                    return;
            }
        }
        problem(mark, tr("unterminated string: the closing %1 is missing on this line")
                          .arg(QChar(QLatin1Char(quote))));
    }

    /// Calls `handler` for each key of `map` in `section` that is in `known`; reports unknown
    /// and repeated keys. Entries with no value are skipped: an empty value means the default,
    /// as if the key were absent.
    void forEachKey(const YAML::Node &map, const QString &section, const QStringList &known,
                    const Handler &handler)
    {
        QHash<QString, int> seenOnLine;
        for (auto it = map.begin(); it != map.end(); ++it) {
            Entry entry{QString(), it->first, it->second};
            if (!entry.keyNode.IsScalar()) {
                problem(entry.keyNode.Mark(),
                        tr("a key must be a plain name, not %1").arg(describe(entry.keyNode)));
                continue;
            }
            entry.key = fromStd(entry.keyNode.Scalar());
            if (!known.contains(entry.key)) {
                if (isSecretKey(entry.key)) {
                    problem(entry.keyNode.Mark(),
                            tr("'%1': secrets are not stored in the file; name the environment "
                               "variable that holds it in 'secret_env' (under 'auth')")
                                .arg(entry.key));
                    continue;
                }
                const QString guess = closestKey(entry.key, known);
                QString message = section.isEmpty()
                                      ? tr("unknown key '%1'").arg(entry.key)
                                      : tr("unknown key '%1' in '%2'").arg(entry.key, section);
                if (!guess.isEmpty())
                    message += tr(" (did you mean '%1'?)").arg(guess);
                problem(entry.keyNode.Mark(), message);
                continue;
            }
            const int line = entry.keyNode.Mark().line + 1;
            if (seenOnLine.contains(entry.key)) {
                const QString first = QString::number(seenOnLine.value(entry.key));
                problem(
                    entry.keyNode.Mark(),
                    section.isEmpty()
                        ? tr("duplicate key '%1' (first given on line %2)").arg(entry.key, first)
                        : tr("duplicate key '%1' in '%2' (first given on line %3)")
                              .arg(entry.key, section, first));
                continue;
            }
            seenOnLine.insert(entry.key, line);
            if (entry.value.IsNull())
                continue;
            handler(entry);
        }
    }

    bool expectMap(const Entry &entry)
    {
        if (entry.value.IsMap())
            return true;
        problem(entry.mark(),
                tr("expected a mapping (indented 'key: value' lines) for '%1', not %2")
                    .arg(entry.key, describe(entry.value)));
        return false;
    }

    std::optional<QString> readText(const Entry &entry)
    {
        if (entry.value.IsScalar())
            return fromStd(entry.value.Scalar());
        problem(entry.mark(),
                tr("'%1' must be text, not %2").arg(entry.key, describe(entry.value)));
        return std::nullopt;
    }

    std::optional<QStringList> readTextList(const Entry &entry)
    {
        if (!entry.value.IsSequence()) {
            problem(entry.mark(), tr("expected a list for '%1', such as [\"a\", \"b\"], not %2")
                                      .arg(entry.key, describe(entry.value)));
            return std::nullopt;
        }
        QStringList items;
        bool ok = true;
        for (auto it = entry.value.begin(); it != entry.value.end(); ++it) {
            const YAML::Node item = *it;
            if (!item.IsScalar() || item.Scalar().empty()) {
                problem(item.Mark().is_null() ? entry.mark() : item.Mark(),
                        tr("each item of '%1' must be non-empty text, not %2")
                            .arg(entry.key, describe(item)));
                ok = false;
                continue;
            }
            items.append(fromStd(item.Scalar()));
        }
        return ok ? std::optional(items) : std::nullopt;
    }

    std::optional<bool> readBool(const Entry &entry)
    {
        if (entry.value.IsScalar()) {
            const QString text = fromStd(entry.value.Scalar()).toLower();
            if (text == u"true"_s)
                return true;
            if (text == u"false"_s)
                return false;
        }
        problem(entry.mark(),
                tr("'%1' must be true or false, not %2").arg(entry.key, describe(entry.value)));
        return std::nullopt;
    }

    std::optional<int> readInt(const Entry &entry, int min, int max)
    {
        bool ok = false;
        const int value = entry.value.IsScalar() ? fromStd(entry.value.Scalar()).toInt(&ok) : 0;
        if (!ok) {
            problem(
                entry.mark(),
                tr("'%1' must be a whole number, not %2").arg(entry.key, describe(entry.value)));
            return std::nullopt;
        }
        if (value < min || value > max) {
            problem(entry.mark(), tr("'%1' must be between %2 and %3, not %4")
                                      .arg(entry.key, QString::number(min), QString::number(max),
                                           QString::number(value)));
            return std::nullopt;
        }
        return value;
    }

    std::optional<std::chrono::milliseconds>
    readDuration(const Entry &entry, std::chrono::milliseconds min, const QString &minText)
    {
        DurationError error = DurationError::Invalid;
        const auto value = entry.value.IsScalar()
                               ? parseDuration(fromStd(entry.value.Scalar()), &error)
                               : std::nullopt;
        if (!value) {
            QString message = tr("'%1' must be a duration such as 10s, not %2")
                                  .arg(entry.key, describe(entry.value));
            if (error == DurationError::NeedsUnit)
                message += tr(": a duration needs a unit, e.g. 10s");
            problem(entry.mark(), message);
            return std::nullopt;
        }
        if (*value < min) {
            problem(entry.mark(),
                    tr("'%1' must be %2, not %3").arg(entry.key, minText, describe(entry.value)));
            return std::nullopt;
        }
        if (*value > kMaxDuration) {
            problem(entry.mark(),
                    tr("'%1' is too long: at most 24d (%2)").arg(entry.key, describe(entry.value)));
            return std::nullopt;
        }
        return value;
    }

    std::optional<QUrl> readUrl(const Entry &entry)
    {
        const auto text = readText(entry);
        if (!text)
            return std::nullopt;
        const QUrl url(text->trimmed(), QUrl::StrictMode);
        const QString scheme = url.scheme();
        if (!url.isValid() || (scheme != u"http"_s && scheme != u"https"_s)
            || url.host().isEmpty()) {
            problem(entry.mark(),
                    tr("'%1' must be an absolute http or https URL with a host, such as "
                       "http://127.0.0.1:9090, not '%2'")
                        .arg(entry.key, *text));
            return std::nullopt;
        }
        if (!url.userInfo().isEmpty()) {
            problem(entry.mark(),
                    tr("'%1' must not contain a user name or password: secrets are not stored in "
                       "the file; use 'auth' with 'secret_env'")
                        .arg(entry.key));
            return std::nullopt;
        }
        return url;
    }

    QString resolvePath(QString path) const
    {
        path.replace(u"@STACK_DIR@"_s, m_stackDir);
        if (path == u"~"_s)
            path = QDir::homePath();
        else if (path.startsWith(u"~/"_s))
            path = QDir::homePath() + path.mid(1);
        return QDir::cleanPath(QDir(m_baseDir).absoluteFilePath(path));
    }

    std::optional<QString> readPath(const Entry &entry)
    {
        const auto text = readText(entry);
        if (!text)
            return std::nullopt;
        return text->isEmpty() ? QString() : resolvePath(*text);
    }

    void parseRoot(const YAML::Node &root)
    {
        if (!root.IsMap()) {
            problem(root.Mark(), tr("expected a mapping (lines of 'key: value') at the top level, "
                                    "not %1")
                                     .arg(describe(root)));
            return;
        }
        if (!parseVersion(root))
            return;

        static const QStringList known
            = {u"version"_s,       u"stack"_s,        u"endpoints"_s, u"refresh"_s,
               u"notifications"_s, u"self_metrics"_s, u"http"_s};
        forEachKey(root, QString(), known, [this](const Entry &entry) {
            if (entry.key == u"version"_s)
                return;
            if (!expectMap(entry))
                return;
            if (entry.key == u"stack"_s)
                parseStack(entry.value);
            else if (entry.key == u"endpoints"_s)
                parseEndpoints(entry.value);
            else if (entry.key == u"refresh"_s)
                parseRefresh(entry.value);
            else if (entry.key == u"notifications"_s)
                parseNotifications(entry.value);
            else if (entry.key == u"self_metrics"_s)
                parseSelfMetrics(entry.value);
            else if (entry.key == u"http"_s)
                parseHttp(entry.value);
        });
    }

    /// False when the file is for a newer format: its other keys are then not ours to judge.
    bool parseVersion(const YAML::Node &root)
    {
        for (auto it = root.begin(); it != root.end(); ++it) {
            if (!it->first.IsScalar() || it->first.Scalar() != "version")
                continue;
            const Entry entry{u"version"_s, it->first, it->second};
            bool ok = false;
            const int version
                = entry.value.IsScalar() ? fromStd(entry.value.Scalar()).toInt(&ok) : 0;
            if (ok && version > 1) {
                problem(entry.mark(), tr("this file is for a newer Stackscope (version %1); this "
                                         "build reads version 1")
                                          .arg(version));
                return false;
            }
            if (!ok || version != 1)
                problem(entry.mark(), tr("'version' must be 1, not %1").arg(describe(entry.value)));
            return true;
        }
        problem(root.Mark(), tr("missing 'version: 1': the file must say which format it is in"));
        return true;
    }

    void parseStack(const YAML::Node &node)
    {
        static const QStringList known
            = {u"compose_files"_s, u"project"_s,         u"env_file"_s,
               u"profiles"_s,      u"compose_command"_s, u"docker_host"_s};
        StackConfig &stack = m_result.config.stack;
        forEachKey(node, u"stack"_s, known, [&](const Entry &entry) {
            if (entry.key == u"compose_files"_s) {
                const auto files = readTextList(entry);
                if (!files)
                    return;
                if (files->isEmpty()) {
                    problem(entry.mark(), tr("'compose_files' needs at least one file"));
                    return;
                }
                stack.composeFiles.clear();
                for (const QString &file : *files)
                    stack.composeFiles.append(resolvePath(file));
            } else if (entry.key == u"project"_s) {
                static const QRegularExpression valid(u"^[a-z0-9][a-z0-9_-]*\\z"_s);
                const auto project = readText(entry);
                if (!project)
                    return;
                if (!valid.match(*project).hasMatch()) {
                    problem(entry.mark(),
                            tr("'project' must be a compose project name (lowercase letters, "
                               "digits, '_' and '-', starting with a letter or digit), not '%1'")
                                .arg(*project));
                    return;
                }
                stack.project = *project;
            } else if (entry.key == u"env_file"_s) {
                if (const auto path = readPath(entry))
                    stack.envFile = *path;
            } else if (entry.key == u"profiles"_s) {
                if (const auto profiles = readTextList(entry))
                    stack.profiles = *profiles;
            } else if (entry.key == u"compose_command"_s) {
                if (const auto command = readTextList(entry))
                    stack.composeCommand = *command;
            } else if (entry.key == u"docker_host"_s) {
                static const QRegularExpression valid(u"^(unix|tcp|ssh|fd|npipe)://"_s);
                const auto host = readText(entry);
                if (!host)
                    return;
                if (!host->isEmpty() && !valid.match(*host).hasMatch()) {
                    problem(entry.mark(), tr("'docker_host' must be a daemon address such as "
                                             "unix:///run/user/1000/docker.sock or "
                                             "tcp://127.0.0.1:2375, not '%1'")
                                              .arg(*host));
                    return;
                }
                stack.dockerHost = *host;
            }
        });
    }

    void parseEndpoints(const YAML::Node &node)
    {
        static const QStringList known
            = {u"prometheus"_s, u"alertmanagers"_s, u"jaeger"_s, u"grafana"_s};
        forEachKey(node, u"endpoints"_s, known, [this](const Entry &entry) {
            const QString section = u"endpoints."_s + entry.key;
            if (entry.key == u"alertmanagers"_s) {
                parseAlertmanagers(entry);
                return;
            }
            if (!expectMap(entry))
                return;
            Config &config = m_result.config;
            EndpointConfig &endpoint = entry.key == u"prometheus"_s ? config.prometheus
                                       : entry.key == u"jaeger"_s   ? config.jaeger
                                                                    : config.grafana;
            parseEndpoint(entry.value, section, endpoint);
        });
    }

    void parseAlertmanagers(const Entry &entry)
    {
        const QString section = u"endpoints.alertmanagers"_s;
        QList<EndpointConfig> alertmanagers;
        auto parseOne = [&](const YAML::Node &item, const YAML::Mark &fallback) {
            EndpointConfig endpoint;
            if (!item.IsMap()) {
                problem(item.Mark().is_null() ? fallback : item.Mark(),
                        tr("expected a mapping with a 'url' for each Alertmanager, not %1")
                            .arg(describe(item)));
                return;
            }
            if (!item["url"] || item["url"].IsNull())
                problem(item.Mark(), tr("each Alertmanager needs a 'url'"));
            parseEndpoint(item, section, endpoint);
            alertmanagers.append(endpoint);
        };
        if (entry.value.IsMap()) {
            parseOne(entry.value, entry.mark()); // a single Alertmanager, written without a list
        } else if (entry.value.IsSequence()) {
            for (auto it = entry.value.begin(); it != entry.value.end(); ++it)
                parseOne(*it, entry.mark());
        } else {
            problem(entry.mark(), tr("expected a list of Alertmanagers ('- url: ...' items) for "
                                     "'alertmanagers', not %1")
                                      .arg(describe(entry.value)));
            return;
        }
        m_result.config.alertmanagers = alertmanagers;
    }

    void parseEndpoint(const YAML::Node &node, const QString &section, EndpointConfig &endpoint)
    {
        static const QStringList known
            = {u"url"_s, u"timeout"_s, u"auth"_s, u"ca_file"_s, u"insecure_skip_verify"_s};
        forEachKey(node, section, known, [&](const Entry &entry) {
            if (entry.key == u"url"_s) {
                if (const auto url = readUrl(entry))
                    endpoint.url = *url;
            } else if (entry.key == u"timeout"_s) {
                if (const auto timeout = readDuration(entry, 1ms, tr("longer than 0s")))
                    endpoint.timeout = *timeout;
            } else if (entry.key == u"auth"_s) {
                if (expectMap(entry))
                    parseAuth(entry, section + u".auth"_s, endpoint.auth);
            } else if (entry.key == u"ca_file"_s) {
                const auto path = readPath(entry);
                if (!path || path->isEmpty())
                    return;
                const QFileInfo file(*path);
                if (!file.exists())
                    problem(entry.mark(),
                            tr("'ca_file' names a file that does not exist: %1").arg(*path));
                else if (!file.isFile() || !file.isReadable())
                    problem(entry.mark(), tr("'ca_file' is not a readable file: %1").arg(*path));
                else
                    endpoint.caFile = *path;
            } else if (entry.key == u"insecure_skip_verify"_s) {
                if (const auto skip = readBool(entry))
                    endpoint.insecureSkipVerify = *skip;
            }
        });
    }

    void parseAuth(const Entry &authEntry, const QString &section, AuthConfig &auth)
    {
        static const QStringList known = {u"type"_s, u"username"_s, u"secret_env"_s};
        std::optional<Entry> typeEntry;
        std::optional<Entry> usernameEntry;
        std::optional<Entry> secretEntry;
        bool typeOk = true;
        forEachKey(authEntry.value, section, known, [&](const Entry &entry) {
            if (entry.key == u"type"_s) {
                typeEntry = entry;
                const auto type = readText(entry);
                if (!type) {
                    typeOk = false;
                    return;
                }
                const QString lower = type->toLower();
                if (lower == u"basic"_s) {
                    auth.type = AuthConfig::Type::Basic;
                } else if (lower == u"bearer"_s) {
                    auth.type = AuthConfig::Type::Bearer;
                } else if (lower == u"none"_s) {
                    auth.type = AuthConfig::Type::None;
                } else {
                    problem(entry.mark(),
                            tr("'type' must be basic, bearer or none, not '%1'").arg(*type));
                    typeOk = false;
                }
            } else if (entry.key == u"username"_s) {
                usernameEntry = entry;
                if (const auto username = readText(entry))
                    auth.username = *username;
            } else if (entry.key == u"secret_env"_s) {
                static const QRegularExpression name(u"^[A-Za-z_][A-Za-z0-9_]*\\z"_s);
                secretEntry = entry;
                const auto variable = readText(entry);
                if (!variable)
                    return;
                if (!name.match(*variable).hasMatch()) {
                    problem(entry.mark(), tr("'secret_env' must be the name of an environment "
                                             "variable, such as PROM_TOKEN, not '%1'")
                                              .arg(*variable));
                    return;
                }
                auth.secretEnv = *variable;
            }
        });

        if (!typeEntry) {
            problem(authEntry.mark(), tr("'auth' needs a 'type': basic or bearer"));
            return;
        }
        if (!typeOk)
            return;
        const YAML::Mark at = typeEntry->mark();
        switch (auth.type) {
        case AuthConfig::Type::Basic:
            if (!usernameEntry || auth.username.isEmpty())
                problem(at, tr("basic auth needs a 'username'"));
            if (!secretEntry)
                problem(at, tr("basic auth needs 'secret_env': the name of the environment "
                               "variable that holds the password"));
            break;
        case AuthConfig::Type::Bearer:
            if (usernameEntry)
                problem(usernameEntry->keyNode.Mark(),
                        tr("'username' is only used with type: basic"));
            if (!secretEntry)
                problem(at, tr("bearer auth needs 'secret_env': the name of the environment "
                               "variable that holds the token"));
            break;
        case AuthConfig::Type::None:
            if (usernameEntry)
                problem(usernameEntry->keyNode.Mark(),
                        tr("'username' is only used with type: basic"));
            if (secretEntry)
                problem(secretEntry->keyNode.Mark(),
                        tr("'secret_env' is not used with type: none"));
            break;
        }
    }

    void parseRefresh(const YAML::Node &node)
    {
        static const QStringList known
            = {u"status"_s, u"stack"_s, u"metrics"_s, u"alerts"_s, u"traces"_s};
        RefreshConfig &refresh = m_result.config.refresh;
        forEachKey(node, u"refresh"_s, known, [&](const Entry &entry) {
            const auto interval = readDuration(entry, 1s, tr("at least 1s"));
            if (!interval)
                return;
            if (entry.key == u"status"_s)
                refresh.status = *interval;
            else if (entry.key == u"stack"_s)
                refresh.stack = *interval;
            else if (entry.key == u"metrics"_s)
                refresh.metrics = *interval;
            else if (entry.key == u"alerts"_s)
                refresh.alerts = *interval;
            else if (entry.key == u"traces"_s)
                refresh.traces = *interval;
        });
    }

    void parseNotifications(const YAML::Node &node)
    {
        static const QStringList known
            = {u"enabled"_s, u"min_severity"_s, u"notify_resolved"_s, u"storm_threshold"_s};
        NotificationConfig &notifications = m_result.config.notifications;
        forEachKey(node, u"notifications"_s, known, [&](const Entry &entry) {
            if (entry.key == u"enabled"_s) {
                if (const auto enabled = readBool(entry))
                    notifications.enabled = *enabled;
            } else if (entry.key == u"min_severity"_s) {
                static const QStringList severities = {u"info"_s, u"warning"_s, u"critical"_s};
                const auto severity = readText(entry);
                if (!severity)
                    return;
                if (!severities.contains(severity->toLower())) {
                    problem(entry.mark(), tr("'min_severity' must be info, warning or critical, "
                                             "not '%1'")
                                              .arg(*severity));
                    return;
                }
                notifications.minSeverity = severity->toLower();
            } else if (entry.key == u"notify_resolved"_s) {
                if (const auto resolved = readBool(entry))
                    notifications.notifyResolved = *resolved;
            } else if (entry.key == u"storm_threshold"_s) {
                if (const auto threshold = readInt(entry, 1, 10000))
                    notifications.stormThreshold = *threshold;
            }
        });
    }

    void parseSelfMetrics(const YAML::Node &node)
    {
        static const QStringList known = {u"enabled"_s, u"listen"_s};
        SelfMetricsConfig &selfMetrics = m_result.config.selfMetrics;
        forEachKey(node, u"self_metrics"_s, known, [&](const Entry &entry) {
            if (entry.key == u"enabled"_s) {
                if (const auto enabled = readBool(entry))
                    selfMetrics.enabled = *enabled;
            } else if (entry.key == u"listen"_s) {
                static const QRegularExpression address(
                    u"^(\\[[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?\\]|[A-Za-z0-9_.-]+):([0-9]{1,5})\\z"_s);
                const auto listen = readText(entry);
                if (!listen)
                    return;
                const auto match = address.match(*listen);
                const int port = match.hasMatch() ? match.captured(3).toInt() : 0;
                if (port < 1 || port > 65535) {
                    problem(entry.mark(), tr("'listen' must be host:port with a port from 1 to "
                                             "65535, such as 127.0.0.1:9465 (IPv6 as [::1]:9465), "
                                             "not '%1'")
                                              .arg(*listen));
                    return;
                }
                selfMetrics.listen = *listen;
            }
        });
    }

    void parseHttp(const YAML::Node &node)
    {
        static const QStringList known = {u"max_body"_s};
        forEachKey(node, u"http"_s, known, [&](const Entry &entry) {
            bool needsUnit = false;
            const auto bytes = entry.value.IsScalar()
                                   ? parseSize(fromStd(entry.value.Scalar()), &needsUnit)
                                   : std::nullopt;
            if (!bytes) {
                QString message = tr("'max_body' must be a size such as 64MiB, not %1")
                                      .arg(describe(entry.value));
                if (needsUnit)
                    message += tr(": a size needs a unit (B, KiB, MiB, GiB, KB, MB or GB)");
                problem(entry.mark(), message);
                return;
            }
            if (*bytes < kMinBodyBytes) {
                problem(entry.mark(),
                        tr("'max_body' must be at least 1KiB, not %1").arg(describe(entry.value)));
                return;
            }
            m_result.config.http.maxBodyBytes = *bytes;
        });
    }

    QByteArray m_yaml;
    SourceText m_source;
    QString m_baseDir;
    QString m_stackDir;
    ConfigLoadResult m_result;
};

} // namespace

ConfigLoadResult parseConfig(const QByteArray &yaml, const QString &baseDir,
                             const QString &stackDir)
{
    return Parser(yaml, baseDir, stackDir).run();
}

ConfigLoadResult loadConfigFile(const QString &path, const QString &stackDir)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ConfigLoadResult result;
        result.config = builtinDefaults(effectiveStackDir(stackDir));
        result.problems.append(
            {0, 0,
             QCoreApplication::translate("ConfigLoader", "cannot read the file: %1")
                 .arg(file.errorString())});
        return result;
    }
    return parseConfig(file.readAll(), QFileInfo(path).absolutePath(), stackDir);
}

QByteArray defaultConfigText(const QString &stackDir)
{
    QFile resource(u":/config/default.yaml"_s);
    const bool opened = resource.open(QIODevice::ReadOnly);
    Q_ASSERT_X(opened, "defaultConfigText", "the default configuration is not embedded");
    QByteArray text = opened ? resource.readAll() : QByteArray("version: 1\n");

    // The placeholder sits in a double-quoted YAML string: escape what would end or break it.
    QByteArray directory = effectiveStackDir(stackDir).toUtf8();
    directory.replace('\\', "\\\\").replace('"', "\\\"");
    return text.replace("@STACK_DIR@", directory);
}

Config defaultConfig(const QString &stackDir)
{
    const QString directory = effectiveStackDir(stackDir);
    const ConfigLoadResult result = parseConfig(defaultConfigText(directory), directory, directory);
    Q_ASSERT_X(result.ok(), "defaultConfig", "the bundled default configuration is invalid");
    return result.ok() ? result.config : builtinDefaults(directory);
}

} // namespace Stackscope
