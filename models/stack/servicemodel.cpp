// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/stack/servicemodel.h"
#include "models/common/format.h"
#include "models/common/palette.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QSet>
#include <QStringList>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

/// Memory for the table: empty while unknown (Docker reports no usage for a stopped container).
QString memoryText(qint64 bytes)
{
    return bytes < 0 ? QString() : Format::bytes(double(bytes));
}

QString cpuText(double percent)
{
    return u"%1 %"_s.arg(percent, 0, 'f', 1);
}

/// The history the tooltip of a CPU or memory cell sums up: min, max and last over the window.
QString historyText(const SampleHistory &history, const SampleHistory::Window &window, bool memory)
{
    const SampleHistory::Summary s = history.summary(window.fromMsecs);
    if (s.count == 0)
        return {};
    auto text = [memory](double v) {
        return memory ? memoryText(qint64(v)) : cpuText(v);
    };
    const QString span = Format::elapsed(std::max<qint64>(1, s.spanMsecs() / 1000));
    QStringList lines{memory ? ServiceModel::tr("Memory over the last %1:").arg(span)
                             : ServiceModel::tr("CPU over the last %1:").arg(span),
                      ServiceModel::tr("min %1 \u00b7 max %2 \u00b7 last %3")
                          .arg(text(s.min), text(s.max), text(s.last))};
    if (s.hasGaps)
        lines << ServiceModel::tr("(with gaps where the service was not running)");
    return lines.join(u'\n');
}

QColor conditionColor(ServiceStatus::Condition c)
{
    switch (c) {
    case ServiceStatus::Condition::Healthy:
    case ServiceStatus::Condition::Running:
        return Palette::color(Palette::Tone::Good);
    case ServiceStatus::Condition::Starting:
        return Palette::color(Palette::Tone::Warning);
    case ServiceStatus::Condition::Unhealthy:
    case ServiceStatus::Condition::Exited:
        return Palette::color(Palette::Tone::Bad);
    case ServiceStatus::Condition::Stopped:
    case ServiceStatus::Condition::NotCreated:
    case ServiceStatus::Condition::Unknown:
        break;
    }
    return Palette::color(Palette::Tone::Muted);
}

} // namespace

ServiceModel::ServiceModel(QObject *parent)
    : KeyedTableModel(parent)
{}

int ServiceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QDateTime ServiceModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

