// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/traces/tracesearchpage.h"
#include "models/common/duration.h"
#include "models/common/palette.h"
#include "ui/plaintooltips.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScatterSeries>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stackscope {

TraceSearchPage::TraceSearchPage(QWidget *parent)
    : QWidget(parent)
    , m_service(new QComboBox(this))
    , m_operation(new QComboBox(this))
    , m_tags(new QLineEdit(this))
    , m_lookback(new QComboBox(this))
    , m_start(new QDateTimeEdit(this))
    , m_end(new QDateTimeEdit(this))
    , m_minDuration(new QLineEdit(this))
    , m_maxDuration(new QLineEdit(this))
    , m_limit(new QSpinBox(this))
    , m_findButton(new QPushButton(tr("Find traces"), this))
    , m_compare(new QPushButton(tr("Compare"), this))
    , m_traceId(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_model(new TraceResultsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_chartView(new QChartView(this))
    , m_points(new QScatterSeries)
    , m_errorPoints(new QScatterSeries)
{
    showItemToolTipsAsPlainText(m_table);
    m_service->setMinimumContentsLength(18);
    m_service->setAccessibleName(tr("Service"));
    m_operation->setAccessibleName(tr("Operation"));
    m_operation->addItem(tr("(all)"));
    m_tags->setPlaceholderText(tr("http.status_code=500 error=true"));
    m_tags->setToolTip(tr("Tags in logfmt: key=value, values with spaces in double quotes"));
    const QList<QPair<QString, int>> lookbacks
        = {{tr("Last 5 minutes"), 5},   {tr("Last 15 minutes"), 15}, {tr("Last hour"), 60},
           {tr("Last 2 hours"), 120},   {tr("Last 6 hours"), 360},   {tr("Last 12 hours"), 720},
           {tr("Last 24 hours"), 1440}, {tr("Last 2 days"), 2880},   {tr("Last 7 days"), 10080},
           {tr("Custom range"), -1}};
    for (const auto &[label, minutes] : lookbacks)
        m_lookback->addItem(label, minutes);
    m_lookback->setCurrentIndex(2);
    for (QDateTimeEdit *edit : {m_start, m_end}) {
        edit->setDisplayFormat(u"yyyy-MM-dd HH:mm:ss"_s);
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
    }
    m_end->setDateTime(QDateTime::currentDateTime());
    m_start->setDateTime(m_end->dateTime().addSecs(-3600));
    m_minDuration->setPlaceholderText(tr("e.g. 1.2s, 100ms"));
    m_maxDuration->setPlaceholderText(tr("e.g. 1.1s"));
    m_limit->setRange(1, 1500);
    m_limit->setValue(20);
    m_findButton->setObjectName(u"findTracesButton"_s);
    m_findButton->setDefault(true);
    m_traceId->setPlaceholderText(tr("Trace ID"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    auto *refresh = new QPushButton(tr("↻"), this);
    refresh->setToolTip(tr("Reload the services"));
    refresh->setMaximumWidth(32);
    auto *serviceRow = new QHBoxLayout;
    serviceRow->addWidget(m_service, 1);
    serviceRow->addWidget(refresh);
    auto *form = new QFormLayout;
    form->addRow(tr("Service"), serviceRow);
    form->addRow(tr("Operation"), m_operation);
    form->addRow(tr("Tags"), m_tags);
    form->addRow(tr("Lookback"), m_lookback);
    form->addRow(tr("From"), m_start);
    form->addRow(tr("To"), m_end);
    form->addRow(tr("Min duration"), m_minDuration);
    form->addRow(tr("Max duration"), m_maxDuration);
    form->addRow(tr("Limit"), m_limit);
    auto *left = new QVBoxLayout;
    left->addLayout(form);
    left->addWidget(m_findButton);
    left->addSpacing(16);
    auto *idRow = new QHBoxLayout;
    idRow->addWidget(m_traceId, 1);
    auto *openId = new QPushButton(tr("Open"), this);
    idRow->addWidget(openId);
    left->addWidget(new QLabel(tr("Open a trace by ID"), this));
    left->addLayout(idRow);
    left->addStretch(1);
    auto *leftWidget = new QWidget(this);
    leftWidget->setLayout(left);
    leftWidget->setMaximumWidth(360);

    // Chart of duration over time.
    auto *chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_points->setName(tr("Traces"));
    m_points->setMarkerSize(9);
    m_points->setColor(Palette::color(Palette::Tone::Info));
    m_errorPoints->setName(tr("With errors"));
    m_errorPoints->setMarkerSize(9);
    m_errorPoints->setColor(Palette::color(Palette::Tone::Bad));
    chart->addSeries(m_points);
    chart->addSeries(m_errorPoints);
    auto *x = new QDateTimeAxis;
    x->setFormat(u"HH:mm:ss"_s);
    x->setTitleText(tr("Start"));
    auto *y = new QValueAxis;
    y->setTitleText(tr("Duration (ms)"));
    y->setLabelFormat(u"%.0f"_s);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QScatterSeries *s : {m_points, m_errorPoints}) {
        s->attachAxis(x);
        s->attachAxis(y);
        connect(s, &QScatterSeries::clicked, this, &TraceSearchPage::openPoint);
    }
    // setChart() releases the view's default chart without deleting it: delete it here.
    QChart *defaultChart = m_chartView->chart();
    m_chartView->setChart(chart);
    delete defaultChart;
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(160);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(TraceResultsModel::SortRole);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TraceResultsModel::StartColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(TraceResultsModel::NameColumn,
                                                      QHeaderView::Stretch);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(TraceResultsModel::StartColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(TraceResultsModel::TraceIdColumn,
                                                      QHeaderView::ResizeToContents);

    auto *results = new QSplitter(Qt::Vertical, this);
    results->addWidget(m_chartView);
    results->addWidget(m_table);
    results->setStretchFactor(0, 1);
    results->setStretchFactor(1, 2);
    m_compare->setObjectName(u"compareTracesButton"_s);
    m_compare->setToolTip(tr("Compare the two selected traces on latency (Ctrl+click selects a "
                             "second one); the earlier one is the baseline A"));
    m_compare->setEnabled(false);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_compare);
    auto *right = new QVBoxLayout;
    right->addLayout(statusRow);
    right->addWidget(results, 1);

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(leftWidget);
    layout->addLayout(right, 1);

    connect(m_service, &QComboBox::currentTextChanged, this, [this](const QString &service) {
        m_operation->clear();
        m_operation->addItem(tr("(all)"));
        if (!service.isEmpty())
            Q_EMIT serviceChanged(service);
    });
    connect(m_lookback, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = m_lookback->currentData().toInt() < 0;
        m_start->setEnabled(custom);
        m_end->setEnabled(custom);
    });
    connect(m_findButton, &QPushButton::clicked, this, &TraceSearchPage::submit);
    connect(m_tags, &QLineEdit::returnPressed, this, &TraceSearchPage::submit);
    connect(refresh, &QPushButton::clicked, this, &TraceSearchPage::refreshServicesRequested);
    auto openById = [this] {
        const QString id = m_traceId->text().trimmed();
        if (!id.isEmpty())
            Q_EMIT openTraceIdRequested(id);
    };
    connect(openId, &QPushButton::clicked, this, openById);
    connect(m_traceId, &QLineEdit::returnPressed, this, openById);
    auto open = [this](const QModelIndex &index) {
        const QModelIndex source = m_proxy->mapToSource(index);
        if (source.isValid())
            Q_EMIT openRequested(m_model->results().at(source.row()));
    };
    connect(m_table, &QTableView::activated, this, open);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_compare->setEnabled(selectedResults().size() == 2); });
    connect(m_compare, &QPushButton::clicked, this, &TraceSearchPage::compareSelected);
    connect(m_table, &QTableView::doubleClicked, this, open);
    setStatus(tr("Choose a service and find traces."), false);
}

