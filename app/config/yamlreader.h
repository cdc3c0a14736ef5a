// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <yaml-cpp/yaml.h>

#include <chrono>
#include <functional>
#include <optional>
#include <utility>

namespace Stackscope {

class YamlDocument;

/// One `key: value` of a mapping.
struct YamlEntry
{
    QString key;
    YAML::Node keyNode;
    YAML::Node value;

    /// The value's position, or the key's when there is no value to point at.
    YAML::Mark mark() const;
};

/// Reads typed values out of a YamlDocument and reports what is wrong with them there, at the
/// value's line and column, in words a person understands: unknown keys (with a "did you mean"
/// guess), repeated keys, and values that are not the text, list, flag, number, duration, size,
/// URL, path or choice a key wants. Every read* function returns nullopt after reporting; the
/// caller then keeps its default.
///
/// A format is described by calling forEachKey() with the keys each mapping may hold (see
/// app/config/configschema.cpp for the configuration file).
class YamlReader
{
    // The messages were written for the configuration file and keep its context.
    Q_DECLARE_TR_FUNCTIONS(ConfigLoader)

public:
    using Handler = std::function<void(const YamlEntry &)>;
    /// The keys a mapping may hold, each with what reads its value. The order matters only for
    /// the "did you mean" guess: of equally close keys, the first is suggested.
    using Keys = QList<std::pair<QString, Handler>>;

    explicit YamlReader(YamlDocument *document);

    /// Relative paths (readPath(), resolvePath()) resolve against `dir`; empty = the current
    /// folder.
    void setBaseDir(const QString &dir);
    /// resolvePath() replaces `name` (such as `@STACK_DIR@`) by `value` first.
    void setPathVariable(const QString &name, const QString &value);
    /// Keys refused wherever they appear (compared without case) with `message`, whose %1 is the
    /// key as written, instead of "unknown key": for secrets that must not be in the file.
    void refuseKeys(const QStringList &keys, const QString &message);

    /// Records a problem at `mark` in the document.
    void problem(const YAML::Mark &mark, const QString &message);

    /// Calls the handler of each key of `map` that `keys` lists; reports unknown and repeated
    /// keys, naming `section` (empty at the top level). Entries with no value are skipped: an
    /// empty value means the default, as if the key were absent.
    void forEachKey(const YAML::Node &map, const QString &section, const Keys &keys);

    /// True when the value is a mapping; otherwise reports it.
    bool expectMap(const YamlEntry &entry);
    std::optional<QString> readText(const YamlEntry &entry);
    /// Text that `pattern` matches; otherwise reports `message` with the text as its %1.
    std::optional<QString> readMatching(const YamlEntry &entry, const QRegularExpression &pattern,
                                        const QString &message);
    /// One of `choices` (lowercase), compared without case; otherwise reports `message` with the
    /// text as written as its %1. Returns the choice as listed.
    std::optional<QString> readChoice(const YamlEntry &entry, const QStringList &choices,
                                      const QString &message);
    /// A list of non-empty texts; reports every item that is not one.
    std::optional<QStringList> readTextList(const YamlEntry &entry);
    /// `true` or `false`, in any case.
    std::optional<bool> readBool(const YamlEntry &entry);
    /// A whole number from `min` to `max`.
    std::optional<int> readInt(const YamlEntry &entry, int min, int max);
    /// A duration as parseDuration() reads it, at least `min` (`minText` says so in words, such
    /// as "at least 1s") and at most what a QTimer can wait (24 days).
    std::optional<std::chrono::milliseconds>
    readDuration(const YamlEntry &entry, std::chrono::milliseconds min, const QString &minText);
    /// A size with a unit: B, KiB, MiB, GiB (powers of 1024) or KB, MB, GB (powers of 1000), in
    /// any case; at least `min` bytes (`minText` says so in words, such as "at least 1KiB").
    std::optional<qint64> readSize(const YamlEntry &entry, qint64 min, const QString &minText);
    /// An absolute http or https URL with a host and without a user name or password.
    std::optional<QUrl> readUrl(const YamlEntry &entry);
    /// Text resolved with resolvePath(); empty text stays empty.
    std::optional<QString> readPath(const YamlEntry &entry);
    /// An absolute, clean path: the path variables replaced, `~` and `~/` meaning $HOME,
    /// relative to the base folder.
    QString resolvePath(QString path) const;

    /// A node as a message quotes it: 'text', a list, a mapping or an empty value.
    static QString describe(const YAML::Node &node);
    /// The key of `known` that a typo `key` most likely meant, or empty when none is close
    /// enough to be a guess.
    static QString closestKey(const QString &key, const QStringList &known);
    /// `64MiB`, `512KiB`, `1GB`, `1000B`; `needsUnit` is set for a number without a unit.
    static std::optional<qint64> parseSize(const QString &text, bool *needsUnit);

private:
    YamlDocument *m_document;
    QString m_baseDir;
    QList<std::pair<QString, QString>> m_pathVariables;
    QStringList m_refusedKeys;
    QString m_refusedMessage;
};

} // namespace Stackscope
