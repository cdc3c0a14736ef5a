// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/config/configeditor.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

/// Start of the line holding byte `pos`, and the line's indentation.
qsizetype lineStart(const QByteArray &text, qsizetype pos)
{
    const qsizetype newline = text.lastIndexOf('\n', pos - 1);
    return newline < 0 ? 0 : newline + 1;
}

int indentationOf(const QByteArray &text, qsizetype start)
{
    int n = 0;
    while (start + n < text.size() && text.at(start + n) == ' ')
        ++n;
    return n;
}

qsizetype lineEnd(const QByteArray &text, qsizetype pos)
{
    const qsizetype newline = text.indexOf('\n', pos);
    return newline < 0 ? text.size() : newline;
}

/// The end of a value that starts at `pos` and stands on one line: a quoted scalar up to its
/// closing quote, a flow collection up to its closing bracket, a plain scalar up to a comment or
/// the end of the line. -1 when it does not end on that line.
qsizetype valueEnd(const QByteArray &text, qsizetype pos)
{
    const qsizetype end = lineEnd(text, pos);
    if (pos >= end)
        return pos;
    const char first = text.at(pos);
    if (first == '"' || first == '\'') {
        for (qsizetype i = pos + 1; i < end; ++i) {
            if (first == '"' && text.at(i) == '\\') {
                ++i;
            } else if (text.at(i) == first) {
                if (first == '\'' && i + 1 < end && text.at(i + 1) == '\'') {
                    ++i;
                    continue;
                }
                return i + 1;
            }
        }
        return -1;
    }
    if (first == '[' || first == '{') {
        int depth = 0;
        char quote = 0;
        for (qsizetype i = pos; i < end; ++i) {
            const char c = text.at(i);
            if (quote) {
                if (c == '\\' && quote == '"')
                    ++i;
                else if (c == quote)
                    quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || c == '{') {
                ++depth;
            } else if ((c == ']' || c == '}') && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }
    qsizetype stop = end;
    const qsizetype comment = text.indexOf(" #", pos);
    if (comment >= 0 && comment < stop)
        stop = comment;
    while (stop > pos && (text.at(stop - 1) == ' ' || text.at(stop - 1) == '\t'))
        --stop;
    return stop;
}

/// Where the block under a key ends: after the last following line that is indented deeper
/// than the key (blank and comment lines at the very end belong to what follows).
qsizetype blockEnd(const QByteArray &text, qsizetype keyLineStart, int keyIndent)
{
    qsizetype end = lineEnd(text, keyLineStart);
    qsizetype pos = end < text.size() ? end + 1 : end;
    while (pos < text.size()) {
        const qsizetype eol = lineEnd(text, pos);
        const QByteArray line = text.mid(pos, eol - pos);
        const QByteArray trimmed = line.trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith('#')) {
            if (indentationOf(text, pos) <= keyIndent
                && !(trimmed.startsWith("- ") && indentationOf(text, pos) == keyIndent))
                break;
            end = eol;
        }
        pos = eol + 1;
    }
    return end;
}

QByteArray renderBlock(const QVariant &value, int indent)
{
    const QByteArray pad(indent, ' ');
    QByteArray out;
    if (value.typeId() == QMetaType::QVariantList) {
        for (const QVariant &item : value.toList()) {
            const QVariantMap map = item.toMap();
            bool first = true;
            for (auto it = map.cbegin(); it != map.cend(); ++it) {
                out += pad + (first ? "- " : "  ") + it.key().toUtf8() + ": "
                       + ConfigEditor::renderScalar(it.value()) + '\n';
                first = false;
            }
        }
    }
    return out;
}

bool isBlockList(const QVariant &value)
{
    return value.typeId() == QMetaType::QVariantList;
}

} // namespace

ConfigEditor::ConfigEditor(QByteArray text)
    : m_text(std::move(text))
{
    if (!m_text.isEmpty() && !m_text.endsWith('\n'))
        m_text += '\n';
}

QByteArray ConfigEditor::renderScalar(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool() ? "true" : "false";
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return QByteArray::number(value.toLongLong());
    case QMetaType::QStringList: {
        QByteArrayList items;
        for (const QString &s : value.toStringList())
            items << renderScalar(s);
        return '[' + items.join(", ") + ']';
    }
    case QMetaType::QVariantMap: { // a flow mapping: {type: bearer, secret_env: TOKEN}
        QByteArrayList items;
        const QVariantMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            items << it.key().toUtf8() + ": " + renderScalar(it.value());
        return '{' + items.join(", ") + '}';
    }
    default:
        break;
    }
    const QString s = value.toString();
    static const QRegularExpression plain(u"^[A-Za-z0-9_./@+~-][A-Za-z0-9_./:@+~ -]*$"_s);
    static const QStringList keywords{u"true"_s, u"false"_s, u"yes"_s,  u"no"_s,
                                      u"on"_s,   u"off"_s,   u"null"_s, u"~"_s};
    if (!s.isEmpty() && plain.match(s).hasMatch() && !s.endsWith(u' ') && !s.contains(u": "_s)
        && !keywords.contains(s.toLower()))
        return s.toUtf8();
    QString escaped = s;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s).replace(u'\n', u"\\n"_s);
    return '"' + escaped.toUtf8() + '"';
}

