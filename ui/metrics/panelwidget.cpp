// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/metrics/panelwidget.h"

#include "models/common/format.h"
#include "models/common/palette.h"
#include "models/logs/logmodel.h"
#include "models/metrics/legendmodel.h"
#include "models/metrics/paneltime.h"
#include "models/metrics/seriestablemodel.h"
#include "ui/logs/loglinesview.h"
#include "ui/metrics/bargaugeview.h"
#include "ui/metrics/heatmapview.h"
#include "ui/metrics/histogramview.h"
#include "ui/metrics/piechartview.h"
#include "ui/metrics/statetimelineview.h"
#include "ui/metrics/textpanelview.h"
#include "ui/metrics/timeserieschart.h"
#include "ui/plaintooltips.h"

#include <QContextMenuEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Stackscope {

ValueView::ValueView(Style style, const Panel &panel, QWidget *parent)
    : QWidget(parent)
    , m_style(style)
    , m_panel(panel)
{
    setMinimumSize(80, 50);
}

void ValueView::setData(const PanelData &data)
{
    m_data = data;
    update();
}

QColor ValueView::colorFor(double value, int series) const
{
    // The series' field: a mapping's colour, a fixed colour, the palette's or the thresholds'.
    const FieldDisplay field = fieldFor(m_panel, m_data, series);
    const QColor fallback = field.colorMode == FieldColorMode::Palette
                                ? Palette::series(quint32(std::max(series, 0)))
                            : m_style == Style::Gauge ? Palette::series(0)
                                                      : palette().color(QPalette::Highlight);
    return field.color(value, fallback);
}

QString ValueView::valueText(int series) const
{
    const FieldDisplay field = fieldFor(m_panel, m_data, series);
    const Series &s = m_data.series.at(series);
    if (s.size() == 0)
        return field.noValue.isEmpty() ? u"–"_s : field.noValue;
    return field.text(s.values.constLast());
}

QString ValueView::noValueText() const
{
    const QString text = m_panel.fields.defaults.noValue.value_or(QString());
    return text.isEmpty() ? tr("No data") : text;
}

QStringList ValueView::texts() const
{
    QStringList out;
    for (int i = 0; i < m_data.series.size(); ++i)
        out << valueText(i);
    return out;
}

QColor ValueView::textColor(double value, int series) const
{
    if (m_style == Style::Gauge)
        return palette().color(QPalette::Text);
    switch (m_panel.style.stat.colorMode) {
    case StatStyle::ColorMode::None:
        return palette().color(QPalette::Text);
    case StatStyle::ColorMode::Background: {
        const QColor background = colorFor(value, series);
        return Palette::textOn(background);
    }
    case StatStyle::ColorMode::Value:
        break;
    }
    return colorFor(value, series);
}

QColor ValueView::backgroundColor(double value, int series) const
{
    if (m_style == Style::Stat && m_panel.style.stat.colorMode == StatStyle::ColorMode::Background)
        return colorFor(value, series);
    return {};
}

QString ValueView::shownName(int series) const
{
    if (series < 0 || series >= m_data.series.size())
        return {};
    const QString name = m_data.names.value(series);
    if (m_style == Style::Gauge)
        return m_data.series.size() > 1 ? name : QString();
    switch (m_panel.style.stat.textMode) {
    case StatStyle::TextMode::Auto:
        // Grafana names a value only when there are several.
        return m_data.series.size() > 1 ? name : QString();
    case StatStyle::TextMode::ValueAndName:
        return name;
    case StatStyle::TextMode::Value:
    case StatStyle::TextMode::Name: // the name is then the big text
    case StatStyle::TextMode::None:
        break;
    }
    return {};
}

bool ValueView::drawsSparkline() const
{
    return m_style == Style::Stat && m_panel.style.stat.sparkline;
}

