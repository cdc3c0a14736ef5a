// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/alerts/alertdata.h"

#include "models/alerts/severityscale.h"
#include "models/common/format.h"
#include "models/common/palette.h"

#include <QObject>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stackscope {

QString Alert::summary() const
{
    const QString summary = annotations.value(u"summary"_s);
    if (!summary.isEmpty())
        return summary;
    return annotations.value(u"message"_s);
}

bool Alert::fromAlertmanager() const
{
    return !cluster.isEmpty()
           || std::any_of(sources.cbegin(), sources.cend(),
                          [](const QString &s) { return s.startsWith("alertmanager "_L1); });
}

QString Alert::runbookUrl() const
{
    for (const QString &key : {u"runbook_url"_s, u"runbook"_s, u"runbookUrl"_s}) {
        const QString url = annotations.value(key);
        if (!url.isEmpty())
            return url;
    }
    return {};
}

QString Alert::expression() const
{
    if (!generatorUrl.isEmpty()) {
        // Prometheus encodes the query form-style: '+' is a space there.
        const QUrlQuery items(QUrl(generatorUrl, QUrl::TolerantMode));
        QByteArray raw = items.queryItemValue(u"g0.expr"_s, QUrl::FullyEncoded).toLatin1();
        raw.replace('+', ' ');
        const QString expr = QUrl::fromPercentEncoding(raw);
        if (!expr.isEmpty())
            return expr;
    }
    return query;
}

QString Alert::valueText() const
{
    if (value.isEmpty() || valueUnit.isEmpty())
        return Format::sampleValue(value);
    bool ok = false;
    const double v = value.trimmed().toDouble(&ok);
    return ok ? Format::value(v, valueUnit, 4) : Format::sampleValue(value);
}

QString valueUnitOf(const LabelSet &annotationTemplates)
{
    for (const QString &key : {u"unit"_s, u"value_unit"_s}) {
        const QString unit = annotationTemplates.value(key).trimmed();
        if (unit == "%"_L1)
            return u"percent"_s;
        if (!unit.isEmpty() && !unit.contains(u"{{"_s))
            return unit;
    }
    // `$value` inside one action, with or without a pipeline; then what follows the action.
    static const QRegularExpression action(
        uR"(\{\{-?\s*(?:printf\s+"[^"]*"\s+)?\$value\s*(\|\s*([A-Za-z0-9]+))?[^}]*-?\}\}\s*(%)?)"_s);
    for (const QString &text : annotationTemplates) {
        auto it = action.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            const QString filter = m.captured(2);
            if (filter == "humanizePercentage"_L1)
                return u"percentunit"_s;
            if (filter == "humanize1024"_L1)
                return u"bytes"_s;
            if (filter == "humanizeDuration"_L1)
                return u"s"_s;
            if (filter.isEmpty() && !m.captured(3).isEmpty())
                return u"percent"_s;
        }
    }
    return {};
}

QString SilenceMatcher::text() const
{
    const QString op = isEqual ? (isRegex ? u"=~"_s : u"="_s) : (isRegex ? u"!~"_s : u"!="_s);
    QString escaped = value;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return name + op + u'"' + escaped + u'"';
}

bool SilenceMatcher::matches(const LabelSet &labels) const
{
    const QString actual = labels.value(name); // absent = "", as Alertmanager has it
    bool equal = false;
    if (isRegex) {
        // Go's regexp without flags, as Alertmanager compiles it: '.' stops at a newline.
        const QRegularExpression re(QRegularExpression::anchoredPattern(value));
        if (!re.isValid())
            return false;
        equal = re.match(actual).hasMatch();
    } else {
        equal = actual == value;
    }
    return equal == isEqual;
}

bool SilenceMatcher::isValid() const
{
    return !isRegex || QRegularExpression(value).isValid();
}

bool Silence::matchesAll(const QList<SilenceMatcher> &matchers, const LabelSet &labels)
{
    if (matchers.isEmpty())
        return false; // Alertmanager refuses a silence without matchers: it catches nothing
    return std::all_of(matchers.cbegin(), matchers.cend(),
                       [&labels](const SilenceMatcher &m) { return m.matches(labels); });
}

bool Silence::isActiveAt(const QDateTime &now) const
{
    return state != State::Expired && startsAt <= now && now < endsAt;
}

bool Silence::expiresSoon(const QDateTime &now) const
{
    return isActiveAt(now) && now.secsTo(endsAt) <= expiringSoonSeconds;
}

QList<Alert> alertsMatching(const QList<SilenceMatcher> &matchers, const QList<Alert> &alerts)
{
    QList<Alert> out;
    for (const Alert &a : alerts) {
        if (Silence::matchesAll(matchers, a.labels))
            out << a;
    }
    return out;
}

std::optional<Silence> recentlyEndedSilence(const QList<Silence> &silences, const LabelSet &labels,
                                            const QDateTime &now, qint64 withinSeconds)
{
    std::optional<Silence> last;
    for (const Silence &s : silences) {
        if (!s.matches(labels))
            continue;
        if (s.isActiveAt(now))
            return std::nullopt;
        const bool ended = s.endsAt <= now || s.state == Silence::State::Expired;
        if (!ended || s.endsAt.secsTo(now) > withinSeconds)
            continue;
        if (!last || s.endsAt > last->endsAt)
            last = s;
    }
    return last;
}

std::optional<QString> Silence::targetClusterOf(const Alert &alert)
{
    if (!alert.fromAlertmanager())
        return std::nullopt;
    return alert.cluster;
}

