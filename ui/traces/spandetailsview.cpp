// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/traces/spandetailsview.h"
#include "models/common/format.h"
#include "models/traces/tracefilter.h"
#include "ui/plaintooltips.h"
#include "ui/traces/longvaluedialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {
// The value column's data: Qt::UserRole the whole value where the cell shows less of it,
// Qt::UserRole + 1 that it is long (the dialog shows it), LinkTargetRole a link's span index
// (-1: found by the ID in column 1's Qt::UserRole on the first click).
constexpr int LinkTargetRole = Qt::UserRole + 2;
} // namespace

SpanDetailsView::SpanDetailsView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_back(new QToolButton(this))
    , m_tree(new QTreeWidget(this))
{
    m_back->hide();
    connect(m_back, &QToolButton::clicked, this, &SpanDetailsView::backRequested);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    auto *copyButton = new QPushButton(tr("Copy"), this);
    copyButton->setToolTip(tr("Copy the span's details (or the selected line) as text"));
    connect(copyButton, &QPushButton::clicked, this, &SpanDetailsView::copy);

    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Key"), tr("Type"), tr("Value")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->setWordWrap(false);
    auto *copyAction = new QAction(tr("Copy"), m_tree);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    connect(copyAction, &QAction::triggered, this, &SpanDetailsView::copy);
    m_tree->addAction(copyAction);
    auto *showAction = new QAction(tr("Show whole value…"), m_tree);
    connect(showAction, &QAction::triggered, this,
            [this] { showWholeValue(m_tree->currentItem()); });
    m_tree->addAction(showAction);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this,
            [this](QTreeWidgetItem *item) { showWholeValue(item); });

    connect(m_tree, &QTreeWidget::itemClicked, this, &SpanDetailsView::activate);
    connect(m_tree, &QTreeWidget::itemActivated, this, &SpanDetailsView::activate);

    auto *top = new QHBoxLayout;
    top->addWidget(m_back);
    top->addWidget(m_title, 1);
    top->addWidget(copyButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_tree);
    setSpan(nullptr, -1);
}