void TraceSearchPage::setServices(const QStringList &services)
{
    QStringList shown;
    for (int i = 0; i < m_service->count(); ++i)
        shown << m_service->itemText(i);
    if (shown == services)
        return; // the periodic refresh must not reset the operation the user chose
    const QString current = m_service->currentText();
    QSignalBlocker blocker(m_service);
    m_service->clear();
    m_service->addItems(services);
    if (const int keep = m_service->findText(current); keep >= 0) {
        m_service->setCurrentIndex(keep);
        return;
    }
    blocker.unblock();
    if (!services.isEmpty()) {
        m_service->setCurrentIndex(0);
        Q_EMIT serviceChanged(m_service->currentText());
    }
}

void TraceSearchPage::setOperations(const QString &service, const QStringList &operations)
{
    if (service != m_service->currentText())
        return;
    const QString current = m_operation->currentText();
    m_operation->clear();
    m_operation->addItem(tr("(all)"));
    m_operation->addItems(operations);
    m_operation->setCurrentIndex(std::max(0, m_operation->findText(current)));
}

void TraceSearchPage::setResults(const QList<TraceSummary> &results)
{
    m_model->setResults(results);
    updateChart();
    setStatus(results.isEmpty() ? tr("No traces found.")
                                : tr("%n trace(s)", nullptr, int(results.size())),
              false);
}

