// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/traces/tracecompareview.h"
#include "models/common/format.h"
#include "models/common/palette.h"
#include "models/traces/tracecomparisonmodel.h"

#include "ui/plaintooltips.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

using Side = TraceComparison::Side;

/// At most this many nodes are opened on the paths to changes (a huge tree stays quick).
constexpr size_t kMaxOpened = 2000;

} // namespace

TraceCompareView::TraceCompareView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_header(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_openA(new QPushButton(tr("Open in A"), this))
    , m_openB(new QPushButton(tr("Open in B"), this))
    , m_swap(new QPushButton(tr("Swap A and B"), this))
    , m_changesOnly(new QCheckBox(tr("Changes only"), this))
    , m_tree(new QTreeView(this))
    , m_model(new TraceComparisonModel(this))
{
    for (QLabel *label : {m_title, m_header, m_summary}) {
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
    }
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_summary->setFont(bold);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setWordWrap(true);
    m_notice->hide();
    m_openA->setObjectName(u"compareOpenA"_s);
    m_openB->setObjectName(u"compareOpenB"_s);
    m_openA->setToolTip(tr("Show the selected node's span in trace A"));
    m_openB->setToolTip(tr("Show the selected node's span in trace B (Enter, double-click)"));
    m_swap->setToolTip(tr("Compare the other way round: B as the baseline"));
    m_changesOnly->setToolTip(tr("Hide the calls that took the same time in both traces, unless "
                                 "something below them changed"));

    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(TraceComparisonModel::DeltaColumn, Qt::DescendingOrder);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setAccessibleName(tr("Comparison of two traces"));
    QHeaderView *columns = m_tree->header();
    columns->setStretchLastSection(false);
    columns->setSectionResizeMode(TraceComparisonModel::NodeColumn, QHeaderView::Stretch);
    for (int c = TraceComparisonModel::CountAColumn; c < TraceComparisonModel::ColumnCount; ++c) {
        columns->setSectionResizeMode(c, QHeaderView::Interactive);
        columns->resizeSection(c, c <= TraceComparisonModel::CountBColumn ? 70 : 96);
    }
    showItemToolTipsAsPlainText(m_tree);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_openA);
    bar->addWidget(m_openB);
    bar->addSpacing(12);
    bar->addWidget(m_swap);
    bar->addSpacing(12);
    bar->addWidget(m_changesOnly);
    bar->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_header);
    layout->addWidget(m_summary);
    layout->addWidget(m_notice);
    layout->addLayout(bar);
    layout->addWidget(m_tree, 1);

    connect(m_openA, &QPushButton::clicked, this, [this] { openCurrent(Side::A); });
    connect(m_openB, &QPushButton::clicked, this, [this] { openCurrent(Side::B); });
    connect(m_swap, &QPushButton::clicked, this, [this] {
        if (const TraceComparisonPtr c = comparison(); c && c->a && c->b) {
            TraceSource a = TraceSource::of(c->b), b = TraceSource::of(c->a);
            Q_EMIT compareRequested(a, b);
        }
    });
    connect(m_tree, &QTreeView::activated, this, [this] {
        const qint32 node = currentNode();
        const TraceComparisonPtr c = comparison();
        if (node >= 0 && c)
            openCurrent(c->nodes[size_t(node)].onlyInA() ? Side::A : Side::B);
    });
    connect(m_changesOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_model->setChangesOnly(on);
        openPathsToChanges();
    });
    connect(m_tree, &QTreeView::customContextMenuRequested, this,
            &TraceCompareView::showContextMenu);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &TraceCompareView::updateButtons);
    setComparison(nullptr, {}, {});
}

TraceComparisonPtr TraceCompareView::comparison() const
{
    return m_model->comparison();
}