void ValueView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const qsizetype count = m_data.series.size();
    if (count == 0) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, noValueText());
        return;
    }
    // Several series share the area side by side (at most 8, the rest are counted).
    const int shown = int(std::min<qsizetype>(count, 8));
    const double cellWidth = double(width()) / shown;
    for (int i = 0; i < shown; ++i) {
        const Series &s = m_data.series.at(i);
        const QRectF cell(i * cellWidth, 0, cellWidth, height());
        const double value = s.size() ? s.values.constLast() : std::nan("");
        const QColor color = colorFor(value, i);
        const StatStyle::TextMode textMode = m_panel.style.stat.textMode;
        QString text = valueText(i);
        if (m_style == Style::Stat && textMode == StatStyle::TextMode::Name)
            text = m_data.names.value(i);
        else if (m_style == Style::Stat && textMode == StatStyle::TextMode::None)
            text.clear();
        const QString name = shownName(i);
        QRectF textArea = cell.adjusted(4, 4, -4, -4);
        if (const QColor background = backgroundColor(value, i); background.isValid())
            p.fillRect(cell.adjusted(1, 1, -1, -1), background);
        if (m_style == Style::Stat && drawsSparkline()) {
            // Sparkline over the window, under the number.
            double lo = std::numeric_limits<double>::infinity();
            double hi = -lo;
            for (double v : s.values) {
                if (std::isfinite(v)) {
                    lo = std::min(lo, v);
                    hi = std::max(hi, v);
                }
            }
            if (s.size() > 1 && std::isfinite(lo)) {
                if (hi <= lo)
                    hi = lo + 1;
                const qint64 t0 = s.times.constFirst();
                const double span = double(std::max<qint64>(1, s.times.constLast() - t0));
                QPainterPath path;
                const QRectF spark = cell.adjusted(2, cell.height() * 0.55, -2, -2);
                bool started = false;
                for (qsizetype k = 0; k < s.size(); ++k) {
                    const double v = s.values.at(k);
                    if (!std::isfinite(v)) {
                        started = false;
                        continue;
                    }
                    const QPointF pt(spark.left()
                                         + spark.width() * double(s.times.at(k) - t0) / span,
                                     spark.bottom() - spark.height() * (v - lo) / (hi - lo));
                    if (started)
                        path.lineTo(pt);
                    else
                        path.moveTo(pt);
                    started = true;
                }
                // As Grafana: the threshold colour whatever the colour mode, lighter on a
                // coloured background.
                const bool onBackground = backgroundColor(value, i).isValid();
                p.setPen(QPen(onBackground ? color.lighter(150) : color, 1.5));
                p.drawPath(path);
            }
        } else if (m_style == Style::Gauge) {
            // Gauge: a 240° arc from min to max, filled to the value.
            const FieldDisplay field = fieldFor(m_panel, m_data, i);
            const double min = field.min.value_or(0);
            const double max = field.max.value_or(100);
            const double side = std::min(cell.width(), cell.height() * 1.2) - 16;
            const QRectF arc(cell.center().x() - side / 2, cell.top() + 8, side, side);
            const double fraction
                = std::isfinite(value)
                      ? std::clamp((value - min) / std::max(max - min, 1e-12), 0.0, 1.0)
                      : 0.0;
            const double thickness = std::max(6.0, side / 10);
            const QRectF ring
                = arc.adjusted(thickness / 2, thickness / 2, -thickness / 2, -thickness / 2);
            p.setPen(QPen(palette().color(QPalette::Mid), thickness, Qt::SolidLine, Qt::FlatCap));
            p.drawArc(ring, 210 * 16, -240 * 16);
            p.setPen(QPen(color, thickness, Qt::SolidLine, Qt::FlatCap));
            p.drawArc(ring, 210 * 16, int(-240 * 16 * fraction));
            textArea = ring.adjusted(thickness, thickness, -thickness, -thickness);
        }
        QFont big = font();
        big.setBold(true);
        big.setPixelSize(
            int(std::clamp(std::min(textArea.height() / 3, textArea.width() / 5), 10.0, 48.0)));
        p.setFont(big);
        p.setPen(textColor(value, i));
        p.drawText(textArea, Qt::AlignCenter, text);
        if (!name.isEmpty()) {
            QFont small = font();
            small.setPointSizeF(small.pointSizeF() * 0.85);
            p.setFont(small);
            p.setPen(backgroundColor(value, i).isValid() ? textColor(value, i)
                                                         : palette().color(QPalette::Text));
            p.drawText(cell.adjusted(2, 2, -2, -2), Qt::AlignTop | Qt::AlignHCenter,
                       p.fontMetrics().elidedText(name, Qt::ElideRight, int(cell.width()) - 4));
        }
    }
}

