// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

namespace Stackscope {

using LabelSet = QMap<QString, QString>;

/// One alert as Stackscope shows it, merged from every source that reported it (each
/// Alertmanager of an HA pair, Prometheus for pending ones). Everything textual in it comes from
/// whoever wrote the rule: it is untrusted and shown as plain text.
struct Alert
{
    enum class State { Pending, Firing };

    QString fingerprint; ///< Alertmanager's, or computed the same way from the labels
    LabelSet labels;
    LabelSet annotations;
    State state = State::Firing;
    QDateTime startsAt;
    QDateTime endsAt;
    QDateTime updatedAt;
    QString generatorUrl;
    QString value; ///< Prometheus' sample value when the source was Prometheus
    /// The value's unit as a Format::value() unit ("percent", "percentunit", "bytes", "s"), from
    /// the rule's annotations (valueUnitOf()); empty for a plain number.
    QString valueUnit;
    QString query; ///< the rule's expression, when generatorURL does not carry it
    bool silenced = false;
    bool inhibited = false;
    QStringList silencedBy;
    QStringList inhibitedBy;
    QStringList receivers;
    QStringList sources; ///< "alertmanager 127.0.0.1:9093", "prometheus"
    /// Only known from a source that no longer answers (its last list): it may have resolved.
    bool stale = false;
    /// The configured name of the Alertmanager cluster that reported it (`cluster:` of its
    /// endpoints); empty for the unnamed cluster and for Prometheus' own alerts. Alerts of
    /// different clusters are different alerts even when their fingerprints agree.
    QString cluster;

    /// What tells alerts apart on the page: the fingerprint, with "@cluster" when named.
    QString key() const { return cluster.isEmpty() ? fingerprint : fingerprint + u'@' + cluster; }
    /// Reported by an Alertmanager (a source "alertmanager host:port"), so `cluster` says where
    /// it lives; false for what only Prometheus reports (pending, or standing in for
    /// Alertmanager), which belongs to no cluster in particular.
    bool fromAlertmanager() const;

    QString name() const { return labels.value(QStringLiteral("alertname")); }
    QString severity() const { return labels.value(QStringLiteral("severity")); }
    QString summary() const;
    QString description() const { return annotations.value(QStringLiteral("description")); }
    QString runbookUrl() const;
    /// The PromQL expression: generatorURL's g0.expr, else the rule's query; empty when unknown.
    QString expression() const;
    bool isSuppressed() const { return silenced || inhibited; }
    /// The value for people, in its unit: "97", "91.2 %", "1.5 GiB"; empty without a value.
    QString valueText() const;

    friend bool operator==(const Alert &, const Alert &) = default;
};

/// One matcher of a silence, as Alertmanager's API v2 has it.
struct SilenceMatcher
{
    QString name;
    QString value;
    bool isRegex = false;
    bool isEqual = true;

    /// "name=value", "name=~re", "name!=value", "name!~re"
    QString text() const;
    /// Whether an alert with these labels passes this matcher, as Alertmanager decides: a label
    /// the alert lacks is the empty string, and a regex must match the whole value (Alertmanager
    /// anchors it as `^(?:re)$`). An invalid regex matches nothing. For many alerts compile
    /// once: MatcherSet.
    bool matches(const LabelSet &labels) const;
    /// The regex is one Alertmanager could accept (always true for = and !=).
    bool isValid() const;

    friend bool operator==(const SilenceMatcher &, const SilenceMatcher &) = default;
};

struct Silence
{
    enum class State { Pending, Active, Expired };

    QString id;
    QList<SilenceMatcher> matchers;
    QDateTime startsAt;
    QDateTime endsAt;
    QDateTime updatedAt;
    QString createdBy;
    QString comment;
    State state = State::Active;
    QStringList sources; ///< the Alertmanagers that hold it
    /// Where a new silence is created (not sent to Alertmanager): only in the Alertmanagers of
    /// this `cluster:` name ("" the unnamed one), set when it is made from an alert of that
    /// cluster (targetClusterOf()); unset, once in every cluster (a silence typed in the matcher
    /// box).
    std::optional<QString> targetCluster;

    QString matchersText() const;
    /// The cluster a silence made from `alert` belongs in: its own when an Alertmanager reported
    /// it, otherwise none (every cluster).
    static std::optional<QString> targetClusterOf(const Alert &alert);
    /// Matchers that select exactly the alert with these labels (isEqual, not regex).
    static QList<SilenceMatcher> exactMatchers(const LabelSet &labels);
    /// Every matcher matches (see SilenceMatcher::matches()): the silence covers such an alert.
    bool matches(const LabelSet &labels) const { return matchesAll(matchers, labels); }
    static bool matchesAll(const QList<SilenceMatcher> &matchers, const LabelSet &labels);
    /// How soon "expires soon" is: an active silence that ends within this is flagged.
    static constexpr qint64 expiringSoonSeconds = 15 * 60;
    /// Active at `now` and ending within expiringSoonSeconds.
    bool expiresSoon(const QDateTime &now) const;
    /// Active at `now`: started and not yet ended (Alertmanager's state may lag a poll behind).
    bool isActiveAt(const QDateTime &now) const;