bool ConfigEditor::apply(const QList<ConfigEdit> &edits)
{
    for (const ConfigEdit &edit : edits) {
        if (!apply(edit))
            return false;
    }
    return true;
}

bool ConfigEditor::apply(const ConfigEdit &edit)
{
    YAML::Node root;
    try {
        root = YAML::Load(m_text.toStdString());
    } catch (const YAML::Exception &e) {
        m_error = QString::fromStdString(e.what());
        return false;
    }
    if (!root.IsMap() && !root.IsNull()) {
        m_error
            = QCoreApplication::translate("Stackscope::ConfigEditor", "the file is not a mapping");
        return false;
    }

    // Walk down as far as the keys exist; remember the last key node seen.
    YAML::Node node = root;
    YAML::Mark parentKeyMark;
    int depth = 0;
    std::optional<YAML::Mark> keyMark;
    for (; depth < edit.path.size(); ++depth) {
        if (!node.IsMap())
            break;
        const std::string key = edit.path.at(depth).toStdString();
        std::optional<YAML::Node> child;
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (it->first.Scalar() == key) {
                keyMark = it->first.Mark();
                child = it->second;
                break;
            }
        }
        if (!child)
            break;
        if (depth < edit.path.size() - 1)
            parentKeyMark = *keyMark;
        node = *child;
    }

    if (depth == edit.path.size()) {
        // The key exists: replace its value where it stands.
        const qsizetype keyLine = lineStart(m_text, keyMark->pos);
        const int keyIndent = indentationOf(m_text, keyLine);
        const bool onKeyLine = !node.IsNull() && !node.Mark().is_null()
                               && lineStart(m_text, node.Mark().pos) == keyLine;
        if (isBlockList(edit.value) || (!onKeyLine && !node.IsNull())) {
            // Replace everything after `key:` on its line and the block under it.
            const qsizetype colon = m_text.indexOf(':', keyMark->pos);
            const qsizetype from = colon + 1;
            const qsizetype to = blockEnd(m_text, keyLine, keyIndent);
            QByteArray replacement;
            if (isBlockList(edit.value))
                replacement = '\n' + renderBlock(edit.value, keyIndent + 2);
            else
                replacement = ' ' + renderScalar(edit.value) + '\n';
            replacement.chop(1);
            m_text.replace(from, to - from, replacement);
            return true;
        }
        if (node.IsNull()) { // `key:` with nothing after it (a comment may follow)
            const qsizetype colon = m_text.indexOf(':', keyMark->pos);
            m_text.insert(colon + 1, ' ' + renderScalar(edit.value));
            return true;
        }
        const qsizetype from = node.Mark().pos;
        const qsizetype to = valueEnd(m_text, from);
        if (to < 0) {
            m_error = QCoreApplication::translate("Stackscope::ConfigEditor",
                                                  "the value of '%1' spans several lines")
                          .arg(edit.path.join(u'.'));
            return false;
        }
        m_text.replace(from, to - from, renderScalar(edit.value));
        return true;
    }

    if (!node.IsMap() && !(depth == 0 && node.IsNull())) {
        m_error = QCoreApplication::translate("Stackscope::ConfigEditor", "'%1' is not a mapping")
                      .arg(edit.path.mid(0, depth).join(u'.'));
        return false;
    }
    if (depth > 0 && node.Style() == YAML::EmitterStyle::Flow) {
        m_error = QCoreApplication::translate("Stackscope::ConfigEditor",
                                              "'%1' is written in flow style")
                      .arg(edit.path.mid(0, depth).join(u'.'));
        return false;
    }
    // The key is missing: add it (and the missing parents) at the end of its parent's block.
    qsizetype insertAt = m_text.size();
    int indent = 0;
    if (depth > 0) {
        const qsizetype parentLine = lineStart(m_text, parentKeyMark.pos);
        const int parentIndent = indentationOf(m_text, parentLine);
        insertAt = blockEnd(m_text, parentLine, parentIndent);
        insertAt = insertAt < m_text.size() ? insertAt + 1 : insertAt;
        indent = parentIndent + 2;
        // Use the indentation the parent's children already have.
        const YAML::Node first = node.begin() != node.end() ? node.begin()->first : YAML::Node();
        if (first.IsDefined() && !first.Mark().is_null())
            indent = int(first.Mark().column);
    }
    QByteArray lines;
    for (int i = depth; i < edit.path.size(); ++i) {
        const QByteArray pad(indent + (i - depth) * 2, ' ');
        lines += pad + edit.path.at(i).toUtf8() + ':';
        if (i == edit.path.size() - 1) {
            if (isBlockList(edit.value))
                lines += '\n' + renderBlock(edit.value, indent + (i - depth) * 2 + 2);
            else
                lines += ' ' + renderScalar(edit.value) + '\n';
        } else {
            lines += '\n';
        }
    }
    if (insertAt > 0 && insertAt <= m_text.size() && m_text.at(insertAt - 1) != '\n')
        lines.prepend('\n');
    m_text.insert(insertAt, lines);
    return true;
}

} // namespace Stackscope