QString Silence::matchersText() const
{
    QStringList parts;
    parts.reserve(matchers.size());
    for (const SilenceMatcher &m : matchers)
        parts << m.text();
    return parts.join(u", "_s);
}

QList<SilenceMatcher> Silence::exactMatchers(const LabelSet &labels)
{
    QList<SilenceMatcher> matchers;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        matchers.append({it.key(), it.value(), false, true});
    return matchers;
}

int severityRank(const QString &severity)
{
    static const SeverityScale defaults;
    return defaults.rankOf(severity);
}

QString labelsFingerprint(const LabelSet &labels)
{
    // QMap iterates its keys sorted by QString's operator<, which for the ASCII label names
    // Prometheus allows is the same byte order Go's sort.Strings uses.
    quint64 hash = 14695981039346656037ull;
    const auto add = [&hash](const QByteArray &bytes) {
        for (const char c : bytes) {
            hash ^= quint8(c);
            hash *= 1099511628211ull;
        }
    };
    const auto addSeparator = [&hash] {
        hash ^= 0xffu;
        hash *= 1099511628211ull;
    };
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        add(it.key().toUtf8());
        addSeparator();
        add(it.value().toUtf8());
        addSeparator();
    }
    return u"%1"_s.arg(hash, 16, 16, QLatin1Char('0'));
}

QString parseMatchers(const QString &text, QList<SilenceMatcher> *matchers)
{
    // One matcher, then a comma, the end, or (after spaces) the next matcher's name.
    static const QRegularExpression one(
        u"\\G\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(=~|!~|!=|=)\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s\"{}]*))(?:\\s*(?:,|$)|\\s+(?=[A-Za-z_]))"_s);
    QList<SilenceMatcher> out;
    qsizetype pos = 0;
    QString trimmed = text.trimmed();
    if (trimmed.startsWith(u'{')) { // Alertmanager's and PromQL's {a="b"} form
        if (!trimmed.endsWith(u'}'))
            return QObject::tr("a '{' needs its closing '}'");
        trimmed = trimmed.mid(1, trimmed.size() - 2).trimmed();
    }
    while (pos < trimmed.size()) {
        const QRegularExpressionMatch m = one.match(trimmed, pos);
        if (!m.hasMatch() || m.capturedLength() == 0)
            return QObject::tr("cannot read a matcher at \"%1\": write name=\"value\", "
                               "name!=\"value\", name=~\"regex\" or name!~\"regex\"")
                .arg(trimmed.mid(pos, 30));
        SilenceMatcher matcher;
        matcher.name = m.captured(1);
        const QString op = m.captured(2);
        matcher.isRegex = op.endsWith(u'~');
        matcher.isEqual = op.startsWith(u'=');
        QString value = m.captured(3).isNull() ? m.captured(4) : m.captured(3);
        static const QRegularExpression escape(u"\\\\(.)"_s);
        value.replace(escape, u"\\1"_s);
        matcher.value = value;
        out << matcher;
        pos = m.capturedEnd(0);
    }
    if (out.isEmpty())
        return QObject::tr("a silence needs at least one matcher");
    *matchers = out;
    return {};
}

QString MatcherSet::parse(const QString &text)
{
    if (text.trimmed().isEmpty() || text.trimmed() == "{}"_L1) {
        m_matchers.clear();
        m_regexes.clear();
        return {};
    }
    QList<SilenceMatcher> matchers;
    const QString error = parseMatchers(text, &matchers);
    if (!error.isEmpty())
        return error;
    QList<QRegularExpression> regexes;
    for (const SilenceMatcher &m : std::as_const(matchers)) {
        QRegularExpression re;
        if (m.isRegex) {
            re.setPattern(QRegularExpression::anchoredPattern(m.value));
            if (!re.isValid())
                return QObject::tr("%1: the regular expression does not compile: %2")
                    .arg(m.text(), re.errorString());
            re.optimize();
        }
        regexes << re;
    }
    m_matchers = matchers;
    m_regexes = regexes;
    return {};
}

bool MatcherSet::matches(const LabelSet &labels) const
{
    for (qsizetype i = 0; i < m_matchers.size(); ++i) {
        const SilenceMatcher &m = m_matchers.at(i);
        const QString actual = labels.value(m.name);
        const bool hit = m.isRegex ? m_regexes.at(i).match(actual).hasMatch() : actual == m.value;
        if (hit != m.isEqual)
            return false;
    }
    return true;
}

QString AlertGroupInfo::key() const
{
    return cluster + u'\x1f' + receiver + u'\x1f' + labelsText(labels);
}

QString AlertGroupInfo::title() const
{
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        parts << it.key() + u"=\""_s + it.value() + u'"';
    QString text = receiver.isEmpty()
                       ? parts.join(u", "_s)
                       : QObject::tr("receiver %1").arg(receiver)
                             + (parts.isEmpty() ? QString() : u" · "_s + parts.join(u", "_s));
    if (!cluster.isEmpty())
        text = QObject::tr("cluster %1").arg(cluster) + u" · "_s + text;
    return text;
}

QString labelsText(const LabelSet &labels)
{
    QStringList parts;
    parts.reserve(labels.size());
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        parts << it.key() + u'=' + it.value();
    return parts.join(u", "_s);
}

QColor severityColor(int rank)
{
    switch (rank) {
    case 3:
        return Palette::color(Palette::Tone::Bad);
    case 2:
        return Palette::color(Palette::Tone::Warning);
    case 1:
        return Palette::color(Palette::Tone::Info);
    default:
        return Palette::color(Palette::Tone::Muted);
    }
}

} // namespace Stackscope