PanelWidget::PanelWidget(const Stackscope::Panel &panel, QWidget *parent)
    : QFrame(parent)
    , m_panel(panel)
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(2);
    auto *header = new QHBoxLayout;
    m_title->setTextFormat(Qt::PlainText);
    m_title->setText(panel.title.isEmpty() ? tr("(untitled)") : panel.title);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(false);
    QPalette warn = m_status->palette();
    warn.setColor(QPalette::WindowText, Palette::color(Palette::Tone::Bad));
    m_status->setPalette(warn);
    using Type = Stackscope::Panel::Type;
    if (panel.type == Type::Row) {
        setFrameShape(QFrame::NoFrame);
        m_rowButton = new QToolButton(this);
        m_rowButton->setAutoRaise(true);
        m_rowButton->setArrowType(panel.collapsed ? Qt::RightArrow : Qt::DownArrow);
        m_rowButton->setCheckable(true);
        m_rowButton->setChecked(panel.collapsed);
        connect(m_rowButton, &QToolButton::toggled, this, [this](bool collapsed) {
            m_rowButton->setArrowType(collapsed ? Qt::RightArrow : Qt::DownArrow);
            Q_EMIT toggled(collapsed);
        });
        header->addWidget(m_rowButton);
        header->addWidget(m_title, 1);
        layout->addLayout(header);
        return;
    }
    setFrameShape(QFrame::StyledPanel);
    header->addWidget(m_title);
    if (const QString info = PanelTime::info(panel); !info.isEmpty()) {
        // As Grafana: the panel's own time beside its title.
        m_timeInfo = new QLabel(info, this);
        m_timeInfo->setObjectName(u"panelTimeInfo"_s);
        m_timeInfo->setTextFormat(Qt::PlainText);
        QPalette dim = m_timeInfo->palette();
        dim.setColor(QPalette::WindowText, Palette::color(Palette::Tone::Info));
        m_timeInfo->setPalette(dim);
        header->addWidget(m_timeInfo);
    }
    header->addStretch(1);
    header->addWidget(m_status);
    if (!panel.links.isEmpty()) {
        m_links = new QToolButton(this);
        m_links->setObjectName(u"panelLinks"_s);
        m_links->setAutoRaise(true);
        m_links->setPopupMode(QToolButton::InstantPopup);
        m_links->setText(tr("Links"));
        m_links->setIcon(QIcon::fromTheme(u"emblem-symbolic-link"_s));
        m_links->setToolButtonStyle(Qt::ToolButtonTextOnly);
        auto *menu = new QMenu(m_links);
        for (const DashboardLink &link : panel.links) {
            QAction *action = menu->addAction(link.title.isEmpty() ? link.url : link.title);
            action->setToolTip(plainToolTip(link.url));
            connect(action, &QAction::triggered, this,
                    [this, link] { Q_EMIT linkRequested(link); });
        }
        m_links->setMenu(menu);
        header->addWidget(m_links);
    }
    layout->addLayout(header);
    if (!panel.foreignDatasource.isEmpty()) // never queried: it says why it stays empty
        m_status->setText(tr("%1 datasource: not queried").arg(panel.foreignDatasource));
    switch (panel.type) {
    case Type::TimeSeries: {
        m_chart = new TimeSeriesChart(this);
        m_chart->setUnit(panel.unit);
        m_chart->setBounds(panel.min, panel.max);
        m_chart->setGraphStyle(panel.style.graph);
        m_chart->setAxisRules(panel.axisRules);
        m_chart->setThresholds(panel.thresholds);
        m_chart->setLegendShown(panel.style.legend.mode == LegendStyle::Mode::List);
        connect(m_chart, &TimeSeriesChart::zoomRequested, this, &PanelWidget::zoomRequested);
        connect(m_chart, &TimeSeriesChart::resetZoomRequested, this,
                &PanelWidget::resetZoomRequested);
        connect(m_chart, &TimeSeriesChart::traceRequested, this, &PanelWidget::traceRequested);
        if (panel.style.legend.mode != LegendStyle::Mode::Table) {
            layout->addWidget(m_chart, 1);
            break;
        }
        buildLegendTable(layout);
        break;
    }
    case Type::Stat:
    case Type::Gauge:
        m_value = new ValueView(panel.type == Type::Stat ? ValueView::Style::Stat
                                                         : ValueView::Style::Gauge,
                                panel, this);
        layout->addWidget(m_value, 1);
        break;
    case Type::BarGauge:
        m_barGauge = new BarGaugeView(panel, this);
        layout->addWidget(m_barGauge, 1);
        break;
    case Type::PieChart:
        m_pie = new PieChartView(panel, this);
        layout->addWidget(m_pie, 1);
        break;
    case Type::StateTimeline:
    case Type::StatusHistory:
        m_states = new StateTimelineView(panel, this);
        layout->addWidget(m_states, 1);
        break;
    case Type::Heatmap:
        m_heatmap = new HeatmapView(panel, this);
        layout->addWidget(m_heatmap, 1);
        break;
    case Type::Histogram:
        m_histogram = new HistogramView(panel, this);
        layout->addWidget(m_histogram, 1);
        break;
    case Type::Table: {
        m_table = new SeriesTableModel(this);
        auto *view = new QTableView(this);
        view->setModel(m_table);
        showItemToolTipsAsPlainText(view); // series labels come from the scraped targets
        view->verticalHeader()->hide();
        view->horizontalHeader()->setStretchLastSection(true);
        view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        layout->addWidget(view, 1);
        break;
    }
    case Type::Logs:
        // The Logs page's lines view: levels, stream tags in colour, selection and copy.
        m_logModel = new LogModel(this);
        m_logModel->setCap(kMaxLogLinesShown);
        m_logLines = new LogLinesView(this);
        m_logLines->setObjectName(u"panelLogLines"_s);
        m_logLines->setModel(m_logModel);
        layout->addWidget(m_logLines, 1);
        break;
    case Type::Text:
        m_text = new TextPanelView(this);
        m_text->setContent(panel.content, panel.contentMode);
        connect(m_text, &TextPanelView::openUrlRequested, this, &PanelWidget::openUrlRequested);
        layout->addWidget(m_text, 1);
        break;
    default: {
        auto *note = new QLabel(this);
        note->setTextFormat(Qt::PlainText);
        note->setAlignment(Qt::AlignCenter);
        note->setWordWrap(true);
        note->setText(tr("Panel type \"%1\" cannot be drawn here yet.").arg(panel.sourceType));
        layout->addWidget(note, 1);
        m_status->setText(tr("not drawn"));
        break;
    }
    }
}

