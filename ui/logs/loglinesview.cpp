// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/logs/loglinesview.h"

#include "models/common/format.h"
#include "models/common/palette.h"
#include "models/logs/logmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QPoint>
#include <QSaveFile>
#include <QScrollBar>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

/// Characters of a line painted at most: a 20 MB line is elided, never laid out whole.
constexpr qsizetype kPaintChars = 2000;

} // namespace

QColor LogLinesView::levelColor(int level)
{
    switch (LogLevel(level)) {
    case LogLevel::Trace:
    case LogLevel::Debug:
        return Palette::color(Palette::Tone::Muted);
    case LogLevel::Info:
        return Palette::color(Palette::Tone::Info);
    case LogLevel::Warn:
        return Palette::color(Palette::Tone::Warning);
    case LogLevel::Error:
    case LogLevel::Fatal:
        return Palette::color(Palette::Tone::Bad);
    case LogLevel::Unknown:
        break;
    }
    return {};
}

LogLinesView::LogLinesView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setFont(mono);
    updateMetrics();
}

void LogLinesView::setModel(LogModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    if (model) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &LogLinesView::onRowsInserted);
        connect(
            model, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex &, int first, int last) { onRowsRemoved(last - first + 1); });
        connect(model, &QAbstractItemModel::modelReset, this, &LogLinesView::onReset);
        connect(model, &QAbstractItemModel::dataChanged, viewport(), qOverload<>(&QWidget::update));
    }
    onReset();
}

void LogLinesView::updateMetrics()
{
    const QFontMetrics fm(font());
    m_rowHeight = fm.height() + 2;
    m_timeWidth = fm.horizontalAdvance(u"00:00:00.000"_s) + 8;
    m_levelWidth = fm.horizontalAdvance(u"ERROR"_s) + 8;
    verticalScrollBar()->setSingleStep(m_rowHeight);
    updateScrollBar();
}

void LogLinesView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateMetrics();
    QAbstractScrollArea::changeEvent(event);
}

int LogLinesView::visibleRowCount() const
{
    return std::max(1, viewport()->height() / m_rowHeight);
}

int LogLinesView::firstVisibleRow() const
{
    return verticalScrollBar()->value();
}

void LogLinesView::updateScrollBar()
{
    const int rows = m_model ? m_model->rowCount() : 0;
    QScrollBar *bar = verticalScrollBar();
    // One scroll step is one row: the range stays small whatever the row height.
    bar->setSingleStep(1);
    bar->setPageStep(visibleRowCount());
    bar->setRange(0, std::max(0, rows - visibleRowCount()));
}

bool LogLinesView::isAtBottom() const
{
    return verticalScrollBar()->value() >= verticalScrollBar()->maximum();
}

void LogLinesView::scrollToBottom()
{
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    m_follow = true;
}

void LogLinesView::scrollToRow(int row)
{
    QScrollBar *bar = verticalScrollBar();
    if (row < bar->value())
        bar->setValue(row);
    else if (row >= bar->value() + visibleRowCount())
        bar->setValue(row - visibleRowCount() + 1);
}

void LogLinesView::onRowsInserted()
{
    const bool follow = m_follow;
    updateScrollBar();
    if (follow)
        scrollToBottom();
    viewport()->update();
}

void LogLinesView::onRowsRemoved(int count)
{
    // The oldest rows went (the cap): the rows shown and the selection move up with them.
    const auto shift = [count](int row) {
        return row < 0 ? row : std::max(-1, row - count);
    };
    m_anchor = shift(m_anchor);
    const int current = shift(m_current);
    const bool changed = current != m_current;
    m_current = current;
    QScrollBar *bar = verticalScrollBar();
    const int value = bar->value();
    const bool follow = m_follow;
    updateScrollBar();
    if (follow)
        scrollToBottom();
    else
        bar->setValue(std::max(0, value - count));
    viewport()->update();
    if (changed && m_current < 0)
        Q_EMIT currentRowChanged(-1);
}