void TraceSearchPage::setStatus(const QString &text, bool problem)
{
    QString shown = text;
    if (problem && m_model->rowCount() > 0)
        shown += tr(" — the results below are from the last search that worked.");
    m_status->setText(shown);
    m_status->setStyleSheet(problem ? Palette::textStyle(Palette::Tone::Bad) : QString());
    m_showsServicesProblem = false;
}

void TraceSearchPage::setServicesProblem(const QString &problem)
{
    if (!problem.isEmpty()) {
        setStatus(problem, true);
        m_showsServicesProblem = true;
    } else if (m_showsServicesProblem) {
        setStatus({}, false);
    }
}

void TraceSearchPage::prepare(const QString &service, const QDateTime &start, const QDateTime &end)
{
    if (!service.isEmpty()) {
        if (m_service->findText(service) < 0)
            m_service->addItem(service);
        m_service->setCurrentText(service);
    }
    if (start.isValid() && end.isValid()) {
        m_lookback->setCurrentIndex(m_lookback->count() - 1);
        m_start->setDateTime(start.toLocalTime());
        m_end->setDateTime(end.toLocalTime());
    }
}

QList<QPair<QString, QString>> TraceSearchPage::parseTags(const QString &text, QString *error)
{
    QList<QPair<QString, QString>> tags;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && text.at(i).isSpace())
            ++i;
        if (i >= n)
            break;
        const qsizetype keyStart = i;
        while (i < n && text.at(i) != u'=' && !text.at(i).isSpace())
            ++i;
        const QString key = text.mid(keyStart, i - keyStart);
        if (i >= n || text.at(i) != u'=' || key.isEmpty()) {
            if (error)
                *error = tr("tag \"%1\" needs a value: key=value").arg(key);
            return {};
        }
        ++i;
        QString value;
        if (i < n && text.at(i) == u'"') {
            ++i;
            while (i < n && text.at(i) != u'"') {
                if (text.at(i) == u'\\' && i + 1 < n)
                    ++i;
                value += text.at(i++);
            }
            if (i >= n) {
                if (error)
                    *error = tr("the value of tag \"%1\" misses its closing quote").arg(key);
                return {};
            }
            ++i;
        } else {
            while (i < n && !text.at(i).isSpace())
                value += text.at(i++);
        }
        tags.append({key, value});
    }
    return tags;
}

