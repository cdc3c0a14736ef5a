// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/logs/logtext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>
#include <initializer_list>

using namespace Qt::StringLiterals;

namespace Stackscope::LogText {

namespace {

constexpr char16_t kEsc = 0x1B;
constexpr char16_t kCsi8 = 0x9B;
constexpr qsizetype kLevelScan = 512;

bool isLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

/// The word of letters at `from` (empty when none).
QStringView wordAt(QStringView text, qsizetype from)
{
    qsizetype end = from;
    while (end < text.size() && isLetter(text[end]))
        ++end;
    return text.mid(from, end - from);
}

/// The value after `key` where it starts the line or follows a space: `key=value` or
/// `key="value"`.
LogLevel logfmtLevel(QStringView text, QStringView key)
{
    qsizetype at = 0;
    while ((at = text.indexOf(key, at)) >= 0) {
        const bool starts = at == 0 || text[at - 1] == u' ' || text[at - 1] == u'\t';
        qsizetype v = at + key.size();
        at = v;
        if (!starts)
            continue;
        if (v < text.size() && text[v] == u'"')
            ++v;
        const LogLevel level = levelFromWord(wordAt(text, v));
        if (level != LogLevel::Unknown)
            return level;
    }
    return LogLevel::Unknown;
}

/// `"key": "word"` or `"key": 30` (pino's numbers).
LogLevel jsonLevel(QStringView text, QStringView quotedKey)
{
    qsizetype at = text.indexOf(quotedKey);
    if (at < 0)
        return LogLevel::Unknown;
    qsizetype v = at + quotedKey.size();
    while (v < text.size() && (text[v] == u' ' || text[v] == u':'))
        ++v;
    if (v >= text.size())
        return LogLevel::Unknown;
    if (text[v] == u'"')
        return levelFromWord(wordAt(text, v + 1));
    if (text[v].isDigit()) {
        const int n = text[v].digitValue() * 10;
        if (n <= 10)
            return LogLevel::Trace;
        if (n == 20)
            return LogLevel::Debug;
        if (n == 30)
            return LogLevel::Info;
        if (n == 40)
            return LogLevel::Warn;
        if (n == 50)
            return LogLevel::Error;
        return LogLevel::Fatal;
    }
    return LogLevel::Unknown;
}

bool isUpperWord(QStringView word)
{
    for (QChar c : word)
        if (c < u'A' || c > u'Z')
            return false;
    return !word.isEmpty();
}

} // namespace

QString stripEscapes(const QString &text)
{
    const char16_t *data = reinterpret_cast<const char16_t *>(text.constData());
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size && data[i] != kEsc && data[i] != kCsi8)
        ++i;
    if (i == size)
        return text;
    QString out;
    out.reserve(size);
    out.append(QStringView(text).left(i));
    while (i < size) {
        const char16_t c = data[i];
        if (c != kEsc && c != kCsi8) {
            out.append(QChar(c));
            ++i;
            continue;
        }
        bool csi = c == kCsi8;
        ++i;
        if (!csi && i < size && data[i] == u'[') {
            csi = true;
            ++i;
        }
        if (csi) {
            // Parameters and intermediates (0x20–0x3F), then one final byte (0x40–0x7E).
            while (i < size && data[i] >= 0x20 && data[i] <= 0x3F)
                ++i;
            if (i < size && data[i] >= 0x40 && data[i] <= 0x7E)
                ++i;
            continue;
        }
        if (i < size && data[i] == u']') {
            // OSC: up to BEL or ST (ESC \); an unterminated one runs to the end of the line.
            ++i;
            while (i < size && data[i] != 0x07 && data[i] != kEsc)
                ++i;
            if (i < size && data[i] == 0x07)
                ++i;
            else if (i + 1 < size && data[i] == kEsc && data[i + 1] == u'\\')
                i += 2;
            continue;
        }
        // ESC, intermediates, a final character: charset selections, keypad modes...
        while (i < size && data[i] >= 0x20 && data[i] <= 0x2F)
            ++i;
        if (i < size && data[i] >= 0x30 && data[i] <= 0x7E)
            ++i;
    }
    return out;
}

LogLevel levelFromWord(QStringView word)
{
    if (word.isEmpty() || word.size() > 11)
        return LogLevel::Unknown;
    // Lower-cased into a small buffer: this runs for every line appended.
    char16_t buffer[11];
    for (qsizetype i = 0; i < word.size(); ++i) {
        const char16_t c = word[i].unicode();
        buffer[i] = c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c;
    }
    const QStringView w(buffer, word.size());
    const auto any = [w](std::initializer_list<QStringView> names) {
        return std::find(names.begin(), names.end(), w) != names.end();
    };
    if (any({u"trace", u"trc"}))
        return LogLevel::Trace;
    if (any({u"debug", u"dbg", u"dbug"}))
        return LogLevel::Debug;
    if (any({u"info", u"inf", u"information", u"notice", u"log"}))
        return LogLevel::Info;
    if (any({u"warn", u"warning", u"wrn"}))
        return LogLevel::Warn;
    if (any({u"error", u"err", u"eror"}))
        return LogLevel::Error;
    if (any({u"fatal", u"critical", u"crit", u"panic", u"dpanic", u"emerg", u"emergency",
             u"alert"}))
        return LogLevel::Fatal;
    return LogLevel::Unknown;
}

