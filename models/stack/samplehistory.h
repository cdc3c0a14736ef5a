// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QSharedDataPointer>

#include <chrono>
#include <cmath>
#include <limits>

namespace Stackscope {

/// One resource series of a service (CPU %, memory bytes) over a bounded past: a ring of (time,
/// value) samples that keeps at most maxCount() samples no older than maxAge() (by default the
/// last hour at the 5 s stats refresh), oldest first, with gap marks where the series broke off
/// (the service was not running). Appending is O(1) and allocates only once, the whole ring at
/// the first sample. At most one sample is kept per maxAge()/maxCount() slot (the latest in it),
/// so that a faster poller still covers the whole age. Times are milliseconds since the epoch
/// and must not go back (a clock set back clears the history); values are kept as float
/// (7 significant digits): 8 bytes a sample. Copies are implicitly shared, so handing a history
/// to a view through a QVariant costs one reference count.
class SampleHistory
{
public:
    struct Sample
    {
        qint64 msecs = 0;                                        ///< since the epoch, UTC
        double value = std::numeric_limits<double>::quiet_NaN(); ///< NaN for a gap mark
        bool isGap() const { return std::isnan(value); }
    };
    /// The samples of a time range in figures: gap marks are left out of min/max/last.
    struct Summary
    {
        int count = 0; ///< samples, gap marks excluded
        double min = std::numeric_limits<double>::quiet_NaN();
        double max = std::numeric_limits<double>::quiet_NaN();
        double last = std::numeric_limits<double>::quiet_NaN();
        qint64 firstMsecs = 0; ///< the first sample's time
        qint64 lastMsecs = 0;  ///< the last sample's time
        bool hasGaps = false;  ///< a gap mark lies between the first and the last sample
        qint64 spanMsecs() const { return lastMsecs - firstMsecs; }
    };
    /// A time range to draw or summarise, [fromMsecs, toMsecs] since the epoch.
    struct Window
    {
        qint64 fromMsecs = 0;
        qint64 toMsecs = 0;
        bool isValid() const { return toMsecs > fromMsecs; }
    };

    static constexpr std::chrono::milliseconds DefaultMaxAge = std::chrono::hours(1);
    static constexpr int DefaultMaxCount = 720;

    /// `maxAge` is at most 10 days, `maxCount` at least 2.
    explicit SampleHistory(std::chrono::milliseconds maxAge = DefaultMaxAge,
                           int maxCount = DefaultMaxCount);
    SampleHistory(const SampleHistory &other);
    SampleHistory(SampleHistory &&other) noexcept;
    SampleHistory &operator=(const SampleHistory &other);
    SampleHistory &operator=(SampleHistory &&other) noexcept;
    ~SampleHistory();

    /// Adds a sample taken at `msecs` and drops those older than maxAge() before it. A sample in
    /// the same slot as the last one replaces it; a non-finite value is ignored.
    void append(qint64 msecs, double value);
    /// Marks that the series broke off at `msecs`: the samples before and after are not joined.
    /// Nothing happens when the history is empty or already ends with a gap.
    void appendGap(qint64 msecs);
    /// Drops the samples older than maxAge() before `nowMsecs` (frees nothing: the ring stays).
    void trim(qint64 nowMsecs);
    void clear();

    int size() const;
    bool isEmpty() const { return size() == 0; }
    /// The `i`-th sample, oldest first (0 <= i < size()).
    Sample at(int i) const;
    /// The index of the first sample at or after `msecs` (size() when there is none).
    int lowerBound(qint64 msecs) const;
    /// Figures over the samples at or after `fromMsecs` (all of them by default).
    Summary summary(qint64 fromMsecs = std::numeric_limits<qint64>::min()) const;
    double min() const { return summary().min; }
    double max() const { return summary().max; }
    /// The newest value (NaN when there is none).
    double last() const;

    std::chrono::milliseconds maxAge() const;
    int maxCount() const;
    /// The memory this history holds (its ring and bookkeeping), shared copies counted once.
    qsizetype memoryBytes() const;

private:
    struct Data;
    QSharedDataPointer<Data> d;
};

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::SampleHistory)
Q_DECLARE_METATYPE(Stackscope::SampleHistory::Window)
