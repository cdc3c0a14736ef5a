// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/http/httperror.h"
#include "models/config/config.h"
#include "models/traces/trace.h"
#include "models/traces/tracelayout.h"
#include "models/traces/tracequery.h"

#include <QObject>
#include <QStringList>

class QNetworkAccessManager;

namespace Stackscope {

class JaegerClient;
class Poller;
class TraceLoader;

/// Why a trace did not open.
struct TraceOpenFailure
{
    enum class Stage {
        Fetch, ///< Jaeger did not answer with the trace (`source` is the trace id)
        Read,  ///< the document arrived (or the file was read) but holds no trace to show
    };
    Stage stage = Stage::Read;
    QString source; ///< the trace id or the file's name
    QString message;
};

/// The Traces page's core: the Jaeger client, the poller that keeps the service list fresh, and
/// the loader that opens trace files and search results on workers. Requests come in as slots,
/// results go out as typed signals; the services error of the last poll is kept as state. Only
/// the newest open request (by id, file or search result) may open a trace: an older one that
/// answers later is dropped. Knows no widget.
class TracesController : public QObject
{
    Q_OBJECT
public:
    explicit TracesController(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~TracesController() override;

    JaegerClient *client() const { return m_client; }
    Poller *servicesPoller() const { return m_servicesPoller; }
    TraceLoader *loader() const { return m_loader; }

    /// Endpoint, body limit and the service list's refresh; polls again once started.
    void applyConfig(const Config &config);
    void start();

    /// Why the last service list failed; no error when it worked (or has not been asked yet).
    const HttpError &servicesError() const { return m_servicesError; }
    /// The trace open now (null before the first one opened).
    TraceLayoutPtr currentTrace() const { return m_current; }
    /// Writes the open trace as Jaeger JSON; false with `error` set when it could not.
    bool saveTrace(const QString &path, QString *error) const;
    /// Why `path` cannot be opened as a trace file ("there is no such file", "it is a folder",
    /// "it cannot be read"); empty when it is a readable file.
    static QString fileProblem(const QString &path);

public Q_SLOTS:
    void refreshServices();
    void loadOperations(const QString &service);
    void search(const Stackscope::TraceQuery &query);
    /// Opens a search result (already parsed, or fetched by id when the search held no spans).
    void openSummary(const Stackscope::TraceSummary &summary);
    void openTraceId(const QString &traceId);
    /// Reads and opens a trace file on a worker; false when it is not a readable file
    /// (fileProblem() says why).
    bool openFile(const QString &path);

Q_SIGNALS:
    void servicesAvailable(const QStringList &services);
    void servicesFailed(const Stackscope::HttpError &error);
    void operationsAvailable(const QString &service, const QStringList &operations);
    void operationsFailed(const QString &service, const Stackscope::HttpError &error);
    void searchResultsAvailable(const QList<Stackscope::TraceSummary> &results);
    void searchFailed(const Stackscope::HttpError &error);
    void traceOpened(const Stackscope::TraceLayoutPtr &layout, const QString &source,
                     const QStringList &warnings);
    void traceOpenFailed(const Stackscope::TraceOpenFailure &failure);
    /// A file held several traces: pick one (openSummary() opens it).
    void tracesToPick(const QString &source, const QList<Stackscope::TraceSummary> &traces);

private:
    void pollServices(std::function<void(bool ok, bool serverAbsent)> report);
    void deliverTrace(const TraceLayoutPtr &layout, const QString &source,
                      const QStringList &warnings);

    JaegerClient *m_client;
    TraceLoader *m_loader;
    Poller *m_servicesPoller;
    bool m_started = false;
    HttpError m_servicesError;
    TraceLayoutPtr m_current;
    quint64 m_openRequest = 0;   ///< the newest open request
    quint64 m_loaderRequest = 0; ///< the open request the loader works on
};

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::TraceOpenFailure)
