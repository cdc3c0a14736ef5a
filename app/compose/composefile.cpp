// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/compose/composefile.h"

#include <QCoreApplication>
#include <QFile>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

QString str(const YAML::Node &n)
{
    return n && n.IsScalar() ? QString::fromStdString(n.Scalar()) : QString();
}

// lupdate files these tr() calls under the enclosing namespace: the same context here.
QString tr(const char *text)
{
    return QCoreApplication::translate("Stackscope", text);
}

/// "8080:80", "127.0.0.1:8080:80/tcp", "8080-8081:80-81" give their first host port;
/// "80" publishes on a random port, unknown here.
int hostPortOf(const QString &spec)
{
    QString s = spec.section(u'/', 0, 0);
    const QStringList parts = s.split(u':');
    if (parts.size() < 2)
        return 0;
    const QString host = parts.at(parts.size() - 2).section(u'-', 0, 0);
    bool ok = false;
    const int port = host.toInt(&ok);
    return ok && port > 0 && port < 65536 ? port : 0;
}

void readService(ComposeService &s, const YAML::Node &n)
{
    if (!n.IsMap())
        return;
    if (n["image"])
        s.image = str(n["image"]);
    if (const YAML::Node ports = n["ports"]; ports && ports.IsSequence()) {
        s.hostPorts.clear();
        for (const YAML::Node &p : ports) {
            int port = 0;
            if (p.IsScalar())
                port = hostPortOf(str(p));
            else if (p.IsMap())
                port = str(p["published"]).toInt();
            if (port > 0 && !s.hostPorts.contains(port))
                s.hostPorts << port;
        }
    }
    if (const YAML::Node labels = n["labels"]) {
        if (labels.IsMap() && labels["stackscope.url"])
            s.url = str(labels["stackscope.url"]);
        else if (labels.IsSequence()) {
            for (const YAML::Node &l : labels) {
                const QString text = str(l);
                if (text.startsWith("stackscope.url="_L1))
                    s.url = text.mid(15);
            }
        }
    }
    if (const YAML::Node profiles = n["profiles"]; profiles && profiles.IsSequence()) {
        s.profiles.clear();
        for (const YAML::Node &p : profiles)
            s.profiles << str(p);
    }
    if (const YAML::Node hc = n["healthcheck"]; hc && hc.IsMap()) {
        const bool disabled = str(hc["disable"]) == "true"_L1
                              || (hc["test"] && hc["test"].IsSequence() && hc["test"].size() > 0
                                  && str(hc["test"][0]) == "NONE"_L1);
        s.hasHealthcheck = !disabled;
    }
}

void merge(QList<ComposeService> &into, const YAML::Node &services)
{
    for (auto it = services.begin(); it != services.end(); ++it) {
        const QString name = str(it->first);
        auto existing = std::find_if(into.begin(), into.end(),
                                     [&](const ComposeService &s) { return s.name == name; });
        if (existing == into.end()) {
            ComposeService s;
            s.name = name;
            readService(s, it->second);
            into << s;
        } else {
            readService(*existing, it->second);
        }
    }
}

ComposeFile parseInto(QList<ComposeService> services, const QByteArray &yaml,
                      const QString &fileName)
{
    ComposeFile result;
    const QString name = fileName.isEmpty() ? tr("compose file") : fileName;
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (!root.IsMap()) {
            result.error = u"%1:1:1: %2"_s.arg(name, tr("not a compose file (no top-level map)"));
            return result;
        }
        const YAML::Node s = root["services"];
        if (!s || !s.IsMap()) {
            const YAML::Mark mark = s ? s.Mark() : root.Mark();
            result.error = u"%1:%2:%3: %4"_s.arg(name)
                               .arg(mark.line + 1)
                               .arg(mark.column + 1)
                               .arg(tr("no 'services' map"));
            return result;
        }
        merge(services, s);
        result.services = services;
    } catch (const YAML::Exception &e) {
        result.error = u"%1:%2:%3: %4"_s.arg(name)
                           .arg(e.mark.line + 1)
                           .arg(e.mark.column + 1)
                           .arg(QString::fromStdString(e.msg));
    }
    return result;
}

} // namespace

ComposeFile ComposeFile::parse(const QByteArray &yaml, const QString &fileName)
{
    return parseInto({}, yaml, fileName);
}

ComposeFile ComposeFile::load(const QStringList &paths)
{
    ComposeFile result;
    for (const QString &path : paths) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            result.error = u"%1:0:0: %2"_s.arg(path, f.errorString());
            return result;
        }
        ComposeFile one = parseInto(result.services, f.readAll(), path);
        if (!one.ok()) {
            result.error = one.error;
            return result;
        }
        result.services = one.services;
    }
    return result;
}

QList<ComposeService> ComposeFile::active(const QList<ComposeService> &services,
                                          const QStringList &profiles)
{
    QList<ComposeService> out;
    for (const ComposeService &s : services) {
        const bool on = s.profiles.isEmpty()
                        || std::any_of(s.profiles.begin(), s.profiles.end(),
                                       [&](const QString &p) { return profiles.contains(p); });
        if (on)
            out << s;
    }
    return out;
}

} // namespace Stackscope
