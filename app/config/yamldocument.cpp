// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/config/yamldocument.h"

#include <yaml-cpp/anchor.h>
#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <functional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

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

} // namespace

YamlDocument::YamlDocument(const QByteArray &yaml)
    : m_yaml(yaml)
{
    m_lines = yaml.split('\n');
    if (!m_lines.isEmpty() && m_lines.first().startsWith("\xEF\xBB\xBF"))
        m_lines.first().remove(0, 3); // yaml-cpp does not count the byte-order mark
    for (QByteArray &line : m_lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
}

bool YamlDocument::parse()
{
    std::vector<YAML::Node> documents;
    try {
        const std::string text = m_yaml.toStdString();
        checkDocumentsAdvance(text);
        documents = YAML::LoadAll(text);
    } catch (const YAML::Exception &e) {
        reportSyntaxError(e);
        return false;
    }
    if (!checkQuotes(documents))
        return false;
    std::erase_if(documents, [](const YAML::Node &node) { return node.IsNull(); });
    m_documents = std::move(documents);
    return true;
}

void YamlDocument::addProblem(const YAML::Mark &mark, const QString &message)
{
    if (mark.is_null())
        m_problems.append(positioned(-1, -1, message));
    else
        m_problems.append(positioned(mark.line, mark.column, message));
}

QList<ConfigProblem> YamlDocument::problems() const
{
    QList<ConfigProblem> sorted = m_problems;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const ConfigProblem &a, const ConfigProblem &b) {
                         return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                     });
    return sorted;
}

ConfigProblem YamlDocument::positioned(int line, int byteColumn, const QString &message) const
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

void YamlDocument::reportSyntaxError(const YAML::Exception &e)
{
    // yaml-cpp's words for a tab in the indentation are misleading; name the tab instead.
    const int lastLine = e.mark.is_null() ? int(m_lines.size()) - 1 : e.mark.line;
    for (int i = 0; i <= lastLine && i < int(m_lines.size()); ++i) {
        const QByteArray line = m_lines.value(i);
        qsizetype indent = 0;
        while (indent < line.size() && (line.at(indent) == ' ' || line.at(indent) == '\t'))
            ++indent;
        const qsizetype tab = line.left(indent).indexOf('\t');
        if (tab >= 0) {
            m_problems.append(positioned(
                i, int(tab), tr("a tab is used for indentation: YAML indents with spaces only")));
            return;
        }
    }

    const QString message = QString::fromStdString(e.msg);
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
            hint
                = open ? tr(" (this '{' has no matching '}')") : tr(" (a '{' has no matching '}')");
        else
            hint
                = open ? tr(" (this '[' has no matching ']')") : tr(" (a '[' has no matching ']')");
    }
    addProblem(at, tr("YAML syntax error: %1%2").arg(message, hint));
}

/// The last `[` or `{` (as `bracket` says) that no bracket closes, ignoring quoted text and
/// comments.
std::optional<YAML::Mark> YamlDocument::unclosedBracket(char bracket) const
{
    struct Open
    {
        char bracket;
        YAML::Mark mark;
    };
    std::vector<Open> open;
    char quote = 0;
    for (int lineIndex = 0; lineIndex < int(m_lines.size()); ++lineIndex) {
        const QByteArray line = m_lines.value(lineIndex);
        for (int i = 0; i < line.size(); ++i) {
            const char c = line.at(i);
            if (quote) {
                if (quote == '"' && c == '\\')
                    ++i;
                else if (c == quote)
                    quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == 0 || line.at(i - 1) == ' ' || line.at(i - 1) == '\t')) {
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
bool YamlDocument::checkQuotes(const std::vector<YAML::Node> &documents)
{
    // An alias repeats its anchor's node, at the anchor's position, and can make the tree a
    // cycle (`a: &x {b: *x}`): each position is visited once, and never deeper than the
    // format goes.
    constexpr int maxDepth = 32;
    std::set<std::tuple<int, int, int>> seen;
    std::function<void(const YAML::Node &, int)> visit = [&](const YAML::Node &node, int depth) {
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
    const qsizetype before = m_problems.size();
    for (const YAML::Node &document : documents)
        visit(document, 0);
    return m_problems.size() == before;
}

void YamlDocument::checkQuote(const YAML::Mark &mark)
{
    const QByteArray line = m_lines.value(mark.line);
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
    addProblem(mark, tr("unterminated string: the closing %1 is missing on this line")
                         .arg(QChar(QLatin1Char(quote))));
}

} // namespace Stackscope