void SpanDetailsView::setSpan(const TraceLayoutPtr &layout, int spanIndex)
{
    m_tree->clear();
    m_layout = layout;
    m_span = layout && spanIndex >= 0 && spanIndex < layout->spanCount() ? spanIndex : -1;
    if (m_span < 0) {
        m_title->setText(tr("Select a span to see its details."));
        return;
    }
    const Trace &trace = *layout->trace;
    const Span &span = trace.spans[size_t(spanIndex)];
    m_title->setText(Format::elided(trace.service(spanIndex), maxShownChars()) + u": "_s
                     + Format::elided(trace.operation(spanIndex), maxShownChars()));

    // Keys and values are the traced application's text: control characters made visible, and
    // a long value shortened (laying out 50 MB in a cell froze the window for most of a minute).
    auto add = [this](QTreeWidgetItem *parent, const QString &key, const QString &type,
                      const QString &value) {
        // The size first: the cell is narrower than what is kept of the value.
        const QString shown = value.size() > maxShownChars()
                                  ? tr("[%L1 characters: double-click shows all, Copy copies all] ")
                                            .arg(value.size())
                                        + Format::elided(value, maxShownChars())
                                  : Format::visible(value);
        auto *item
            = new QTreeWidgetItem(parent, {Format::elided(key, maxShownChars()), type, shown});
        if (shown != value)
            item->setData(2, Qt::UserRole, value); // shared, not copied
        if (value.size() > maxShownChars())
            item->setData(2, Qt::UserRole + 1, true);
        item->setToolTip(2, plainToolTip(Format::elided(value, 2000)));
        return item;
    };
    auto section = [this](const QString &title, int count) {
        auto *item = new QTreeWidgetItem(m_tree,
                                         {count >= 0 ? u"%1 (%2)"_s.arg(title).arg(count) : title});
        QFont f = item->font(0);
        f.setBold(true);
        item->setFont(0, f);
        item->setFirstColumnSpanned(true);
        return item;
    };
    auto addTags = [&](QTreeWidgetItem *parent, quint32 first, quint32 count) {
        for (quint32 i = 0; i < count; ++i) {
            const SpanTag &tag = trace.tags[first + i];
            add(parent, trace.strings.at(tag.key), Trace::typeName(tag.type), trace.tagText(tag));
        }
    };

    QTreeWidgetItem *general = section(tr("Span"), -1);
    add(general, tr("Service"), {}, trace.service(spanIndex));
    add(general, tr("Operation"), {}, trace.operation(spanIndex));
    add(general, tr("Span ID"), {}, trace.spanId(spanIndex));
    add(general, tr("Trace ID"), {}, trace.traceId);
    // A link: the target span's index in the item's data.
    auto link = [this](QTreeWidgetItem *item, int target) {
        item->setData(2, LinkTargetRole, target);
        item->setForeground(2, palette().color(QPalette::Link));
        QFont f = item->font(2);
        f.setUnderline(true);
        item->setFont(2, f);
        item->setToolTip(2, tr("Go to this span (Back returns here)"));
    };
    if (span.parent >= 0)
        link(add(general, tr("Parent span ID"), {}, trace.spanId(span.parent)), span.parent);
    else if (span.has(Span::ParentMissing))
        add(general, tr("Parent span ID"), {},
            tr("%1 (not in this trace)").arg(trace.idText(span.parentId)));
    add(general, tr("Start"), {},
        tr("+%1 (%2)")
            .arg(Format::durationUs(span.startUs - trace.startUs),
                 QDateTime::fromMSecsSinceEpoch(span.startUs / 1000)
                     .toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s)));
    add(general, tr("Duration"), {}, Format::durationUs(span.durationUs));
    add(general, tr("Depth"), {}, QString::number(layout->depth[size_t(spanIndex)]));
    if (const qint64 onPath = layout->criticalPath.onPathUs(spanIndex); onPath > 0) {
        const auto [first, last] = layout->criticalPath.segmentsOf(spanIndex);
        add(general, tr("Critical path"), {},
            tr("%1 of %2 (%3 %) in %n segment(s)", nullptr, last - first)
                .arg(Format::durationUs(onPath), Format::durationUs(span.durationUs))
                .arg(span.durationUs > 0 ? 100.0 * double(onPath) / double(span.durationUs) : 100.0,
                     0, 'f', 1));
    }

    if (span.warningCount > 0 || span.has(Span::ClockSkew) || span.has(Span::DuplicateId)) {
        QTreeWidgetItem *warnings = section(tr("Warnings"), span.warningCount);
        for (quint32 w = 0; w < span.warningCount; ++w)
            add(warnings, tr("warning"), {}, trace.spanWarnings[span.firstWarning + w]);
        if (span.has(Span::ClockSkew) && span.parent >= 0
            && span.startUs < trace.spans[size_t(span.parent)].startUs)
            add(warnings, tr("clock skew"), {},
                tr("starts %1 before its parent")
                    .arg(Format::durationUs(trace.spans[size_t(span.parent)].startUs
                                            - span.startUs)));
        if (span.has(Span::DuplicateId))
            add(warnings, tr("duplicate ID"), {},
                tr("an earlier span has the same ID; children attach to that one"));
    }
    QTreeWidgetItem *tags = section(tr("Tags"), span.tagCount);
    addTags(tags, span.firstTag, span.tagCount);
    const TraceProcess &process = trace.processes[span.process];
    QTreeWidgetItem *processItem = section(tr("Process"), int(process.tagCount));
    add(processItem, tr("service"), {}, trace.strings.at(process.service));
    addTags(processItem, process.firstTag, process.tagCount);
    QTreeWidgetItem *logs = section(tr("Logs"), span.logCount);
    for (quint32 l = 0; l < span.logCount; ++l) {
        const SpanLog &log = trace.logs[span.firstLog + l];
        QTreeWidgetItem *entry
            = add(logs, u"+"_s + Format::durationUs(log.timestampUs - trace.startUs), {},
                  tr("%n field(s)", nullptr, int(log.fieldCount)));
        addTags(entry, log.firstField, log.fieldCount);
    }
    QTreeWidgetItem *refs = section(tr("References"), span.refCount);
    for (quint32 r = 0; r < span.refCount; ++r) {
        const SpanRef &ref = trace.refs[span.firstRef + r];
        // OTLP links are FOLLOWS_FROM references, as Jaeger converts them; named as OTLP does.
        const QString kind = ref.kind == SpanRef::Kind::ChildOf      ? u"CHILD_OF"_s
                             : trace.format == Trace::Format::OtlpV3 ? tr("link (FOLLOWS_FROM)")
                                                                     : u"FOLLOWS_FROM"_s;
        QTreeWidgetItem *item = add(
            refs, kind, {},
            tr("span %1 in trace %2").arg(trace.idText(ref.spanId), trace.idText(ref.traceId)));
        // Found on a click (a scan of the spans), not here: only references into this trace.
        if (trace.idText(ref.traceId).compare(trace.traceId, Qt::CaseInsensitive) == 0
            || ref.traceId.length == 0) {
            link(item, -1);
            item->setData(1, Qt::UserRole, trace.idText(ref.spanId));
        }
    }
    m_tree->expandAll();
    logs->setExpanded(span.logCount <= 20);
}

