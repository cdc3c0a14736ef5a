// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/config/yamlreader.h"

#include "app/config/yamldocument.h"
#include "models/common/duration.h"

#include <QDir>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

// QTimer takes an int of milliseconds: a longer interval cannot be honoured.
constexpr std::chrono::milliseconds kMaxDuration{std::numeric_limits<int>::max()};

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
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

} // namespace

YAML::Mark YamlEntry::mark() const
{
    if (value.IsNull() || value.Mark().is_null())
        return keyNode.Mark();
    return value.Mark();
}

YamlReader::YamlReader(YamlDocument *document)
    : m_document(document)
    , m_baseDir(QDir::currentPath())
{}

void YamlReader::setBaseDir(const QString &dir)
{
    m_baseDir = dir.isEmpty() ? QDir::currentPath() : dir;
}

void YamlReader::setPathVariable(const QString &name, const QString &value)
{
    m_pathVariables.append({name, value});
}

void YamlReader::refuseKeys(const QStringList &keys, const QString &message)
{
    m_refusedKeys = keys;
    m_refusedMessage = message;
}

void YamlReader::problem(const YAML::Mark &mark, const QString &message)
{
    m_document->addProblem(mark, message);
}

void YamlReader::forEachKey(const YAML::Node &map, const QString &section, const Keys &keys)
{
    QStringList known;
    known.reserve(keys.size());
    for (const auto &key : keys)
        known.append(key.first);

    QHash<QString, int> seenOnLine;
    for (auto it = map.begin(); it != map.end(); ++it) {
        YamlEntry entry{QString(), it->first, it->second};
        if (!entry.keyNode.IsScalar()) {
            problem(entry.keyNode.Mark(),
                    tr("a key must be a plain name, not %1").arg(describe(entry.keyNode)));
            continue;
        }
        entry.key = fromStd(entry.keyNode.Scalar());
        const qsizetype index = known.indexOf(entry.key);
        if (index < 0) {
            if (m_refusedKeys.contains(entry.key.toLower())) {
                problem(entry.keyNode.Mark(), m_refusedMessage.arg(entry.key));
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
            problem(entry.keyNode.Mark(),
                    section.isEmpty()
                        ? tr("duplicate key '%1' (first given on line %2)").arg(entry.key, first)
                        : tr("duplicate key '%1' in '%2' (first given on line %3)")
                              .arg(entry.key, section, first));
            continue;
        }
        seenOnLine.insert(entry.key, line);
        if (entry.value.IsNull())
            continue;
        keys.at(index).second(entry);
    }
}

bool YamlReader::expectMap(const YamlEntry &entry)
{
    if (entry.value.IsMap())
        return true;
    problem(entry.mark(), tr("expected a mapping (indented 'key: value' lines) for '%1', not %2")
                              .arg(entry.key, describe(entry.value)));
    return false;
}

std::optional<QString> YamlReader::readText(const YamlEntry &entry)
{
    if (entry.value.IsScalar())
        return fromStd(entry.value.Scalar());
    problem(entry.mark(), tr("'%1' must be text, not %2").arg(entry.key, describe(entry.value)));
    return std::nullopt;
}

std::optional<QString> YamlReader::readMatching(const YamlEntry &entry,
                                                const QRegularExpression &pattern,
                                                const QString &message)
{
    const auto text = readText(entry);
    if (!text)
        return std::nullopt;
    if (!pattern.match(*text).hasMatch()) {
        problem(entry.mark(), message.arg(*text));
        return std::nullopt;
    }
    return text;
}

std::optional<QString> YamlReader::readChoice(const YamlEntry &entry, const QStringList &choices,
                                              const QString &message)
{
    const auto text = readText(entry);
    if (!text)
        return std::nullopt;
    const qsizetype index = choices.indexOf(text->toLower());
    if (index < 0) {
        problem(entry.mark(), message.arg(*text));
        return std::nullopt;
    }
    return choices.at(index);
}

std::optional<QStringList> YamlReader::readTextList(const YamlEntry &entry)
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

std::optional<bool> YamlReader::readBool(const YamlEntry &entry)
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

std::optional<int> YamlReader::readInt(const YamlEntry &entry, int min, int max)
{
    bool ok = false;
    const int value = entry.value.IsScalar() ? fromStd(entry.value.Scalar()).toInt(&ok) : 0;
    if (!ok) {
        problem(entry.mark(),
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

std::optional<std::chrono::milliseconds> YamlReader::readDuration(const YamlEntry &entry,
                                                                  std::chrono::milliseconds min,
                                                                  const QString &minText)
{
    DurationError error = DurationError::Invalid;
    std::chrono::milliseconds value{};
    if (!entry.value.IsScalar() || !parseDuration(fromStd(entry.value.Scalar()), &value, &error)) {
        QString message = tr("'%1' must be a duration such as 10s, not %2")
                              .arg(entry.key, describe(entry.value));
        if (error == DurationError::NeedsUnit)
            message += tr(": a duration needs a unit, e.g. 10s");
        problem(entry.mark(), message);
        return std::nullopt;
    }
    if (value < min) {
        problem(entry.mark(),
                tr("'%1' must be %2, not %3").arg(entry.key, minText, describe(entry.value)));
        return std::nullopt;
    }
    if (value > kMaxDuration) {
        problem(entry.mark(),
                tr("'%1' is too long: at most 24d (%2)").arg(entry.key, describe(entry.value)));
        return std::nullopt;
    }
    return value;
}

std::optional<qint64> YamlReader::readSize(const YamlEntry &entry, qint64 min,
                                           const QString &minText)
{
    bool needsUnit = false;
    const auto bytes = entry.value.IsScalar() ? parseSize(fromStd(entry.value.Scalar()), &needsUnit)
                                              : std::nullopt;
    if (!bytes) {
        QString message
            = tr("'%1' must be a size such as 64MiB, not %2").arg(entry.key, describe(entry.value));
        if (needsUnit)
            message += tr(": a size needs a unit (B, KiB, MiB, GiB, KB, MB or GB)");
        problem(entry.mark(), message);
        return std::nullopt;
    }
    if (*bytes < min) {
        problem(entry.mark(),
                tr("'%1' must be %2, not %3").arg(entry.key, minText, describe(entry.value)));
        return std::nullopt;
    }
    return bytes;
}

std::optional<QUrl> YamlReader::readUrl(const YamlEntry &entry)
{
    const auto text = readText(entry);
    if (!text)
        return std::nullopt;
    const QUrl url(text->trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || (scheme != u"http"_s && scheme != u"https"_s) || url.host().isEmpty()) {
        problem(entry.mark(), tr("'%1' must be an absolute http or https URL with a host, such as "
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

std::optional<QString> YamlReader::readPath(const YamlEntry &entry)
{
    const auto text = readText(entry);
    if (!text)
        return std::nullopt;
    return text->isEmpty() ? QString() : resolvePath(*text);
}

QString YamlReader::resolvePath(QString path) const
{
    for (const auto &[name, value] : m_pathVariables)
        path.replace(name, value);
    if (path == u"~"_s)
        path = QDir::homePath();
    else if (path.startsWith(u"~/"_s))
        path = QDir::homePath() + path.mid(1);
    return QDir::cleanPath(QDir(m_baseDir).absoluteFilePath(path));
}

QString YamlReader::describe(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Sequence:
        return tr("a list");
    case YAML::NodeType::Map:
        return tr("a mapping");
    case YAML::NodeType::Scalar:
        return u'\'' + fromStd(node.Scalar()).replace(u'\n', u"\\n"_s) + u'\'';
    default:
        return tr("an empty value");
    }
}

QString YamlReader::closestKey(const QString &key, const QStringList &known)
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

std::optional<qint64> YamlReader::parseSize(const QString &text, bool *needsUnit)
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

} // namespace Stackscope