QString levelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Trace:
        return u"TRACE"_s;
    case LogLevel::Debug:
        return u"DEBUG"_s;
    case LogLevel::Info:
        return u"INFO"_s;
    case LogLevel::Warn:
        return u"WARN"_s;
    case LogLevel::Error:
        return u"ERROR"_s;
    case LogLevel::Fatal:
        return u"FATAL"_s;
    case LogLevel::Unknown:
        break;
    }
    return {};
}

LogLevel detectLevel(QStringView full)
{
    const QStringView text = full.left(kLevelScan);
    if (text.isEmpty())
        return LogLevel::Unknown;
    for (QStringView key : {u"level=", u"lvl=", u"severity="}) {
        const LogLevel level = logfmtLevel(text, key);
        if (level != LogLevel::Unknown)
            return level;
    }
    if (text.contains(u'"')) {
        for (QStringView key : {u"\"level\"", u"\"severity\"", u"\"lvl\""}) {
            const LogLevel level = jsonLevel(text, key);
            if (level != LogLevel::Unknown)
                return level;
        }
    }
    // glog: a level letter, MMDD, a space and a time ("E1207 14:02:01.123456 ...").
    if (text.size() > 6 && QStringView(u"IWEF").contains(text[0]) && text[1].isDigit()
        && text[2].isDigit() && text[3].isDigit() && text[4].isDigit() && text[5] == u' ') {
        switch (text[0].unicode()) {
        case u'I':
            return LogLevel::Info;
        case u'W':
            return LogLevel::Warn;
        case u'E':
            return LogLevel::Error;
        default:
            return LogLevel::Fatal;
        }
    }
    if (text.startsWith(u"panic:"))
        return LogLevel::Fatal;
    // A level word near the start: [error] in any case, or ERROR: / WARN in capitals.
    const QStringView head = text.left(96);
    for (qsizetype i = 0; i < head.size(); ++i) {
        if (!isLetter(head[i]) || (i > 0 && isLetter(head[i - 1])))
            continue;
        const QStringView word = wordAt(head, i);
        const qsizetype after = i + word.size();
        const QChar next = after < head.size() ? head[after] : QChar(u' ');
        const bool bracketed = i > 0 && head[i - 1] == u'[' && next == u']';
        const bool capital = isUpperWord(word)
                             && (next == u':' || next == u' ' || next == u']' || next == u'|'
                                 || after == text.size());
        if (bracketed || capital) {
            const LogLevel level = levelFromWord(word);
            if (level != LogLevel::Unknown
                && !(word.compare(u"LOG", Qt::CaseInsensitive) == 0 && next != u':'))
                return level;
        }
        i = after;
    }
    return LogLevel::Unknown;
}

QList<std::pair<QString, QString>> fields(const QString &text)
{
    QList<std::pair<QString, QString>> out;
    const QStringView trimmed = QStringView(text).trimmed();
    if (trimmed.startsWith(u'{') && trimmed.endsWith(u'}')) {
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8());
        if (!doc.isObject())
            return out;
        const QJsonObject object = doc.object();
        // QJsonObject sorts its keys; the line's order is more useful, so find them in the text.
        QList<std::pair<qsizetype, QString>> keys;
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString quoted = u'"' + it.key() + u'"';
            qsizetype at = trimmed.indexOf(quoted);
            keys.append({at < 0 ? trimmed.size() : at, it.key()});
        }
        std::sort(keys.begin(), keys.end());
        for (const auto &[at, key] : keys) {
            const QJsonValue value = object.value(key);
            QString shown;
            if (value.isString())
                shown = value.toString();
            else if (value.isObject())
                shown = QString::fromUtf8(
                    QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
            else if (value.isArray())
                shown = QString::fromUtf8(
                    QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
            else if (value.isBool())
                shown = value.toBool() ? u"true"_s : u"false"_s;
            else if (value.isNull())
                shown = u"null"_s;
            else
                shown = QString::number(value.toDouble(), 'g', 17);
            out.append({key, shown});
        }
        return out;
    }
    // logfmt: key=value, key="quoted \"value\"", bare keys are skipped.
    const QStringView s = trimmed;
    qsizetype i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == u' ')
            ++i;
        const qsizetype keyStart = i;
        while (i < s.size() && s[i] != u'=' && s[i] != u' ' && s[i] != u'"')
            ++i;
        const QStringView key = s.mid(keyStart, i - keyStart);
        if (i >= s.size() || s[i] != u'=' || key.isEmpty()) {
            // Not a pair: skip the word (a quoted one whole).
            if (i < s.size() && s[i] == u'"') {
                ++i;
                while (i < s.size() && s[i] != u'"')
                    i += s[i] == u'\\' ? 2 : 1;
                ++i;
            }
            while (i < s.size() && s[i] != u' ')
                ++i;
            continue;
        }
        ++i; // '='
        QString value;
        if (i < s.size() && s[i] == u'"') {
            ++i;
            while (i < s.size() && s[i] != u'"') {
                if (s[i] == u'\\' && i + 1 < s.size()) {
                    const QChar e = s[i + 1];
                    value.append(e == u'n' ? QChar(u'\n') : e == u't' ? QChar(u'\t') : e);
                    i += 2;
                } else {
                    value.append(s[i++]);
                }
            }
            ++i;
        } else {
            const qsizetype start = i;
            while (i < s.size() && s[i] != u' ')
                ++i;
            value = s.mid(start, i - start).toString();
        }
        out.append({key.toString(), value});
    }
    if (out.size() < 2)
        out.clear();
    return out;
}

} // namespace Stackscope::LogText