QVariant ServiceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ServiceStatus &s = at(index.row());
    const ContainerInfo &c = s.container;
    switch (role) {
    case ServiceRole:
        return s.service;
    case ConditionRole:
        return int(s.condition());
    case ContainerIdRole:
        return c.id;
    case UrlsRole: {
        QStringList urls;
        if (!s.spec.url.isEmpty())
            urls << s.spec.url;
        for (int p : s.ports())
            urls << u"http://127.0.0.1:%1/"_s.arg(p);
        return urls;
    }
    case StatusRole:
        return QVariant::fromValue(s);
    case CpuHistoryRole:
    case MemoryHistoryRole: {
        static const SampleHistory none; // shared: no allocation per call
        const auto &longer = role == CpuHistoryRole ? m_long.cpu : m_long.memory;
        if (const auto l = longer.constFind(s.service); l != longer.cend() && !l->isEmpty())
            return QVariant::fromValue(*l);
        const auto it = m_history.constFind(s.service);
        if (it == m_history.cend())
            return QVariant::fromValue(none);
        return QVariant::fromValue(role == CpuHistoryRole ? it->cpu : it->memory);
    }
    case HistoryWindowRole:
        return QVariant::fromValue(historyWindow());
    case HistorySourceRole:
        return rowHistorySource(s.service);
    default:
        break;
    }
    const int column = index.column();
    if (role == Qt::DisplayRole || role == SortRole) {
        const bool sort = role == SortRole;
        switch (column) {
        case Service:
            return s.service;
        case State:
            return sort ? QVariant(int(s.condition())) : QVariant(s.stateText());
        case Health:
            if (!s.hasContainer())
                return s.spec.hasHealthcheck && !sort ? tr("has check") : QString();
            if (!s.isRunning())
                return QString(); // a stopped container's last health says nothing now
            if (c.health.isEmpty())
                return sort ? QString() : tr("no check");
            if (!sort && c.health == "healthy"_L1)
                return tr("healthy");
            if (!sort && c.health == "unhealthy"_L1)
                return tr("unhealthy");
            if (!sort && c.health == "starting"_L1)
                return tr("starting");
            return c.health;
        case Uptime:
            if (s.isRunning() && c.startedAt.isValid()) {
                const qint64 secs = c.startedAt.secsTo(now());
                return sort ? QVariant(secs) : QVariant(Format::elapsed(secs));
            }
            if (s.hasContainer() && (c.state == "exited"_L1 || c.state == "dead"_L1))
                return sort ? QVariant(-1 - c.exitCode)
                            : QVariant(tr("exit code %1").arg(c.exitCode));
            return sort ? QVariant(-100000) : QVariant(QString());
        case Restarts:
            return s.hasContainer() ? QVariant(c.restartCount) : QVariant();
        case Ports: {
            QStringList ports;
            for (int p : s.ports())
                ports << QString::number(p);
            if (ports.isEmpty() && !s.spec.url.isEmpty()) {
                const QUrl url(s.spec.url);
                return url.port() > 0 ? QString::number(url.port()) : tr("web UI");
            }
            if (ports.isEmpty() && s.spec.networkMode == "host"_L1)
                return tr("host"); // its network is the host's: nothing published
            return ports.join(u", "_s);
        }
        case Image:
            return c.image.isEmpty() ? s.spec.image : c.image;
        case Cpu:
            if (!s.isRunning() || s.cpuPercent < 0)
                return sort ? QVariant(-1.0) : QVariant(QString());
            return sort ? QVariant(s.cpuPercent) : QVariant(cpuText(s.cpuPercent));
        case Memory:
            if (!s.isRunning() || s.memoryBytes < 0)
                return sort ? QVariant(qint64(-1)) : QVariant(QString());
            if (sort)
                return s.memoryBytes;
            if (s.memoryLimit > 0) // the limit, or the host's memory when there is none
                return QString(memoryText(s.memoryBytes) + u" / "_s + memoryText(s.memoryLimit));
            return memoryText(s.memoryBytes);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case Health:
            if (!c.healthOutput.isEmpty())
                return tr("Last healthcheck (failing streak %1):\n%2")
                    .arg(c.healthFailingStreak)
                    .arg(c.healthOutput.trimmed());
            return {};
        case State:
            if (s.hasContainer())
                return tr("Container %1 (%2)").arg(c.name, c.id.left(12));
            return tr("No container: the service has not been started.");
        case Cpu: {
            const QString history = historyText(data(index, CpuHistoryRole).value<SampleHistory>(),
                                                historyWindow(), false);
            if (history.isEmpty())
                return {};
            return QString(history + u'\n' + tr("From %1").arg(rowHistorySource(s.service)));
        }
        case Memory: {
            QStringList lines;
            if (s.memoryLimit > 0 && s.memoryBytes >= 0 && s.isRunning())
                lines << tr("%1 of %2 (%3 %)")
                             .arg(memoryText(s.memoryBytes), memoryText(s.memoryLimit),
                                  Format::number(100.0 * double(s.memoryBytes)
                                                 / double(s.memoryLimit)));
            const QString history = historyText(
                data(index, MemoryHistoryRole).value<SampleHistory>(), historyWindow(), true);
            if (!history.isEmpty())
                lines << history << tr("From %1").arg(rowHistorySource(s.service));
            return lines.isEmpty() ? QVariant() : QVariant(lines.join(u'\n'));
        }
        case Ports:
            if (s.ports().isEmpty() && s.spec.url.isEmpty() && s.spec.networkMode == "host"_L1)
                return tr("Shares the host's network: its ports are the host's, as its program "
                          "opens them, and none is published.");
            return data(index, UrlsRole).toStringList().join(u"\n"_s);
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && column == State)
        return conditionColor(s.condition());
    if (role == Qt::ForegroundRole) {
        if (column == State) {
            // The state alone: a running but unhealthy container is still running.
            if (s.isRunning())
                return QBrush(conditionColor(ServiceStatus::Condition::Running));
            return QBrush(conditionColor(s.condition()));
        }
        if (column == Health && !c.health.isEmpty() && s.isRunning())
            return QBrush(conditionColor(s.condition()));
        if (column == Ports)
            return QBrush(data(index, UrlsRole).toStringList().isEmpty()
                              ? Palette::color(Palette::Tone::Muted) // "host": nothing to open
                              : Palette::link());
        if (!s.declared)
            return QBrush(Palette::color(Palette::Tone::Muted));
    }
    if (role == Qt::FontRole && column == Ports
        && !data(index, UrlsRole).toStringList().isEmpty()) {
        QFont f;
        f.setUnderline(true);
        return f;
    }
    if (role == Qt::TextAlignmentRole && (column == Restarts || column == Cpu || column == Memory))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ServiceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Service:
        return tr("Service");
    case State:
        return tr("State");
    case Health:
        return tr("Health");
    case Uptime:
        return tr("Uptime / exit");
    case Restarts:
        return tr("Restarts");
    case Ports:
        return tr("Ports");
    case Image:
        return tr("Image");
    case Cpu:
        return tr("CPU");
    case Memory:
        return tr("Memory");
    default:
        return {};
    }
}

void ServiceModel::setServices(const QList<ServiceStatus> &services)
{
    merge(services);
    // A history lives as long as its service's row, and breaks off where it is not running.
    for (auto it = m_history.begin(); it != m_history.end();) {
        const ServiceStatus *s = service(it.key());
        if (!s) {
            it = m_history.erase(it);
            continue;
        }
        if (!s->isRunning())
            markGap(it.key());
        ++it;
    }
}

