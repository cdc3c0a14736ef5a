// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/traces/traceview.h"
#include "models/common/format.h"
#include "models/common/palette.h"

#include "ui/traces/flamegraphview.h"
#include "ui/traces/spandetailsview.h"
#include "ui/traces/spanstatisticsview.h"
#include "ui/traces/tracetimeline.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Stackscope {

TraceView::TraceView(QWidget *parent)
    : QWidget(parent)
    , m_header(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_find(new QLineEdit(this))
    , m_findLabel(new QLabel(this))
    , m_critical(new QCheckBox(tr("Critical path"), this))
    , m_onlyMatches(new QCheckBox(tr("Only matches"), this))
    , m_shortSpans(new QComboBox(this))
    , m_breadcrumb(new QLabel(this))
    , m_leaveFocus(new QToolButton(this))
    , m_criticalLabel(new QLabel(this))
    , m_timeline(new TraceTimeline(this))
    , m_flame(new FlameGraphView(this))
    , m_statistics(new SpanStatisticsView(this))
    , m_views(new QTabWidget(this))
    , m_details(new SpanDetailsView(this))
{
    m_header->setTextFormat(Qt::PlainText);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setWordWrap(true);
    QFont big = m_header->font();
    big.setBold(true);
    m_header->setFont(big);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setWordWrap(true);
    m_notice->hide();

    m_find->setPlaceholderText(tr("Find: operation, service, tag key or key=value, span ID"));
    m_find->setClearButtonEnabled(true);
    m_find->setAccessibleName(tr("Find in trace"));
    auto *previous = new QToolButton(this);
    previous->setText(tr("▲"));
    previous->setToolTip(tr("Previous match (Shift+F3)"));
    auto *next = new QToolButton(this);
    next->setText(tr("▼"));
    next->setToolTip(tr("Next match (F3, Enter)"));
    auto button = [this](const QString &text, const QString &tip, auto slot) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        connect(b, &QToolButton::clicked, m_timeline, slot);
        return b;
    };
    m_critical->setChecked(true);
    m_critical->setToolTip(tr("Draw the critical path through the bars (C)"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_find, 2);
    bar->addWidget(previous);
    bar->addWidget(next);
    bar->addWidget(m_findLabel);
    bar->addSpacing(12);
    bar->addWidget(button(tr("Collapse all"), tr("Ctrl+Left"), &TraceTimeline::collapseAll));
    bar->addWidget(button(tr("− level"), tr("Collapse one level (Shift+Left)"),
                          &TraceTimeline::collapseOneLevel));
    bar->addWidget(button(tr("+ level"), tr("Expand one level (Shift+Right)"),
                          &TraceTimeline::expandOneLevel));
    bar->addWidget(button(tr("Expand all"), tr("Ctrl+Right"), &TraceTimeline::expandAll));
    auto *reset = new QToolButton(this);
    reset->setText(tr("Reset zoom"));
    reset->setToolTip(tr("Whole trace (0). Zoom: Ctrl+wheel, W/S, drag on the ruler or the "
                         "minimap; pan: Shift+wheel, A/D"));
    connect(reset, &QToolButton::clicked, m_timeline, [this] { m_timeline->setViewRange(0, 1); });
    bar->addWidget(reset);
    bar->addWidget(m_critical);

    // The second row: filters for huge traces and the critical path's navigation.
    m_onlyMatches->setToolTip(
        tr("Hide spans that do not match the find; their ancestors stay, dimmed, as context"));
    m_shortSpans->setEditable(true);
    m_shortSpans->setInsertPolicy(QComboBox::NoInsert);
    m_shortSpans->addItem(tr("all spans"), 0.0);
    m_shortSpans->addItem(tr("< 0.1 %"), 0.001);
    m_shortSpans->addItem(tr("< 1 %"), 0.01);
    m_shortSpans->addItem(tr("< 5 %"), 0.05);
    m_shortSpans->setToolTip(tr("Hide spans (with their children) shorter than this share of "
                                "the trace; type a share such as 0.5 %"));
    m_shortSpans->setAccessibleName(tr("Hide spans shorter than"));
    m_shortSpans->setMinimumContentsLength(8);
    m_breadcrumb->setTextFormat(Qt::PlainText);
    m_leaveFocus->setText(tr("Leave focus"));
    m_leaveFocus->setToolTip(tr("Show the whole trace again (Esc)"));
    auto *previousCritical = button(tr("◀ Critical"), tr("Previous critical-path segment ([)"),
                                    &TraceTimeline::previousCriticalSegment);
    auto *nextCritical = button(tr("Critical ▶"), tr("Next critical-path segment (])"),
                                &TraceTimeline::nextCriticalSegment);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_onlyMatches);
    filters->addSpacing(12);
    filters->addWidget(new QLabel(tr("Hide shorter than"), this));
    filters->addWidget(m_shortSpans);
    filters->addSpacing(12);
    filters->addWidget(m_breadcrumb, 1);
    filters->addWidget(m_leaveFocus);
    filters->addSpacing(12);
    filters->addWidget(previousCritical);
    filters->addWidget(nextCritical);
    filters->addWidget(m_criticalLabel);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_views->setDocumentMode(true);
    m_views->addTab(m_timeline, tr("Timeline"));
    m_views->addTab(m_flame, tr("Flame graph"));
    m_views->addTab(m_statistics, tr("Statistics"));
    splitter->addWidget(m_views);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({460, 260});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_notice);
    layout->addLayout(bar);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    connect(m_find, &QLineEdit::textChanged, m_timeline, &TraceTimeline::find);
    connect(m_find, &QLineEdit::returnPressed, m_timeline, &TraceTimeline::findNext);
    connect(next, &QToolButton::clicked, m_timeline, &TraceTimeline::findNext);
    connect(previous, &QToolButton::clicked, m_timeline, &TraceTimeline::findPrevious);
    connect(m_timeline, &TraceTimeline::findChanged, this, &TraceView::updateFindLabel);
    connect(m_timeline, &TraceTimeline::findChanged, this, &TraceView::updateFlameHighlights);
    connect(m_timeline, &TraceTimeline::markedChanged, this, &TraceView::updateFlameHighlights);
    connect(m_timeline, &TraceTimeline::markedChanged, m_statistics,
            &SpanStatisticsView::setMarkPosition);
    connect(m_timeline, &TraceTimeline::selectedSpanChanged, m_flame,
            &FlameGraphView::setSelectedSpan);
    connect(m_flame, &FlameGraphView::spanClicked, m_timeline, &TraceTimeline::selectSpan);
    connect(m_statistics, &SpanStatisticsView::spansSelected, m_timeline,
            &TraceTimeline::setMarkedSpans);
    connect(m_statistics, &SpanStatisticsView::nextSpanRequested, m_timeline,
            &TraceTimeline::nextMarked);
    connect(m_statistics, &SpanStatisticsView::previousSpanRequested, m_timeline,
            &TraceTimeline::previousMarked);
    connect(m_critical, &QCheckBox::toggled, m_timeline, &TraceTimeline::setShowCriticalPath);
    connect(m_timeline, &TraceTimeline::selectedSpanChanged, this,
            [this](int span) { m_details->setSpan(m_timeline->traceLayout(), span); });
    connect(m_onlyMatches, &QCheckBox::toggled, m_timeline, &TraceTimeline::setOnlyMatches);
    connect(m_shortSpans, &QComboBox::activated, this, &TraceView::applyShortSpans);
    connect(m_shortSpans->lineEdit(), &QLineEdit::editingFinished, this,
            &TraceView::applyShortSpans);
    connect(m_leaveFocus, &QToolButton::clicked, m_timeline, &TraceTimeline::leaveFocus);
    connect(m_timeline, &TraceTimeline::filterChanged, this, &TraceView::updateFilterBar);
    connect(m_timeline, &TraceTimeline::criticalSegmentChanged, this, [this](int index, int count) {
        m_criticalLabel->setText(tr("segment %1 of %2").arg(index + 1).arg(count));
    });
    connect(m_details, &SpanDetailsView::spanLinkActivated, this, &TraceView::followLink);
    connect(m_details, &SpanDetailsView::backRequested, this, &TraceView::goBack);
    auto *findShortcut = new QShortcut(QKeySequence::Find, this);
    findShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(findShortcut, &QShortcut::activated, this, [this] {
        m_find->setFocus();
        m_find->selectAll();
    });
    auto *nextShortcut = new QShortcut(QKeySequence::FindNext, this);
    nextShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(nextShortcut, &QShortcut::activated, m_timeline, &TraceTimeline::findNext);
    auto *previousShortcut = new QShortcut(QKeySequence::FindPrevious, this);
    previousShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(previousShortcut, &QShortcut::activated, m_timeline, &TraceTimeline::findPrevious);
    setTraceLayout(nullptr, {});
}