void LogLinesView::onReset()
{
    const bool hadCurrent = m_current >= 0;
    m_anchor = m_current = -1;
    updateScrollBar();
    if (m_follow)
        scrollToBottom();
    viewport()->update();
    if (hadCurrent)
        Q_EMIT currentRowChanged(-1);
}

void LogLinesView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    const bool follow = m_follow;
    updateScrollBar();
    if (follow)
        scrollToBottom();
}

void LogLinesView::scrollContentsBy(int, int)
{
    m_follow = isAtBottom();
    viewport()->update();
}

int LogLinesView::rowAt(int y) const
{
    if (!m_model)
        return -1;
    const int row = firstVisibleRow() + y / m_rowHeight;
    return row >= 0 && row < m_model->rowCount() ? row : -1;
}

std::pair<int, int> LogLinesView::selection() const
{
    if (m_current < 0)
        return {-1, -1};
    const int anchor = m_anchor < 0 ? m_current : m_anchor;
    return {std::min(anchor, m_current), std::max(anchor, m_current)};
}

void LogLinesView::selectRows(int first, int last)
{
    if (!m_model || m_model->rowCount() == 0)
        return;
    const int n = m_model->rowCount();
    m_anchor = std::clamp(first, 0, n - 1);
    m_current = std::clamp(last, 0, n - 1);
    viewport()->update();
    Q_EMIT currentRowChanged(m_current);
}

void LogLinesView::setCurrent(int row, bool extend)
{
    if (!m_model || row < 0 || m_model->rowCount() == 0)
        return;
    row = std::clamp(row, 0, m_model->rowCount() - 1);
    if (!extend || m_anchor < 0)
        m_anchor = row;
    const bool changed = row != m_current;
    m_current = row;
    scrollToRow(row);
    m_follow = isAtBottom();
    viewport()->update();
    if (changed)
        Q_EMIT currentRowChanged(row);
}

void LogLinesView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        setCurrent(rowAt(event->position().toPoint().y()),
                   event->modifiers().testFlag(Qt::ShiftModifier));
    QAbstractScrollArea::mousePressEvent(event);
}

void LogLinesView::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons().testFlag(Qt::LeftButton)) {
        const int y = event->position().toPoint().y();
        int row = rowAt(std::clamp(y, 0, viewport()->height() - 1));
        if (y < 0)
            row = std::max(0, firstVisibleRow() - 1);
        setCurrent(row, true);
    }
}