void PanelWidget::setTitle(const QString &title)
{
    m_title->setText(title.isEmpty() ? tr("(untitled)") : title);
}

QString PanelWidget::title() const
{
    return m_title->text();
}

void PanelWidget::buildLegendTable(QVBoxLayout *layout)
{
    const LegendStyle &style = m_panel.style.legend;
    m_legend = new LegendModel(this);
    m_legend->setCalcs(style.calcs);
    m_legend->setUnit(m_panel.unit);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_legend);
    proxy->setSortRole(LegendModel::SortRole);
    m_legendView = new QTableView(this);
    m_legendView->setObjectName(u"legendTable"_s);
    m_legendView->setModel(proxy);
    showItemToolTipsAsPlainText(m_legendView); // series names come from the scraped labels
    m_legendView->verticalHeader()->hide();
    m_legendView->verticalHeader()->setDefaultSectionSize(m_legendView->fontMetrics().height() + 4);
    m_legendView->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_legendView->horizontalHeader()->setHighlightSections(false);
    m_legendView->setSelectionMode(QAbstractItemView::NoSelection);
    m_legendView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_legendView->setShowGrid(false);
    // No column sorted unless the panel says so: the rows keep the panel's order.
    m_legendView->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_legendView->setSortingEnabled(true);
    const int sortColumn = m_legend->columnForTitle(style.sortBy);
    if (sortColumn >= 0)
        m_legendView->sortByColumn(sortColumn,
                                   style.sortDesc ? Qt::DescendingOrder : Qt::AscendingOrder);
    else
        proxy->sort(-1); // the panel's order
    if (style.right) {
        // Beside the chart, as wide as its columns need; the user may move the split.
        for (int column = 1; column < m_legend->columnCount(); ++column)
            m_legendView->horizontalHeader()->setSectionResizeMode(column,
                                                                   QHeaderView::ResizeToContents);
        auto *split = new QSplitter(Qt::Horizontal, this);
        split->setChildrenCollapsible(false);
        split->addWidget(m_chart);
        split->addWidget(m_legendView);
        split->setSizes({1, 1}); // halves, scaled to fit
        layout->addWidget(split, 1);
    } else {
        // Under the chart, as high as its rows (eight at most, then it scrolls).
        layout->addWidget(m_chart, 1);
        layout->addWidget(m_legendView);
        const auto fitRows = [this] {
            const int rows = std::min(m_legend->rowCount(), 8);
            m_legendView->setFixedHeight(
                m_legendView->horizontalHeader()->sizeHint().height()
                + std::max(rows, 1) * m_legendView->verticalHeader()->defaultSectionSize()
                + 2 * m_legendView->frameWidth() + 2);
        };
        connect(m_legend, &QAbstractItemModel::rowsInserted, this, fitRows);
        connect(m_legend, &QAbstractItemModel::rowsRemoved, this, fitRows);
        connect(m_legend, &QAbstractItemModel::modelReset, this, fitRows);
        fitRows();
    }
    connect(m_chart, &TimeSeriesChart::seriesChanged, this, [this] {
        QList<QColor> colors;
        for (int i = 0; i < m_chart->seriesCount(); ++i)
            colors << m_chart->seriesColor(i);
        m_legend->setSeries(m_data.series, m_data.names, colors, m_chart->hiddenNames(),
                            m_data.fields);
    });
    // A click on a row shows or hides its series, as a click on a list legend does.
    connect(m_legendView, &QTableView::clicked, this, [this, proxy](const QModelIndex &index) {
        const QString name = m_legend->at(proxy->mapToSource(index).row()).name;
        for (int i = 0; i < m_chart->seriesCount(); ++i) {
            if (m_chart->seriesName(i) == name)
                m_chart->setSeriesVisible(i, !m_chart->isSeriesVisible(i));
        }
    });
}