TraceLayoutPtr TraceView::traceLayout() const
{
    return m_timeline->traceLayout();
}

void TraceView::setTraceLayout(const TraceLayoutPtr &layout, const QString &source,
                               const QStringList &warnings)
{
    m_timeline->setTraceLayout(layout);
    m_flame->setTraceLayout(layout);
    m_statistics->setTraceLayout(layout);
    m_details->setSpan(layout, -1);
    m_findLabel->clear();
    m_criticalLabel->clear();
    m_history.clear();
    m_details->setBackText({});
    if (!layout) {
        m_header->setText(tr("No trace open"));
        return;
    }
    const Trace &trace = *layout->trace;
    const QString start = QDateTime::fromMSecsSinceEpoch(trace.startUs / 1000)
                              .toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
    m_header->setText(
        tr("%1\nTrace %2 · start %3 · duration %4 · %5 services · depth %6 · %7 "
           "spans%8%9")
            .arg(layout->name(), trace.traceId, start, Format::durationUs(trace.durationUs()))
            .arg(layout->services.size())
            .arg(layout->maxDepth + 1)
            .arg(trace.spans.size())
            .arg(layout->errorCount ? tr(" · %n error(s)", nullptr, layout->errorCount) : QString(),
                 source.isEmpty() ? QString() : tr(" · from %1").arg(source)));
    setNotice(warnings.join(u'\n'), false);
    if (!m_find->text().isEmpty())
        m_timeline->find(m_find->text());
}