void ServiceModel::markGap(const QString &service)
{
    const auto it = m_history.find(service);
    if (it == m_history.end())
        return;
    const qint64 t = now().toMSecsSinceEpoch();
    it->cpu.appendGap(t);
    it->memory.appendGap(t);
}

QString ServiceModel::rowHistorySource(const QString &service) const
{
    const auto cpu = m_long.cpu.constFind(service);
    const auto memory = m_long.memory.constFind(service);
    if ((cpu != m_long.cpu.cend() && !cpu->isEmpty())
        || (memory != m_long.memory.cend() && !memory->isEmpty()))
        return m_long.source;
    return tr("Stackscope's own samples of the last hour");
}

QString ServiceModel::historySource() const
{
    if (m_long.isEmpty())
        return tr("Stackscope's own samples of the last hour");
    return m_long.source;
}

void ServiceModel::setLongHistory(const ResourceHistories &history)
{
    m_long = history;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, Cpu), index(rowCount() - 1, Memory),
                           {CpuHistoryRole, MemoryHistoryRole, HistoryWindowRole, HistorySourceRole,
                            Qt::ToolTipRole});
}

SampleHistory::Window ServiceModel::historyWindow() const
{
    using namespace std::chrono;
    const qint64 to = now().toMSecsSinceEpoch();
    // A longer history sets the axis for every row, so that rows stay comparable.
    if (!m_long.isEmpty() && m_long.fromMsecs > 0 && m_long.fromMsecs < to - 60 * 1000)
        return {m_long.fromMsecs, to};
    const qint64 hour = duration_cast<milliseconds>(SampleHistory::DefaultMaxAge).count();
    const qint64 minute = 60 * 1000;
    qint64 from = to - hour;
    if (m_firstSampleMsecs >= 0)
        from = std::clamp(m_firstSampleMsecs, from, to - minute);
    return {from, to};
}

const ServiceStatus *ServiceModel::service(const QString &name) const
{
    const int row = rowOf(name);
    return row < 0 ? nullptr : &at(row);
}

bool ServiceModel::updateContainer(const QString &service, const ContainerInfo &container)
{
    const int row = rowOf(service);
    if (row < 0)
        return false;
    ServiceStatus s = at(row);
    if (s.hasContainer() && s.container.id != container.id
        && container.created < s.container.created)
        return true; // an older container of the service: the newest one stays shown
    if (s.container.id != container.id || !container.isRunning()) {
        markGap(service);
        s.cpuPercent = -1;
        s.memoryBytes = -1;
        s.memoryLimit = -1;
    }
    if (s.container.id != container.id)
        s.containerCount = std::max(s.containerCount, 1);
    s.container = container;
    replaceAt(row, s);
    return true;
}

void ServiceModel::updateStats(const QString &containerId, double cpuPercent, qint64 memoryBytes,
                               qint64 memoryLimit)
{
    for (int i = 0; i < rowCount(); ++i) {
        if (at(i).container.id != containerId)
            continue;
        ServiceStatus s = at(i);
        if (!s.isRunning())
            return;
        const qint64 t = now().toMSecsSinceEpoch();
        History &h = m_history[s.service];
        if (h.containerId != containerId) {
            h.cpu.appendGap(t); // the samples of another container end here
            h.memory.appendGap(t);
            h.containerId = containerId;
        }
        if (cpuPercent >= 0)
            h.cpu.append(t, cpuPercent);
        if (memoryBytes >= 0)
            h.memory.append(t, double(memoryBytes));
        if (m_firstSampleMsecs < 0)
            m_firstSampleMsecs = t;
        const bool same = s.cpuPercent == cpuPercent && s.memoryBytes == memoryBytes
                          && s.memoryLimit == memoryLimit;
        s.cpuPercent = cpuPercent;
        s.memoryBytes = memoryBytes;
        s.memoryLimit = memoryLimit;
        replaceAt(i, s, Cpu, Memory);
        if (same) // the history grew all the same
            Q_EMIT dataChanged(index(i, Cpu), index(i, Memory),
                               {CpuHistoryRole, MemoryHistoryRole, Qt::ToolTipRole});
        return;
    }
}

void ServiceModel::tick()
{
    if (rowCount() == 0)
        return;
    Q_EMIT dataChanged(index(0, Uptime), index(rowCount() - 1, Uptime),
                       {Qt::DisplayRole, SortRole});
    if (m_history.isEmpty())
        return;
    const qint64 t = now().toMSecsSinceEpoch();
    for (History &h : m_history) {
        h.cpu.trim(t);
        h.memory.trim(t);
    }
    // The window moves on for every row, sampled or not.
    Q_EMIT dataChanged(index(0, Cpu), index(rowCount() - 1, Memory),
                       {CpuHistoryRole, MemoryHistoryRole, HistoryWindowRole, Qt::ToolTipRole});
}

} // namespace Stackscope