void SpanDetailsView::setBackText(const QString &text)
{
    m_back->setText(text);
    m_back->setVisible(!text.isEmpty());
}

void SpanDetailsView::activate(QTreeWidgetItem *item)
{
    if (!item || !m_layout || !item->data(2, LinkTargetRole).isValid())
        return;
    int target = item->data(2, LinkTargetRole).toInt();
    if (target < 0) {
        const QByteArray id = item->data(1, Qt::UserRole).toString().toLatin1();
        target = spanWithId(*m_layout->trace, std::string_view(id.constData(), size_t(id.size())));
        if (target < 0) {
            item->setToolTip(2, tr("This span is not in the trace"));
            return;
        }
        item->setData(2, LinkTargetRole, target);
    }
    if (target != m_span)
        Q_EMIT spanLinkActivated(target);
}

QString SpanDetailsView::text() const
{
    QStringList lines;
    lines << m_title->text();
    std::function<void(QTreeWidgetItem *, int)> walk = [&](QTreeWidgetItem *item, int level) {
        QStringList cells;
        for (int c = 0; c < 3; ++c) {
            if (!item->text(c).isEmpty())
                cells << item->text(c);
        }
        lines << QString(level * 2, u' ') + cells.join(u'\t');
        for (int i = 0; i < item->childCount(); ++i)
            walk(item->child(i), level + 1);
    };
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        walk(m_tree->topLevelItem(i), 0);
    return lines.join(u'\n');
}

QString SpanDetailsView::fullValue(const QTreeWidgetItem *item)
{
    if (!item)
        return {};
    const QVariant whole = item->data(2, Qt::UserRole);
    if (whole.isValid())
        return whole.toString();
    return item->text(2).isEmpty() ? item->text(0) : item->text(2);
}

bool SpanDetailsView::showWholeValue(QTreeWidgetItem *item)
{
    if (!item || !item->data(2, Qt::UserRole + 1).toBool())
        return false;
    auto *dialog = new LongValueDialog(item->text(0), fullValue(item), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return true;
}

void SpanDetailsView::copy()
{
    const QList<QTreeWidgetItem *> selected = m_tree->selectedItems();
    if (!selected.isEmpty() && m_tree->hasFocus()) {
        QApplication::clipboard()->setText(fullValue(selected.first()));
        return;
    }
    QApplication::clipboard()->setText(text());
}

} // namespace Stackscope