void TraceView::setNotice(const QString &text, bool problem)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
    m_notice->setStyleSheet(
        Palette::textStyle(problem ? Palette::Tone::Bad : Palette::Tone::Warning));
}

double TraceView::parseShare(const QString &text)
{
    QString t = text.trimmed();
    t.remove(u'<');
    t.remove(u'%');
    t = t.trimmed();
    t.replace(u',', u'.');
    if (t.isEmpty())
        return 0;
    bool ok = false;
    const double percent = t.toDouble(&ok);
    if (!ok || percent < 0 || percent > 100)
        return -1;
    return percent / 100.0;
}

void TraceView::applyShortSpans()
{
    const int index = m_shortSpans->currentIndex();
    double share = -1;
    if (index >= 0 && m_shortSpans->currentText() == m_shortSpans->itemText(index))
        share = m_shortSpans->itemData(index).toDouble();
    else if (m_shortSpans->currentText() == tr("all spans"))
        share = 0;
    else
        share = parseShare(m_shortSpans->currentText());
    if (share < 0) {
        m_shortSpans->setToolTip(tr("Not a share: type a percentage such as 0.5 %"));
        return;
    }
    m_timeline->setMinDurationShare(share);
}

void TraceView::updateFilterBar()
{
    const int focus = m_timeline->focusedSpan();
    const TraceLayoutPtr layout = m_timeline->traceLayout();
    m_leaveFocus->setVisible(focus >= 0);
    if (focus < 0 || !layout) {
        m_breadcrumb->clear();
        return;
    }
    // The path from the root to the focused span: "root › … › parent › span".
    const Trace &trace = *layout->trace;
    QStringList names;
    for (int s = focus; s >= 0; s = trace.spans[size_t(s)].parent)
        names.prepend(trace.operation(s).left(40));
    if (names.size() > 4)
        names = QStringList{names.first(), u"…"_s} + names.mid(names.size() - 2);
    m_breadcrumb->setText(tr("Focus: %1").arg(names.join(u" › "_s)));
}

void TraceView::followLink(int span)
{
    const int from = m_timeline->selectedSpan();
    if (from >= 0)
        m_history.push_back(from);
    m_timeline->selectSpan(span);
    if (!m_history.empty())
        m_details->setBackText(
            tr("← Back to %1").arg(m_timeline->traceLayout()->trace->operation(m_history.back())));
}

void TraceView::goBack()
{
    if (m_history.empty())
        return;
    const int span = m_history.back();
    m_history.pop_back();
    m_timeline->selectSpan(span);
    const TraceLayoutPtr layout = m_timeline->traceLayout();
    m_details->setBackText(
        m_history.empty() || !layout
            ? QString()
            : tr("← Back to %1").arg(layout->trace->operation(m_history.back())));
}

void TraceView::updateFindLabel(int current, int count)
{
    if (m_find->text().trimmed().isEmpty())
        m_findLabel->clear();
    else if (count == 0)
        m_findLabel->setText(tr("no match"));
    else
        m_findLabel->setText(tr("%1 of %2").arg(current + 1).arg(count));
}

void TraceView::updateFlameHighlights()
{
    const TraceLayoutPtr layout = m_timeline->traceLayout();
    std::vector<quint8> flags;
    if (layout && (m_timeline->matchCount() > 0 || m_timeline->markedCount() > 0)) {
        flags.assign(size_t(layout->spanCount()), 0);
        const int current = m_timeline->rows().currentMatchSpan();
        for (int span = 0; span < layout->spanCount(); ++span) {
            flags[size_t(span)] = (m_timeline->isMatch(span) ? FlameGraphView::Match : 0)
                                  | (span == current ? FlameGraphView::CurrentMatch : 0)
                                  | (m_timeline->isMarked(span) ? FlameGraphView::Marked : 0);
        }
    }
    m_flame->setHighlights(std::move(flags));
    if (m_views->currentWidget() == m_flame)
        m_flame->revealSpan(m_timeline->selectedSpan());
}

} // namespace Stackscope
