// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/stack/stacksummary.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stackscope::StackSummaries {

namespace {

// lupdate files these tr() calls under the enclosing namespace: the same context here.
QString tr(const char *text)
{
    return QCoreApplication::translate("Stackscope::StackSummaries", text);
}

/// docker-compose 1.x writes the files as given on its command line (often relative to the
/// folder it ran in); compose v2 writes absolute paths.
QStringList absoluteFiles(const QStringList &files, const QString &workingDir)
{
    QStringList out;
    for (const QString &file : files) {
        if (file.isEmpty())
            continue;
        const QString path
            = QDir::isAbsolutePath(file) || workingDir.isEmpty() ? file : workingDir + u'/' + file;
        const QString clean = QDir::cleanPath(path);
        if (!out.contains(clean))
            out << clean;
    }
    return out;
}

struct Folder
{
    int containers = 0;
    qint64 newest = 0;
    QStringList configFiles; ///< of its newest container
};

StackSummary summarize(const QString &name, const QList<const StackContainer *> &containers)
{
    StackSummary s;
    s.name = name;
    s.containers = int(containers.size());
    QMap<QString, bool> services; // sorted; true when one of its containers runs
    QHash<QString, Folder> folders;
    for (const StackContainer *c : containers) {
        Folder &f = folders[c->workingDir];
        ++f.containers;
        if (f.configFiles.isEmpty() || c->created >= f.newest) {
            f.newest = std::max(f.newest, c->created);
            if (!c->configFiles.isEmpty())
                f.configFiles = c->configFiles;
        }
        if (c->oneOff || c->service.isEmpty())
            continue;
        bool &running = services[c->service];
        running = running || c->isRunning();
    }
    // The project's folder: where most of its containers were made, then the newest.
    QStringList order = folders.keys();
    std::sort(order.begin(), order.end(), [&folders](const QString &a, const QString &b) {
        const Folder &fa = folders[a];
        const Folder &fb = folders[b];
        if (fa.containers != fb.containers)
            return fa.containers > fb.containers;
        if (fa.newest != fb.newest)
            return fa.newest > fb.newest;
        return a < b;
    });
    s.workingDir = order.value(0);
    s.configFiles = absoluteFiles(folders.value(s.workingDir).configFiles, s.workingDir);
    if (order.size() > 1) {
        QStringList others;
        for (qsizetype i = 1; i < order.size(); ++i)
            others << (order.at(i).isEmpty() ? tr("an unknown folder") : order.at(i));
        s.problems << tr("Some of its containers were made from another folder (%1), not "
                         "from %2: two compose projects share the name \"%3\". Opening it "
                         "uses %2; give the other one its own name (compose -p NAME).")
                          .arg(others.join(u", "_s),
                               s.workingDir.isEmpty() ? tr("an unknown folder") : s.workingDir,
                               name);
    }
    for (auto it = services.cbegin(); it != services.cend(); ++it) {
        s.services << it.key();
        if (it.value())
            ++s.servicesRunning;
    }
    s.servicesTotal = int(s.services.size());
    if (s.servicesRunning == 0)
        s.state = StackSummary::State::Stopped;
    else if (s.servicesRunning == s.servicesTotal)
        s.state = StackSummary::State::Running;
    else
        s.state = StackSummary::State::Partial;
    return s;
}

} // namespace

QList<StackSummary> group(const QList<StackContainer> &containers)
{
    QMap<QString, QList<const StackContainer *>> byProject; // sorted by name
    for (const StackContainer &c : containers) {
        if (!c.project.isEmpty())
            byProject[c.project].append(&c);
    }
    QList<StackSummary> out;
    out.reserve(byProject.size());
    for (auto it = byProject.cbegin(); it != byProject.cend(); ++it)
        out << summarize(it.key(), it.value());
    return out;
}

QString stateName(StackSummary::State state)
{
    switch (state) {
    case StackSummary::State::Running:
        return u"running"_s;
    case StackSummary::State::Partial:
        return u"partial"_s;
    case StackSummary::State::Stopped:
        break;
    }
    return u"stopped"_s;
}

QString stateText(StackSummary::State state)
{
    switch (state) {
    case StackSummary::State::Running:
        return tr("running");
    case StackSummary::State::Partial:
        return tr("partly running");
    case StackSummary::State::Stopped:
        break;
    }
    return tr("stopped");
}

} // namespace Stackscope::StackSummaries