void TraceCompareView::setComparison(const TraceComparisonPtr &comparison, const QString &labelA,
                                     const QString &labelB)
{
    m_labelA = labelA;
    m_labelB = labelB;
    m_model->setComparison(comparison);
    m_swap->setEnabled(comparison && comparison->a && comparison->b);
    setNotice({}, false);
    if (!comparison) {
        m_title->setText(tr("Compare two traces"));
        m_summary->clear();
        m_header->setText(tr("No comparison yet. Select two search results and press Compare, "
                             "or use Compare… above."));
        updateButtons();
        return;
    }
    const TraceComparison &c = *comparison;
    const auto side = [&c](Side s, const QString &label) {
        const TracePtr &t = c.trace(s);
        return tr("%1 · %2 · %3 spans")
            .arg(label.isEmpty() && t ? t->traceId : label,
                 Format::durationUs(c.traceDurationUs(s)))
            .arg(c.spanCount(s));
    };
    const qint64 delta = c.traceDurationUs(Side::B) - c.traceDurationUs(Side::A);
    const qint64 base = c.traceDurationUs(Side::A);
    const QString percent
        = base > 0 ? Format::number(double(delta) * 100.0 / double(base), 3) + u" %"_s : tr("n/a");
    int slower = 0, faster = 0;
    for (const TraceComparison::Node &node : c.nodes) {
        if (node.onlyInA() || node.onlyInB())
            continue;
        const auto change = TraceComparisonModel::changeOf(node);
        slower += change == TraceComparisonModel::Change::Slower;
        faster += change == TraceComparisonModel::Change::Faster;
    }
    const QString name
        = c.tops.empty() ? tr("(empty traces)") : c.nodes[size_t(c.tops.front())].name();
    m_title->setText(name);
    m_header->setText(tr("A: %1\nB: %2").arg(side(Side::A, labelA), side(Side::B, labelB)));
    m_summary->setText(tr("Δ %1 (%2) · %3 slower, %4 faster, %5 only in A, %6 only in B")
                           .arg((delta > 0 ? u"+"_s : QString()) + Format::durationUs(delta),
                                (delta > 0 && base > 0 ? u"+"_s : QString()) + percent)
                           .arg(slower)
                           .arg(faster)
                           .arg(c.onlyInACount)
                           .arg(c.onlyInBCount));
    const double significant = TraceComparisonModel::kSignificant * double(base);
    m_summary->setStyleSheet(
        Palette::textStyle(delta > 0 && double(delta) >= significant    ? Palette::Tone::Bad
                           : delta < 0 && double(-delta) >= significant ? Palette::Tone::Good
                                                                        : Palette::Tone::Muted));
    openPathsToChanges();
    updateButtons();
}

void TraceCompareView::openPathsToChanges()
{
    const TraceComparisonPtr c = comparison();
    if (!c)
        return;
    // What changed is open to see; unchanged subtrees stay closed. Called after the model's
    // reset, when nothing is open and the view's layout is pending: each expand is then only
    // noted, and the rows are laid out once.
    size_t opened = 0;
    for (qint32 n = 0; n < qint32(c->nodes.size()) && opened < kMaxOpened; ++n) {
        const std::vector<qint32> &children = c->nodes[size_t(n)].children;
        if (std::none_of(children.begin(), children.end(),
                         [this](qint32 child) { return m_model->leadsToChange(child); }))
            continue;
        m_tree->setExpanded(m_model->indexOfNode(n), true);
        ++opened;
    }
    const QModelIndex first = m_model->index(0, 0);
    if (first.isValid())
        m_tree->setCurrentIndex(first);
    updateButtons();
}

void TraceCompareView::setNotice(const QString &text, bool problem)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
    m_notice->setStyleSheet(Palette::textStyle(problem ? Palette::Tone::Bad : Palette::Tone::Info));
}

qint32 TraceCompareView::currentNode() const
{
    return m_model->nodeAt(m_tree->currentIndex());
}

void TraceCompareView::openCurrent(Side side)
{
    const TraceComparisonPtr c = comparison();
    const qint32 node = currentNode();
    if (!c || node < 0)
        return;
    const qint32 span = c->pairedSpan(node, side);
    if (span >= 0)
        Q_EMIT openSpanRequested(c->trace(side), span);
}

void TraceCompareView::updateButtons()
{
    const TraceComparisonPtr c = comparison();
    const qint32 node = currentNode();
    const bool any = c && node >= 0;
    m_openA->setEnabled(any && !c->nodes[size_t(node)].onlyInB());
    m_openB->setEnabled(any && !c->nodes[size_t(node)].onlyInA());
}

void TraceCompareView::showContextMenu(const QPoint &at)
{
    const QModelIndex index = m_tree->indexAt(at);
    if (!index.isValid())
        return;
    m_tree->setCurrentIndex(index);
    QMenu menu(this);
    QAction *a = menu.addAction(tr("Open in trace A"), this, [this] { openCurrent(Side::A); });
    QAction *b = menu.addAction(tr("Open in trace B"), this, [this] { openCurrent(Side::B); });
    a->setEnabled(m_openA->isEnabled());
    b->setEnabled(m_openB->isEnabled());
    menu.exec(m_tree->viewport()->mapToGlobal(at));
}

} // namespace Stackscope