int PanelWidget::plotWidth() const
{
    if (m_chart)
        return m_chart->plotWidth();
    return std::max(width() - 12, 50);
}

QString PanelWidget::statusText() const
{
    return m_status->text();
}

QString PanelWidget::timeInfoText() const
{
    return m_timeInfo ? m_timeInfo->text() : QString();
}

QStringList PanelWidget::tracedServices() const
{
    QStringList services;
    for (const Series &s : m_data.series) {
        const QString service = s.labels.value(u"service"_s, s.labels.value(u"job"_s));
        if (!service.isEmpty() && !services.contains(service))
            services.append(service);
    }
    return services;
}

void PanelWidget::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    const QStringList services = tracedServices();
    for (const QString &service : services) {
        menu.addAction(
            QIcon::fromTheme(u"view-list-tree"_s), tr("Traces for %1 around here").arg(service),
            this, [this, service] { Q_EMIT tracesRequested(service, m_data.start, m_data.end); });
    }
    if (services.isEmpty())
        menu.addAction(tr("Traces around here (no series has a 'service' or 'job' label)"))
            ->setEnabled(false);
    menu.exec(event->globalPos());
}

void PanelWidget::setData(const PanelData &data)
{
    if (m_text)
        return; // nothing to query, nothing to say about data
    m_data = data;
    QString status;
    QString tip;
    if (!data.error.isEmpty()) {
        status = data.stale ? tr("stale: %1").arg(data.error) : data.error;
        tip = data.error;
    } else if (data.series.isEmpty() && data.logEntries.isEmpty()) {
        status = tr("no data");
    } else if (!data.warnings.isEmpty()) {
        status = tr("warning");
        tip = data.warnings.join(u'\n');
    } else if (!data.exemplarError.isEmpty()) {
        status = tr("exemplars: %1").arg(data.exemplarError);
        tip = data.exemplarError;
    }
    m_status->setText(
        m_status->fontMetrics().elidedText(status, Qt::ElideRight, std::max(60, width() / 2)));
    m_status->setToolTip(plainToolTip(tip.isEmpty() ? status : tip)); // server text
    if (m_chart)
        m_chart->setData(data);
    if (m_value)
        m_value->setData(data);
    if (m_barGauge)
        m_barGauge->setData(data);
    if (m_pie)
        m_pie->setData(data);
    if (m_states)
        m_states->setData(data);
    if (m_heatmap)
        m_heatmap->setData(data);
    if (m_histogram)
        m_histogram->setData(data);
    if (m_table)
        m_table->setSeries(data.series, data.names, m_panel.unit, data.fields);
    if (m_logLines)
        showLogLines(data);
}

void PanelWidget::showLogLines(const PanelData &data)
{
    // Newest first, as the panel's query answered; the lines are text (escapes stripped,
    // control characters made visible when painted), never markup.
    QList<int> sourceIndex;
    for (const LogSource &source : data.logSources)
        sourceIndex.append(m_logModel->addSource(source));
    QList<LogEntry> entries
        = data.logEntries.mid(0, std::min<qsizetype>(data.logEntries.size(), kMaxLogLinesShown));
    for (LogEntry &entry : entries)
        entry.source = sourceIndex.value(entry.source, -1);
    m_logModel->clear();
    m_logModel->append(std::move(entries));
    m_logLines->scrollToRow(0);
}

} // namespace Stackscope
