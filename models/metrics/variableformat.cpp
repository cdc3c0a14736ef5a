// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/metrics/variableformat.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Stackscope::VariableFormat {

namespace {

/// `value` with a backslash before each of `specials`.
QString backslashed(const QString &value, const QString &specials)
{
    QString out;
    for (const QChar c : value) {
        if (specials.contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}

QString regexEscaped(const QString &value)
{
    return backslashed(value, u"\\^$.|?*+()[]{}"_s);
}

QString quoted(const QString &value, QChar quote)
{
    QString inner = value;
    inner.replace(QString(quote), QString(u'\\') + quote);
    return quote + inner + quote;
}

QString luceneEscaped(const QString &value)
{
    return backslashed(value, u"+-&|!(){}[]^\"~*?:\\/ "_s);
}

} // namespace

QStringList selectedValues(const DashboardVariable &variable, QString *literalAll)
{
    if (literalAll)
        literalAll->clear();
    if (!variable.current.contains(u"$__all"_s))
        return variable.current;
    if (!variable.allValue.isEmpty()) {
        if (literalAll)
            *literalAll = variable.allValue;
        return {};
    }
    return variable.options;
}

QString format(const QStringList &values, const QString &format, const QString &name)
{
    const QString f = format.trimmed().toLower();
    const bool single = values.size() == 1;
    if (f == "csv"_L1)
        return values.join(u',');
    if (f == "pipe"_L1)
        return values.join(u'|');
    if (f == "distributed"_L1) {
        // test1,servers=test2
        QStringList parts;
        for (qsizetype i = 0; i < values.size(); ++i)
            parts << (i == 0 ? values.at(i) : name + u'=' + values.at(i));
        return parts.join(u',');
    }
    if (f == "doublequote"_L1 || f == "singlequote"_L1) {
        QStringList parts;
        for (const QString &v : values)
            parts << quoted(v, f == "doublequote"_L1 ? u'"' : u'\'');
        return parts.join(u',');
    }
    if (f == "sqlstring"_L1) {
        QStringList parts;
        for (QString v : values)
            parts << u'\'' + v.replace(u"'"_s, u"''"_s) + u'\'';
        return parts.join(u',');
    }
    if (f == "json"_L1) {
        QStringList parts;
        for (QString v : values)
            parts << u'"' + v.replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s) + u'"';
        return u'[' + parts.join(u',') + u']';
    }
    if (f == "regex"_L1) {
        QStringList parts;
        for (const QString &v : values)
            parts << regexEscaped(v);
        return single ? parts.first() : u'(' + parts.join(u'|') + u')';
    }
    if (f == "lucene"_L1) {
        QStringList parts;
        for (const QString &v : values)
            parts << u'"' + luceneEscaped(v) + u'"';
        return single ? luceneEscaped(values.first()) : u'(' + parts.join(" OR "_L1) + u')';
    }
    if (f == "percentencode"_L1) {
        const QString text = single ? values.first() : u'{' + values.join(u',') + u'}';
        return QString::fromLatin1(QUrl::toPercentEncoding(text));
    }
    if (f == "queryparam"_L1) {
        QStringList parts;
        for (const QString &v : values)
            parts << u"var-"_s + QString::fromLatin1(QUrl::toPercentEncoding(name)) + u'='
                         + QString::fromLatin1(QUrl::toPercentEncoding(v));
        return parts.join(u'&');
    }
    if (f == "text"_L1)
        return values.join(" + "_L1);
    // raw and glob (and anything else, Grafana's fallback): {a,b}, or the one value as it is.
    return single ? values.first() : u'{' + values.join(u',') + u'}';
}

QString replaceReferences(
    const QString &text,
    const std::function<std::optional<QString>(const QString &name, const QString &format)>
        &replacement)
{
    static const QRegularExpression reference(
        u"\\$\\{([A-Za-z0-9_.]+)(?::([^}]*))?\\}|\\[\\[([A-Za-z0-9_]+)(?::([^\\]]*))?\\]\\]|\\$([A-Za-z0-9_]+)"_s);
    QString out;
    qsizetype last = 0;
    auto it = reference.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString name = !m.captured(1).isEmpty()   ? m.captured(1)
                             : !m.captured(3).isEmpty() ? m.captured(3)
                                                        : m.captured(5);
        const QString fmt = !m.captured(2).isEmpty() ? m.captured(2) : m.captured(4);
        out += text.mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        out += replacement(name, fmt).value_or(m.captured(0));
    }
    out += text.mid(last);
    return out;
}

QString displayText(const QString &text, const QList<DashboardVariable> &variables)
{
    if (!text.contains(u'$') && !text.contains("[["_L1))
        return text;
    return replaceReferences(
        text, [&variables](const QString &name, const QString &fmt) -> std::optional<QString> {
            const auto found
                = std::find_if(variables.cbegin(), variables.cend(),
                               [&name](const DashboardVariable &v) { return v.name == name; });
            if (found == variables.cend())
                return std::nullopt;
            QString literal;
            const QStringList values = selectedValues(*found, &literal);
            if (fmt.isEmpty()) {
                // As Grafana shows a selection: "All", or the values joined by " + ".
                return found->current.contains(u"$__all"_s)
                           ? QCoreApplication::translate("Stackscope::VariableFormat", "All")
                           : values.join(" + "_L1);
            }
            return literal.isEmpty() ? format(values, fmt, name) : literal;
        });
}

QString legendPlaceholders(const QString &legend)
{
    if (!legend.contains("__field"_L1))
        return legend;
    static const QRegularExpression field(
        u"\\$\\{__field\\.labels\\.([A-Za-z_][A-Za-z0-9_]*)\\}|\\$\\{__field\\.labels\\}"_s);
    QString out = legend;
    out.replace(field, u"{{\\1}}"_s);
    return out.replace("{{}}"_L1, QString());
}

} // namespace Stackscope::VariableFormat
