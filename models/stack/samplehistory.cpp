// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/stack/samplehistory.h"

#include <QSharedData>

#include <algorithm>
#include <vector>

namespace Stackscope {

namespace {

constexpr qint64 MaxAgeLimit = qint64(10) * 24 * 3600 * 1000;
/// Offsets from the base beyond this move the base (rare: every 12 days of samples).
constexpr qint64 RebaseAfter = qint64(1) << 30;

qint64 slotOf(qint64 msecs, qint64 slot)
{
    return msecs >= 0 ? msecs / slot : (msecs - slot + 1) / slot;
}

} // namespace

struct SampleHistory::Data : public QSharedData
{
    /// A sample as stored: 8 bytes, the time relative to `base`.
    struct Packed
    {
        qint32 offset;
        float value; ///< NaN for a gap mark
    };

    std::vector<Packed> ring; ///< empty until the first sample, then maxCount long
    qint64 base = 0;
    qint64 maxAge = 0;
    qint64 slot = 1; ///< maxAge / maxCount: one sample per slot at most
    int maxCount = 2;
    int head = 0; ///< the oldest sample's place in the ring
    int count = 0;

    Packed &physical(int i) { return ring[std::size_t((head + i) % maxCount)]; }
    const Packed &physical(int i) const { return ring[std::size_t((head + i) % maxCount)]; }
    qint64 timeAt(int i) const { return base + physical(i).offset; }
    bool gapAt(int i) const { return std::isnan(physical(i).value); }

    void popFront()
    {
        head = (head + 1) % maxCount;
        --count;
    }

    void trim(qint64 now)
    {
        const qint64 cutoff = now - maxAge;
        // A leading gap mark separates nothing.
        while (count > 0 && (timeAt(0) < cutoff || gapAt(0)))
            popFront();
    }

    /// Keeps `msecs - base` within the offsets' range; samples are within maxAge of `msecs`.
    void rebaseFor(qint64 msecs)
    {
        if (count == 0) {
            base = msecs;
            return;
        }
        if (msecs - base <= RebaseAfter)
            return;
        const qint64 newBase = timeAt(0);
        const auto delta = qint32(newBase - base);
        for (int i = 0; i < count; ++i)
            physical(i).offset -= delta;
        base = newBase;
    }

    void push(qint64 msecs, float value)
    {
        if (ring.empty())
            ring.resize(std::size_t(maxCount));
        if (count == maxCount) {
            popFront();
            trim(msecs); // drops a gap mark that now leads
        }
        rebaseFor(msecs);
        physical(count) = Packed{qint32(msecs - base), value};
        ++count;
    }

    void clear()
    {
        head = 0;
        count = 0;
    }
};

SampleHistory::SampleHistory(std::chrono::milliseconds maxAge, int maxCount)
    : d(new Data)
{
    d->maxAge = std::clamp<qint64>(maxAge.count(), 1, MaxAgeLimit);
    d->maxCount = std::max(2, maxCount);
    d->slot = std::max<qint64>(1, d->maxAge / d->maxCount);
}

SampleHistory::SampleHistory(const SampleHistory &other) = default;
SampleHistory::SampleHistory(SampleHistory &&other) noexcept = default;
SampleHistory &SampleHistory::operator=(const SampleHistory &other) = default;
SampleHistory &SampleHistory::operator=(SampleHistory &&other) noexcept = default;
SampleHistory::~SampleHistory() = default;

void SampleHistory::append(qint64 msecs, double value)
{
    if (!std::isfinite(value))
        return;
    Data &x = *d; // detaches once
    if (x.count > 0 && msecs < x.timeAt(x.count - 1))
        x.clear(); // the clock went back: what we had no longer lines up with now
    x.trim(msecs);
    if (x.count > 0 && !x.gapAt(x.count - 1)
        && slotOf(x.timeAt(x.count - 1), x.slot) == slotOf(msecs, x.slot)) {
        x.rebaseFor(msecs);
        x.physical(x.count - 1) = Data::Packed{qint32(msecs - x.base), float(value)};
        return;
    }
    x.push(msecs, float(value));
}

void SampleHistory::appendGap(qint64 msecs)
{
    if (d->count == 0 || d->gapAt(d->count - 1))
        return;
    Data &x = *d;
    msecs = std::max(msecs, x.timeAt(x.count - 1));
    x.trim(msecs);
    if (x.count > 0)
        x.push(msecs, std::numeric_limits<float>::quiet_NaN());
}

void SampleHistory::trim(qint64 nowMsecs)
{
    if (d->count > 0 && (d->timeAt(0) < nowMsecs - d->maxAge || d->gapAt(0)))
        d->trim(nowMsecs);
}

void SampleHistory::clear()
{
    if (d->count > 0)
        d->clear();
}

int SampleHistory::size() const
{
    return d->count;
}

SampleHistory::Sample SampleHistory::at(int i) const
{
    Q_ASSERT(i >= 0 && i < d->count);
    const Data::Packed &p = d->physical(i);
    return {d->base + p.offset, double(p.value)};
}

int SampleHistory::lowerBound(qint64 msecs) const
{
    int lo = 0;
    int hi = d->count;
    while (lo < hi) {
        const int mid = lo + (hi - lo) / 2;
        if (d->timeAt(mid) < msecs)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

SampleHistory::Summary SampleHistory::summary(qint64 fromMsecs) const
{
    Summary s;
    bool gapPending = false;
    for (int i = lowerBound(fromMsecs); i < d->count; ++i) {
        const Sample sample = at(i);
        if (sample.isGap()) {
            gapPending = s.count > 0;
            continue;
        }
        s.hasGaps = s.hasGaps || gapPending;
        gapPending = false;
        if (s.count == 0) {
            s.firstMsecs = sample.msecs;
            s.min = s.max = sample.value;
        }
        s.min = std::min(s.min, sample.value);
        s.max = std::max(s.max, sample.value);
        s.last = sample.value;
        s.lastMsecs = sample.msecs;
        ++s.count;
    }
    return s;
}

double SampleHistory::last() const
{
    for (int i = d->count - 1; i >= 0; --i) {
        if (!d->gapAt(i))
            return double(d->physical(i).value);
    }
    return std::numeric_limits<double>::quiet_NaN();
}

std::chrono::milliseconds SampleHistory::maxAge() const
{
    return std::chrono::milliseconds(d->maxAge);
}

int SampleHistory::maxCount() const
{
    return d->maxCount;
}

qsizetype SampleHistory::memoryBytes() const
{
    return qsizetype(sizeof(Data) + d->ring.capacity() * sizeof(Data::Packed));
}

} // namespace Stackscope
