// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/traces/tracelayout.h"
#include "models/common/format.h"
#include "models/common/palette.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

/// Children lists in compressed form: the children of span s are kids[first[s] .. first[s+1]).
struct Children
{
    std::vector<qint32> first;
    std::vector<qint32> kids;
};

Children childrenOf(const Trace &trace)
{
    const size_t n = trace.spans.size();
    Children c;
    c.first.assign(n + 1, 0);
    for (const Span &span : trace.spans) {
        if (span.parent >= 0)
            ++c.first[size_t(span.parent) + 1];
    }
    for (size_t i = 0; i < n; ++i)
        c.first[i + 1] += c.first[i];
    c.kids.resize(size_t(c.first[n]));
    std::vector<qint32> fill(c.first.begin(), c.first.end() - 1);
    for (size_t i = 0; i < n; ++i) {
        const qint32 parent = trace.spans[i].parent;
        if (parent >= 0)
            c.kids[size_t(fill[size_t(parent)]++)] = qint32(i);
    }
    const auto byStart = [&trace](qint32 a, qint32 b) {
        const Span &x = trace.spans[size_t(a)];
        const Span &y = trace.spans[size_t(b)];
        return x.startUs != y.startUs ? x.startUs < y.startUs : a < b;
    };
    for (size_t i = 0; i < n; ++i)
        std::sort(c.kids.begin() + c.first[i], c.kids.begin() + c.first[i + 1], byStart);
    return c;
}

} // namespace

QColor TraceLayout::colorForSlot(int slot)
{
    return slot < 0 ? Palette::color(Palette::Tone::Muted) : Palette::service(quint32(slot));
}

QColor TraceLayout::serviceColor(quint32 serviceId) const
{
    return colorForSlot(serviceId < serviceIndex.size() ? serviceIndex[serviceId] : -1);
}

QString TraceLayout::name() const
{
    if (roots.empty())
        return QCoreApplication::translate("Stackscope::TraceLayout", "(empty trace)");
    const int root = roots.front();
    // Shown in headers and titles: control characters visible, no megabyte names.
    return Format::elided(trace->service(root), 300) + u": "_s
           + Format::elided(trace->operation(root), 300);
}

std::shared_ptr<const TraceLayout> TraceLayout::build(TracePtr tracePtr, int minimapWidth,
                                                      int minimapHeight)
{
    auto layout = std::make_shared<TraceLayout>();
    layout->trace = tracePtr;
    const Trace &trace = *tracePtr;
    const size_t n = trace.spans.size();
    const Children c = childrenOf(trace);

    for (size_t i = 0; i < n; ++i) {
        if (trace.spans[i].parent < 0)
            layout->roots.push_back(qint32(i));
    }
    std::sort(layout->roots.begin(), layout->roots.end(), [&trace](qint32 a, qint32 b) {
        const Span &x = trace.spans[size_t(a)];
        const Span &y = trace.spans[size_t(b)];
        if (x.startUs != y.startUs)
            return x.startUs < y.startUs;
        return x.durationUs != y.durationUs ? x.durationUs > y.durationUs : a < b;
    });

    // Iterative depth-first walk (a chain of 250,000 spans must not overflow the stack).
    layout->order.reserve(n);
    layout->positionOf.assign(n, -1);
    layout->subtreeEnd.assign(n, 0);
    layout->depth.assign(n, 0);
    struct Frame
    {
        qint32 span;
        qint32 next; ///< index into c.kids of the next child to visit
    };
    std::vector<Frame> stack;
    for (qint32 root : layout->roots) {
        stack.push_back({root, c.first[size_t(root)]});
        layout->positionOf[size_t(root)] = qint32(layout->order.size());
        layout->order.push_back(root);
        while (!stack.empty()) {
            Frame &frame = stack.back();
            if (frame.next < c.first[size_t(frame.span) + 1]) {
                const qint32 kid = c.kids[size_t(frame.next++)];
                const quint16 d = quint16(std::min<size_t>(stack.size(), 65535));
                layout->depth[size_t(kid)] = d;
                layout->maxDepth = std::max(layout->maxDepth, int(d));
                layout->positionOf[size_t(kid)] = qint32(layout->order.size());
                layout->order.push_back(kid);
                stack.push_back({kid, c.first[size_t(kid)]});
            } else {
                layout->subtreeEnd[size_t(layout->positionOf[size_t(frame.span)])]
                    = qint32(layout->order.size());
                stack.pop_back();
            }
        }
    }

    layout->criticalPath = CriticalPath::compute(trace, layout->order, layout->roots);
    layout->critical.assign(n, 0);
    for (const CriticalPath::Segment &segment : layout->criticalPath.segments())
        layout->critical[size_t(segment.span)] = 1;

    layout->serviceIndex.assign(size_t(trace.strings.size()), -1);
    for (qint32 span : layout->order) {
        const Span &s = trace.spans[size_t(span)];
        if (s.has(Span::Error))
            ++layout->errorCount;
        if (layout->serviceIndex[s.service] < 0) {
            layout->serviceIndex[s.service] = qint32(layout->services.size());
            layout->services.push_back(s.service);
        }
    }

    // The minimap: every span as a line of pixels in its service's colour, rows squeezed to fit.
    if (n > 0 && minimapWidth > 0 && minimapHeight > 0) {
        const int height = int(std::min<size_t>(size_t(minimapHeight), std::max<size_t>(n, 8)));
        QImage image(minimapWidth, height, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        std::vector<QRgb> colors(layout->services.size());
        for (size_t i = 0; i < colors.size(); ++i)
            colors[i] = colorForSlot(int(i)).rgba();
        const QRgb errorColor = Palette::color(Palette::Tone::Bad).rgba();
        const double span = double(std::max<qint64>(1, trace.durationUs()));
        for (size_t p = 0; p < n; ++p) {
            const Span &s = trace.spans[size_t(layout->order[p])];
            const int y = int(double(p) * height / double(n));
            auto *line = reinterpret_cast<QRgb *>(image.scanLine(std::min(y, height - 1)));
            int x0 = int(double(s.startUs - trace.startUs) / span * minimapWidth);
            int x1 = int(double(s.endUs() - trace.startUs) / span * minimapWidth);
            x0 = std::clamp(x0, 0, minimapWidth - 1);
            x1 = std::clamp(std::max(x1, x0 + 1), 1, minimapWidth);
            const QRgb color
                = s.has(Span::Error) ? errorColor : colors[size_t(layout->serviceIndex[s.service])];
            for (int x = x0; x < x1; ++x) {
                if (line[x] != errorColor)
                    line[x] = color;
            }
        }
        layout->minimap = image;
    }
    return layout;
}

std::vector<qint32> visiblePositions(const TraceLayout &layout,
                                     const std::vector<quint8> &collapsedByPosition)
{
    std::vector<qint32> rows;
    const qint32 n = layout.spanCount();
    rows.reserve(size_t(n));
    for (qint32 p = 0; p < n;) {
        rows.push_back(p);
        if (size_t(p) < collapsedByPosition.size() && collapsedByPosition[size_t(p)])
            p = layout.subtreeEnd[size_t(p)];
        else
            ++p;
    }
    return rows;
}

} // namespace Stackscope