TraceQuery TraceSearchPage::query(QString *error) const
{
    TraceQuery q;
    QString problem;
    q.service = m_service->currentText();
    if (q.service.isEmpty())
        problem = tr("Choose a service.");
    if (m_operation->currentIndex() > 0)
        q.operation = m_operation->currentText();
    q.tags = parseTags(m_tags->text(), &problem);
    const int minutes = m_lookback->currentData().toInt();
    if (minutes < 0) {
        q.start = m_start->dateTime();
        q.end = m_end->dateTime();
        if (q.start >= q.end)
            problem = tr("The range must start before it ends.");
    } else {
        q.end = QDateTime::currentDateTime();
        q.start = q.end.addSecs(-60ll * minutes);
    }
    q.minDuration = m_minDuration->text().trimmed();
    q.maxDuration = m_maxDuration->text().trimmed();
    for (const QString &d : {q.minDuration, q.maxDuration}) {
        if (!d.isEmpty() && !parseDurationSeconds(d, DurationSyntax::Go))
            problem = tr("\"%1\" is not a duration such as 1.2s, 300ms or 1h30m.").arg(d);
    }
    q.limit = m_limit->value();
    if (error)
        *error = problem;
    return q;
}

void TraceSearchPage::submit()
{
    QString error;
    const TraceQuery q = query(&error);
    if (!error.isEmpty()) {
        setStatus(error, true);
        return;
    }
    setStatus(tr("Searching…"), false);
    Q_EMIT searchRequested(q);
}

QList<TraceSummary> TraceSearchPage::selectedResults() const
{
    QList<TraceSummary> selected;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows) {
        const QModelIndex source = m_proxy->mapToSource(row);
        if (source.isValid() && source.row() < m_model->results().size())
            selected.append(m_model->results().at(source.row()));
    }
    std::stable_sort(
        selected.begin(), selected.end(),
        [](const TraceSummary &l, const TraceSummary &r) { return l.startUs < r.startUs; });
    return selected;
}

void TraceSearchPage::compareSelected()
{
    const QList<TraceSummary> selected = selectedResults();
    if (selected.size() == 2)
        Q_EMIT compareRequested(TraceSource::of(selected.at(0)), TraceSource::of(selected.at(1)));
}

void TraceSearchPage::updateChart()
{
    QList<QPointF> ok, errors;
    double minX = 0, maxX = 0, maxY = 1;
    bool first = true;
    for (const TraceSummary &s : m_model->results()) {
        const QPointF p(double(s.startUs / 1000), double(s.durationUs) / 1000.0);
        (s.errorCount > 0 ? errors : ok).append(p);
        minX = first ? p.x() : std::min(minX, p.x());
        maxX = first ? p.x() : std::max(maxX, p.x());
        maxY = std::max(maxY, p.y());
        first = false;
    }
    m_points->replace(ok);
    m_errorPoints->replace(errors);
    const auto axesX = m_chartView->chart()->axes(Qt::Horizontal);
    const auto axesY = m_chartView->chart()->axes(Qt::Vertical);
    if (!first && !axesX.isEmpty() && !axesY.isEmpty()) {
        const double pad = std::max(1000.0, (maxX - minX) * 0.05);
        axesX.first()->setRange(QDateTime::fromMSecsSinceEpoch(qint64(minX - pad)),
                                QDateTime::fromMSecsSinceEpoch(qint64(maxX + pad)));
        axesY.first()->setRange(0, maxY * 1.1);
    }
}

void TraceSearchPage::openPoint(const QPointF &point)
{
    int best = -1;
    double bestDistance = 0;
    const auto &results = m_model->results();
    for (int i = 0; i < results.size(); ++i) {
        const QPointF p(double(results.at(i).startUs / 1000),
                        double(results.at(i).durationUs) / 1000.0);
        const double d = std::abs(p.x() - point.x()) + std::abs(p.y() - point.y());
        if (best < 0 || d < bestDistance) {
            best = i;
            bestDistance = d;
        }
    }
    if (best >= 0)
        Q_EMIT openRequested(results.at(best));
}

} // namespace Stackscope
