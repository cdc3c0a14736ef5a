// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/alerts/alerthistory.h"

#include "app/alerts/alertsjson.h"
#include "app/alerts/statefile.h"
#include "models/alerts/alerthistorymodel.h"
#include "models/common/offthread.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAlertHistory, "stackscope.alerts.history", QtInfoMsg)

namespace Stackscope {

namespace {

/// A period whose only change is `seen` is written at most this often: the file then says
/// roughly how long a period left open by a crash had lasted.
constexpr qint64 seenSaveIntervalMs = 60 * 1000;
/// How often a poll that changed nothing but `seen` updates the model.
constexpr qint64 modelIntervalMs = 10 * 1000;

QString readText(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QObject::tr("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

} // namespace

AlertHistory::AlertHistory(QObject *parent)
    : QObject(parent)
    , m_model(new AlertHistoryModel(this))
{
    m_writer.setMaxThreadCount(1);
}

AlertHistory::~AlertHistory()
{
    m_writer.waitForDone();
}

QString AlertHistory::defaultPath()
{
    return StateFile::path(u"alert-history.json"_s);
}

void AlertHistory::setPath(const QString &path)
{
    m_path = path;
    m_loaded = false;
    m_periods.clear();
    m_model->setPeriods({});
    const quint64 generation = ++m_loadGeneration;
    // Up to maxPeriods periods (a few MB): read and parsed on a worker, not at start-up on the
    // GUI thread.
    struct Read
    {
        QList<AlertPeriod> periods;
        QString error;
    };
    OffThread::run(
        &m_writer, this,
        [path] {
            Read r;
            const QString text = readText(path, &r.error);
            if (!text.isEmpty() && !fromJson(text.toUtf8(), &r.periods, &r.error))
                r.periods.clear();
            return r;
        },
        [this, generation](Read r) {
            if (generation != m_loadGeneration)
                return;
            if (!r.error.isEmpty())
                qCWarning(lcAlertHistory).noquote() << r.error;
            m_periods = r.periods;
            m_loaded = true;
            bool changed = false;
            const auto early = std::exchange(m_early, {});
            for (const auto &[snapshot, now] : early)
                changed = apply(snapshot, now) || changed;
            if (!early.isEmpty())
                changed = prune(early.constLast().second) || changed;
            m_model->setPeriods(m_periods);
            if (changed)
                save();
            Q_EMIT loaded();
            if (changed)
                Q_EMIT this->changed();
        });
}

void AlertHistory::setKeepDays(int days)
{
    m_keepDays = std::max(1, days);
}

bool AlertHistory::record(const AlertsSnapshot &snapshot, const QDateTime &now)
{
    if (!m_loaded) {
        m_early.append({snapshot, now});
        return false;
    }
    // Both run: a poll that changes nothing may still age periods out.
    const bool applied = apply(snapshot, now);
    const bool pruned = prune(now);
    const bool changed = applied || pruned;
    // A poll that only moved `seen` reaches the model (the open periods' "so far") every
    // modelInterval: merging 2,000 rows into a sorted view on every poll costs the GUI thread
    // milliseconds for a duration that moves by seconds.
    if (changed || !m_lastModelPush.isValid() || m_lastModelPush.msecsTo(now) >= modelIntervalMs) {
        m_model->setPeriods(m_periods);
        m_lastModelPush = now;
    }
    if (changed || m_lastSave.msecsTo(now) >= seenSaveIntervalMs || !m_lastSave.isValid())
        save();
    if (changed)
        Q_EMIT this->changed();
    return changed;
}

bool AlertHistory::apply(const AlertsSnapshot &snapshot, const QDateTime &now)
{
    if (!snapshot.anyAnswered)
        return false; // nobody said anything: nothing opens, nothing closes
    const QDateTime previousPoll = std::exchange(m_lastPoll, now);
    QHash<QString, int> open;   // fingerprint → index of its open period
    QHash<QString, int> latest; // fingerprint → index of its latest period
    for (int i = 0; i < m_periods.size(); ++i) {
        latest.insert(m_periods.at(i).fingerprint, i);
        if (m_periods.at(i).isOpen())
            open.insert(m_periods.at(i).fingerprint, i);
    }
    bool changed = false;
    QSet<QString> firing;
    for (const Alert &alert : snapshot.alerts) {
        if (alert.state != Alert::State::Firing || alert.fingerprint.isEmpty())
            continue;
        firing.insert(alert.fingerprint);
        const auto it = open.constFind(alert.fingerprint);
        if (it != open.cend()) {
            AlertPeriod &p = m_periods[*it];
            if (!alert.stale)
                p.seen = now;
            if (alert.silenced && !p.silenced) {
                p.silenced = true;
                changed = true;
            }
            continue;
        }
        // A stale alert is only known from a source that no longer answers: it may have
        // resolved, so it keeps a period open but never opens one.
        if (alert.stale)
            continue;
        const QDateTime from
            = alert.startsAt.isValid() && alert.startsAt <= now ? alert.startsAt : now;
        // The same firing again (its source still counts it from the same start): the period
        // that was closed meanwhile is reopened, not doubled.
        const int reopen = [&] {
            const int i = latest.value(alert.fingerprint, -1);
            return i >= 0 && m_periods.at(i).from.toMSecsSinceEpoch() == from.toMSecsSinceEpoch()
                       ? i
                       : -1;
        }();
        if (reopen >= 0) {
            AlertPeriod &p = m_periods[reopen];
            p.to = QDateTime();
            p.seen = now;
            p.silenced = p.silenced || alert.silenced;
            open.insert(alert.fingerprint, reopen);
            changed = true;
            continue;
        }
        AlertPeriod p;
        p.fingerprint = alert.fingerprint;
        p.name = alert.name();
        p.labels = alert.labels;
        p.severity = alert.severity();
        p.from = from.toUTC();
        p.seen = now;
        p.silenced = alert.silenced;
        m_periods.append(p);
        open.insert(alert.fingerprint, int(m_periods.size()) - 1);
        latest.insert(alert.fingerprint, int(m_periods.size()) - 1);
        changed = true;
    }
    // Only a list that also says what is *not* firing may end a period: a just-restarted
    // Alertmanager's empty memory or a list missing a down member's alerts does not.
    if (!snapshot.authoritative)
        return changed;
    for (auto it = open.cbegin(); it != open.cend(); ++it) {
        if (firing.contains(it.key()))
            continue;
        AlertPeriod &p = m_periods[it.value()];
        // Seen by the previous poll: it ended between that poll and this one, as the page
        // showed it. Otherwise (left open by an earlier run) it was last seen at `seen`.
        p.to = p.seen.isValid() && p.seen != previousPoll ? p.seen : now;
        if (p.to < p.from)
            p.to = p.from;
        changed = true;
    }
    return changed;
}

bool AlertHistory::prune(const QDateTime &now)
{
    const QDateTime horizon = now.addDays(-m_keepDays);
    const qsizetype before = m_periods.size();
    m_periods.removeIf([&horizon](const AlertPeriod &p) { return !p.isOpen() && p.to < horizon; });
    if (m_periods.size() > maxPeriods) {
        // Bounded: the periods that ended first go first; open ones stay.
        QList<QDateTime> ends;
        for (const AlertPeriod &p : std::as_const(m_periods)) {
            if (!p.isOpen())
                ends.append(p.to);
        }
        std::sort(ends.begin(), ends.end());
        const qsizetype excess = m_periods.size() - maxPeriods;
        if (excess > 0 && excess <= ends.size()) {
            const QDateTime cut = ends.at(excess - 1);
            qsizetype dropped = 0;
            m_periods.removeIf([&](const AlertPeriod &p) {
                if (dropped < excess && !p.isOpen() && p.to <= cut) {
                    ++dropped;
                    return true;
                }
                return false;
            });
        }
    }
    return m_periods.size() != before;
}

void AlertHistory::save()
{
    if (m_path.isEmpty())
        return;
    m_lastSave = m_lastPoll.isValid() ? m_lastPoll : QDateTime::currentDateTimeUtc();
    // The JSON of 10,000 periods and the fsync run on the writer thread, in order.
    OffThread::run(
        &m_writer, this,
        [path = m_path, periods = m_periods] { return StateFile::write(path, toJson(periods)); },
        [this](const QString &error) {
            if (!error.isEmpty())
                qCWarning(lcAlertHistory).noquote() << error;
            Q_EMIT saved(error);
        });
}

QByteArray AlertHistory::toJson(const QList<AlertPeriod> &periods)
{
    QJsonArray list;
    for (const AlertPeriod &p : periods) {
        QJsonObject labels;
        for (auto l = p.labels.cbegin(); l != p.labels.cend(); ++l)
            labels.insert(l.key(), l.value());
        QJsonObject o{{"fingerprint"_L1, p.fingerprint},
                      {"labels"_L1, labels},
                      {"from"_L1, AlertsJson::formatTime(p.from)},
                      {"seen"_L1, AlertsJson::formatTime(p.seen)},
                      {"silenced"_L1, p.silenced}};
        if (!p.isOpen())
            o.insert("to"_L1, AlertsJson::formatTime(p.to));
        list.append(o);
    }
    return QJsonDocument(QJsonObject{{"version"_L1, 1}, {"periods"_L1, list}})
        .toJson(QJsonDocument::Compact);
}

bool AlertHistory::fromJson(const QByteArray &json, QList<AlertPeriod> *periods, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject() || doc.object().value("version"_L1).toInt() != 1) {
        if (error)
            *error = QObject::tr("the alert history is not a version 1 history file: %1")
                         .arg(parseError.error != QJsonParseError::NoError
                                  ? parseError.errorString()
                                  : QObject::tr("unknown content"));
        return false;
    }
    periods->clear();
    for (const QJsonValue v : doc.object().value("periods"_L1).toArray()) {
        const QJsonObject o = v.toObject();
        AlertPeriod p;
        p.fingerprint = o.value("fingerprint"_L1).toString();
        const QJsonObject labels = o.value("labels"_L1).toObject();
        for (auto it = labels.begin(); it != labels.end(); ++it)
            p.labels.insert(it.key(), it.value().toString());
        p.name = p.labels.value(u"alertname"_s);
        p.severity = p.labels.value(u"severity"_s);
        p.from = AlertsJson::parseTime(o.value("from"_L1).toString());
        p.seen = AlertsJson::parseTime(o.value("seen"_L1).toString());
        if (o.contains("to"_L1))
            p.to = AlertsJson::parseTime(o.value("to"_L1).toString());
        p.silenced = o.value("silenced"_L1).toBool();
        if (p.fingerprint.isEmpty() || !p.from.isValid())
            continue; // a damaged entry; the rest is still worth keeping
        periods->append(p);
    }
    return true;
}

} // namespace Stackscope
