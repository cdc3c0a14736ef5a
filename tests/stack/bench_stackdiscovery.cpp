// SPDX-License-Identifier: GPL-3.0-or-later
// "Stacks on this machine" with 50 compose projects of 300 containers (6 services each, every
// fifth project partly stopped, every seventh stopped):
//   stacks_discover_ms  File ▸ Stacks on this machine until the dialog's table has painted all
//                       50 projects: /_ping, /containers/json (about 0.5 MB, parsed and grouped
//                       off the GUI thread), the model and the first paint. Median of 15, each
//                       with a new feature (so the API version is negotiated every time).
//                       Goal <= 150.
// The daemon is a loopback FaultServer answering with containers generated in the shape of a
// real dockerd 20.10 answer (tests/data/stack/containers-projects.json, docker-compose 1.29
// labels); a real dockerd with 300 containers takes minutes to set up here.
#include "app/compose/stackdiscovery.h"
#include "app/features/stackfeature.h"
#include "models/stack/stacksmodel.h"
#include "tests/support/benchfigures.h"
#include "tests/support/faultserver.h"
#include "tests/support/fixtures.h"
#include "ui/stack/stacksdialog.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableView>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Stackscope;
using Bench::say;

namespace {

constexpr int projectCount = 50;
constexpr int servicesPerProject = 6;

/// 300 containers shaped like the fixture's first one: every label and field dockerd sends.
QByteArray containerList()
{
    const QJsonArray real
        = QJsonDocument::fromJson(Test::testData(u"stack/containers-projects.json"_s)).array();
    const QJsonObject shape = real.first().toObject();
    const QStringList services{u"web"_s, u"api"_s, u"worker"_s, u"db"_s, u"cache"_s, u"proxy"_s};
    QJsonArray out;
    for (int p = 0; p < projectCount; ++p) {
        const QString project = u"project%1"_s.arg(p, 2, 10, QChar(u'0'));
        for (int s = 0; s < servicesPerProject; ++s) {
            QJsonObject c = shape;
            const QString name = u"%1_%2_1"_s.arg(project, services.at(s));
            c.insert("Id"_L1, QString::fromLatin1(QByteArray::number(p * 100 + s).toHex())
                                  .leftJustified(64, u'a'));
            c.insert("Names"_L1, QJsonArray{QString(u'/' + name)});
            QJsonObject labels = c.value("Labels"_L1).toObject();
            labels.insert("com.docker.compose.project"_L1, project);
            labels.insert("com.docker.compose.project.working_dir"_L1,
                          QString(u"/home/dev/src/"_s + project));
            labels.insert("com.docker.compose.service"_L1, services.at(s));
            c.insert("Labels"_L1, labels);
            const bool stopped = p % 7 == 0 || (p % 5 == 0 && s >= 4);
            c.insert("State"_L1, stopped ? u"exited"_s : u"running"_s);
            c.insert("Status"_L1, stopped ? u"Exited (0) 2 hours ago"_s : u"Up 3 hours"_s);
            out.append(c);
        }
    }
    return QJsonDocument(out).toJson(QJsonDocument::Compact);
}

/// Quits `loop` once `view` has painted with `rows` rows in its model.
class PaintWatch : public QObject
{
public:
    PaintWatch(QTableView *view, int rows, QEventLoop *loop)
        : m_view(view)
        , m_rows(rows)
        , m_loop(loop)
    {
        view->viewport()->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_view->model()->rowCount() == m_rows)
            QTimer::singleShot(0, m_loop, &QEventLoop::quit); // after this paint ends
        return QObject::eventFilter(watched, event);
    }

private:
    QTableView *m_view;
    int m_rows;
    QEventLoop *m_loop;
};

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        qputenv("QT_LOGGING_RULES", "qt.qpa.*=false");
    QApplication app(argc, argv);
    const QByteArray body = containerList();
    Test::FaultServer server;
    if (!server.listen()) {
        say(u"# stacks_discover skipped: cannot listen on loopback"_s);
        return 0;
    }
    server.setRoute("GET", u"/_ping"_s,
                    Test::FaultServer::text("OK").withHeader("Api-Version", "1.41"));
    server.setRoute("GET", u"/v1.41/containers/json"_s, Test::FaultServer::json(body));
    say(u"# stacks_discover: %1 projects, %2 containers, %3 KiB answer"_s.arg(projectCount)
            .arg(projectCount * servicesPerProject)
            .arg(body.size() / 1024));

    Config config;
    config.stack.dockerHost = u"tcp://127.0.0.1:%1"_s.arg(server.port());
    QList<double> times;
    int partial = 0;
    for (int round = 0; round < 15; ++round) {
        StackFeature feature(AppContext{});
        feature.applyConfig(config);
        QEventLoop loop;
        QElapsedTimer clock;
        clock.start();
        feature.showStacks();
        PaintWatch watch(feature.stacksDialog()->table(), projectCount, &loop);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        const double ms = double(clock.nsecsElapsed()) / 1e6;
        if (feature.stacksModel()->rowCount() != projectCount) {
            say(u"# stacks_discover failed: %1 projects shown; %2"_s
                    .arg(feature.stacksModel()->rowCount())
                    .arg(feature.stacksDialog()->errorText()));
            return 1;
        }
        partial = 0;
        for (const StackSummary &s : feature.stacksModel()->stacks())
            partial += s.state == StackSummary::State::Partial ? 1 : 0;
        times << ms;
        feature.stacksDialog()->close();
    }
    say(u"# stacks_discover: %1 partly running projects shown; first (cold) %4 ms, min %2 ms, "
        "max %3 ms"_s.arg(partial)
            .arg(*std::min_element(times.begin(), times.end()), 0, 'f', 1)
            .arg(*std::max_element(times.begin(), times.end()), 0, 'f', 1)
            .arg(times.first(), 0, 'f', 1));
    Bench::figure("stacks_discover_ms", Bench::median(times), "ms");
    return 0;
}