void LogLinesView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        return;
    }
    if (event->matches(QKeySequence::SelectAll)) {
        if (m_model && m_model->rowCount() > 0)
            selectRows(0, m_model->rowCount() - 1);
        return;
    }
    const bool extend = event->modifiers().testFlag(Qt::ShiftModifier);
    const int rows = m_model ? m_model->rowCount() : 0;
    if (rows == 0)
        return QAbstractScrollArea::keyPressEvent(event);
    const int from = m_current < 0 ? firstVisibleRow() : m_current;
    switch (event->key()) {
    case Qt::Key_Up:
        return setCurrent(from - 1, extend);
    case Qt::Key_Down:
        return setCurrent(from + 1, extend);
    case Qt::Key_PageUp:
        return setCurrent(from - visibleRowCount(), extend);
    case Qt::Key_PageDown:
        return setCurrent(from + visibleRowCount(), extend);
    case Qt::Key_Home:
        return setCurrent(0, extend);
    case Qt::Key_End:
        setCurrent(rows - 1, extend);
        m_follow = true;
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

QString LogLinesView::selectedText() const
{
    const auto [first, last] = selection();
    if (!m_model || first < 0)
        return {};
    QString out;
    for (int row = first; row <= last; ++row) {
        out += m_model->lineText(row);
        out += u'\n';
    }
    return out;
}

void LogLinesView::copySelection()
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

bool LogLinesView::saveTo(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    const int rows = m_model ? m_model->rowCount() : 0;
    for (int row = 0; row < rows; ++row) {
        file.write(m_model->lineText(row).toUtf8());
        file.write("\n", 1);
    }
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void LogLinesView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    m_paintedRows = 0;
    if (!m_model)
        return;
    const QFontMetrics fm(font());
    const QPalette &pal = palette();
    const int rows = m_model->rowCount();
    const int first = firstVisibleRow();
    const int last = std::min(rows - 1, first + viewport()->height() / m_rowHeight + 1);
    const auto [selFirst, selLast] = selection();
    const int width = viewport()->width();
    const int baseline = fm.ascent() + 1;

    // The tags' column fits the longest source name on screen (and never shrinks while shown).
    for (int row = first; row <= last; ++row) {
        const QString name = m_model->index(row).data(LogModel::SourceNameRole).toString();
        m_tagWidth = std::max(m_tagWidth, std::min(fm.horizontalAdvance(name) + 22, 220));
    }

    for (int row = first; row <= last; ++row) {
        const QModelIndex index = m_model->index(row);
        const int y = (row - first) * m_rowHeight;
        const QRect rowRect(0, y, width, m_rowHeight);
        const bool selected = row >= selFirst && row <= selLast && selFirst >= 0;
        if (selected)
            p.fillRect(rowRect, pal.color(QPalette::Highlight));
        const QColor textColor = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
        int x = 4;

        p.setPen(selected ? textColor : Palette::color(Palette::Tone::Muted));
        p.drawText(x, y + baseline, index.data(LogModel::TimeTextRole).toString());
        x += m_timeWidth;

        const QString name = index.data(LogModel::SourceNameRole).toString();
        if (!name.isEmpty()) {
            const QColor tag = index.data(LogModel::SourceColorRole).value<QColor>();
            const QRect tagRect(x, y + 1, m_tagWidth - 6, m_rowHeight - 2);
            p.setPen(Qt::NoPen);
            p.setBrush(tag);
            p.drawRoundedRect(tagRect, 3, 3);
            p.setPen(Palette::textOn(tag));
            p.drawText(tagRect.adjusted(5, 0, -5, 0), Qt::AlignVCenter | Qt::AlignLeft,
                       fm.elidedText(Format::visible(name), Qt::ElideRight, tagRect.width() - 10));
        }
        x += m_tagWidth;

        const QString level = index.data(LogModel::LevelNameRole).toString();
        if (!level.isEmpty()) {
            p.setPen(selected ? textColor : levelColor(index.data(LogModel::LevelRole).toInt()));
            p.drawText(x, y + baseline, level);
        }
        x += m_levelWidth;

        // The text in pieces: between the matches plain, the matches on the highlight.
        const QString text = index.data(LogModel::TextRole).toString();
        const QStringView kept = QStringView(text).left(kPaintChars);
        const QVariantList matches = index.data(LogModel::MatchesRole).toList();
        qsizetype at = 0;
        const auto drawPiece = [&](QStringView piece, bool match) {
            if (piece.isEmpty() || x > width)
                return;
            const QString shown = Format::visible(piece.toString());
            const int w = fm.horizontalAdvance(shown);
            if (match)
                p.fillRect(QRect(x, y, w, m_rowHeight), Palette::highlight());
            p.setPen(match ? QColor(Qt::black) : textColor);
            p.drawText(x, y + baseline, shown);
            x += w;
        };
        for (const QVariant &m : matches) {
            const QPoint match = m.toPoint();
            if (match.x() >= kept.size())
                break;
            drawPiece(kept.mid(at, match.x() - at), false);
            drawPiece(kept.mid(match.x(), std::min<qsizetype>(match.y(), kept.size() - match.x())),
                      true);
            at = match.x() + match.y();
        }
        if (at < kept.size())
            drawPiece(kept.mid(at), false);
        if (text.size() > kPaintChars && x <= width) {
            p.setPen(Palette::color(Palette::Tone::Muted));
            p.drawText(x, y + baseline,
                       QString(QChar(0x2026)) + u' '
                           + tr("%1 more characters (copy the line to see them)")
                                 .arg(QLocale().toString(text.size() - kPaintChars)));
        }
        ++m_paintedRows;
    }
}

} // namespace Stackscope