    friend bool operator==(const Silence &, const Silence &) = default;
};

/// One rule of Prometheus' /api/v1/rules.
struct Rule
{
    QString group;
    QString file;
    QString name;
    bool alerting = true;
    QString query;
    double durationSeconds = 0; ///< `for:`
    QString state;              ///< alerting rules: inactive, pending or firing
    QString health;             ///< ok, err, unknown
    QString lastError;
    QDateTime lastEvaluation;
    double evaluationSeconds = 0;
    LabelSet labels;
    LabelSet annotations;
    int activeAlerts = 0;

    QString key() const { return file + u'\x1f' + group + u'\x1f' + name + u'\x1f' + query; }

    friend bool operator==(const Rule &, const Rule &) = default;
};

/// Rank of a severity label for ordering and colours, by SeverityScale's default aliases:
/// critical (error, page, P1…) 3, warning 2, info 1, anything else or none 0. Notifications use
/// the configured SeverityScale.
int severityRank(const QString &severity);
/// The colour of a severity rank (see severityRank()), the same in the table and the tray.
QColor severityColor(int rank);

/// Alertmanager's fingerprint of a label set (FNV-1a 64 over the sorted names and values with
/// 0xff separators, as 16 hex digits), so that Prometheus' alerts, which carry none, merge with
/// Alertmanager's.
QString labelsFingerprint(const LabelSet &labels);

/// Parses Alertmanager's matcher syntax: `name="value", name=~"re", name!="v", name!~"re"`,
/// optionally in braces (`{job="api"}`), separated by commas or spaces (quotes optional without
/// spaces or commas). Returns an empty string and fills `matchers`, or says what is wrong.
QString parseMatchers(const QString &text, QList<SilenceMatcher> *matchers);

/// The unit a rule's annotation templates give `$value`, as a Format::value() unit: an explicit
/// `unit` or `value_unit` annotation (a Grafana unit name, or "%"); else the first template that
/// prints the value: `{{ $value | humanizePercentage }}` "percentunit", `humanize1024` "bytes",
/// `humanizeDuration` "s", `{{ $value }}%` (also through printf) "percent". Empty when none says.
QString valueUnitOf(const LabelSet &annotationTemplates);
/// The alerts of `alerts` that every one of `matchers` matches: what a silence would catch.
QList<Alert> alertsMatching(const QList<SilenceMatcher> &matchers, const QList<Alert> &alerts);

/// The silence that covered an alert until recently: the one of `silences` that matches
/// `labels` and ended last, within `withinSeconds` before `now`; none when an active one covers
/// it (it is silenced, not re-fired) or none ended in that window.
std::optional<Silence> recentlyEndedSilence(const QList<Silence> &silences, const LabelSet &labels,
                                            const QDateTime &now, qint64 withinSeconds = 3600);
/// Parsed matchers with their regular expressions compiled (anchored, as Alertmanager's), for
/// filtering thousands of alerts.
class MatcherSet
{
public:
    /// Empty text gives an empty set (matches everything). Returns what is wrong (a matcher that
    /// does not parse, a regex that does not compile), else an empty string.
    QString parse(const QString &text);
    bool matches(const LabelSet &labels) const;
    bool isEmpty() const { return m_matchers.isEmpty(); }
    const QList<SilenceMatcher> &matchers() const { return m_matchers; }

private:
    QList<SilenceMatcher> m_matchers;
    QList<QRegularExpression> m_regexes; ///< per matcher; unused for equality matchers
};

/// One group of Alertmanager's /api/v2/alerts/groups as the page groups by it: its receiver,
/// its `group_by` labels and the keys (Alert::key()) of the alerts in it. An HA pair's members
/// report the same groups: merged by key().
struct AlertGroupInfo
{
    QString receiver;
    LabelSet labels;
    QString cluster;
    QStringList alertKeys;

    QString key() const;
    /// `receiver: team-a · alertname="DiskFull", cluster="eu"` (the cluster first when named)
    QString title() const;

    friend bool operator==(const AlertGroupInfo &, const AlertGroupInfo &) = default;
};

/// "name=value, ..." in label order: how a label set is shown on one line.
QString labelsText(const LabelSet &labels);

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::Alert)
Q_DECLARE_METATYPE(Stackscope::Silence)
Q_DECLARE_METATYPE(Stackscope::Rule)
Q_DECLARE_METATYPE(Stackscope::AlertGroupInfo)
