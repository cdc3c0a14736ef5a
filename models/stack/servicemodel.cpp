// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/stack/servicemodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QSet>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

QColor conditionColor(ServiceStatus::Condition c)
{
    switch (c) {
    case ServiceStatus::Condition::Healthy:
    case ServiceStatus::Condition::Running:
        return QColor(0x1b, 0x7f, 0x3b);
    case ServiceStatus::Condition::Starting:
        return QColor(0x9a, 0x67, 0x00);
    case ServiceStatus::Condition::Unhealthy:
    case ServiceStatus::Condition::Exited:
        return QColor(0xc0, 0x1c, 0x28);
    case ServiceStatus::Condition::Stopped:
    case ServiceStatus::Condition::NotCreated:
        break;
    }
    return QColor(0x77, 0x77, 0x77);
}

} // namespace

ServiceModel::ServiceModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int ServiceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ServiceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QDateTime ServiceModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

QString ServiceModel::formatBytes(qint64 bytes)
{
    if (bytes < 0)
        return {};
    if (bytes < 1024)
        return u"%1 B"_s.arg(bytes);
    if (bytes < 1024 * 1024)
        return u"%1 KiB"_s.arg(double(bytes) / 1024.0, 0, 'f', 1);
    if (bytes < 1024ll * 1024 * 1024)
        return u"%1 MiB"_s.arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
    return u"%1 GiB"_s.arg(double(bytes) / (1024.0 * 1024.0 * 1024.0), 0, 'f', 2);
}

QString ServiceModel::formatDuration(qint64 s)
{
    if (s < 0)
        s = 0;
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min").arg(s / 60);
    if (s < 86400)
        return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    return tr("%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
}

QVariant ServiceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ServiceStatus &s = m_rows.at(index.row());
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
                return sort ? QVariant(secs) : QVariant(formatDuration(secs));
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
            return ports.join(u", "_s);
        }
        case Image:
            return c.image.isEmpty() ? s.spec.image : c.image;
        case Cpu:
            if (!s.isRunning() || s.cpuPercent < 0)
                return sort ? QVariant(-1.0) : QVariant(QString());
            return sort ? QVariant(s.cpuPercent) : QVariant(u"%1 %"_s.arg(s.cpuPercent, 0, 'f', 1));
        case Memory:
            if (!s.isRunning() || s.memoryBytes < 0)
                return sort ? QVariant(qint64(-1)) : QVariant(QString());
            return sort ? QVariant(s.memoryBytes) : QVariant(formatBytes(s.memoryBytes));
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
        case Memory:
            if (s.memoryLimit > 0 && s.isRunning())
                return tr("%1 of %2").arg(formatBytes(s.memoryBytes), formatBytes(s.memoryLimit));
            return {};
        case Ports:
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
            return QBrush(QColor(0x1a, 0x5f, 0xb4));
        if (!s.declared)
            return QBrush(QColor(0x77, 0x77, 0x77));
    }
    if (role == Qt::FontRole && column == Ports) {
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

int ServiceModel::rowOf(const QString &service) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).service == service)
            return i;
    }
    return -1;
}

const ServiceStatus *ServiceModel::service(const QString &name) const
{
    const int row = rowOf(name);
    return row < 0 ? nullptr : &m_rows.at(row);
}

void ServiceModel::replaceRow(int row, const ServiceStatus &status)
{
    if (m_rows.at(row) == status)
        return;
    m_rows[row] = status;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ServiceModel::setServices(const QList<ServiceStatus> &services)
{
    QSet<QString> wanted;
    for (const ServiceStatus &s : services)
        wanted.insert(s.service);
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (!wanted.contains(m_rows.at(i).service)) {
            beginRemoveRows({}, i, i);
            m_rows.removeAt(i);
            endRemoveRows();
        }
    }
    // Rows keep their place; new ones go where the incoming order puts them.
    for (int i = 0; i < services.size(); ++i) {
        const ServiceStatus &s = services.at(i);
        const int row = rowOf(s.service);
        if (row >= 0) {
            replaceRow(row, s);
            continue;
        }
        const int at = std::min(i, int(m_rows.size()));
        beginInsertRows({}, at, at);
        m_rows.insert(at, s);
        endInsertRows();
    }
}

bool ServiceModel::updateContainer(const QString &service, const ContainerInfo &container)
{
    const int row = rowOf(service);
    if (row < 0)
        return false;
    ServiceStatus s = m_rows.at(row);
    if (s.hasContainer() && s.container.id != container.id
        && container.created < s.container.created)
        return true; // an older container of the service: the newest one stays shown
    if (s.container.id != container.id || !container.isRunning()) {
        s.cpuPercent = -1;
        s.memoryBytes = -1;
        s.memoryLimit = -1;
    }
    if (s.container.id != container.id)
        s.containerCount = std::max(s.containerCount, 1);
    s.container = container;
    replaceRow(row, s);
    return true;
}

void ServiceModel::updateStats(const QString &containerId, double cpuPercent, qint64 memoryBytes,
                               qint64 memoryLimit)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).container.id != containerId)
            continue;
        ServiceStatus s = m_rows.at(i);
        if (!s.isRunning())
            return;
        s.cpuPercent = cpuPercent;
        s.memoryBytes = memoryBytes;
        s.memoryLimit = memoryLimit;
        if (!(s == m_rows.at(i))) {
            m_rows[i] = s;
            Q_EMIT dataChanged(index(i, Cpu), index(i, Memory));
        }
        return;
    }
}

void ServiceModel::tick()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Uptime), index(int(m_rows.size()) - 1, Uptime),
                           {Qt::DisplayRole, SortRole});
}

} // namespace Stackscope
