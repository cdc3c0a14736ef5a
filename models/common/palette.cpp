// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/common/palette.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>

namespace Stackscope::Palette {

QColor color(Tone tone)
{
    switch (tone) {
    case Tone::Good:
        return QColor(0x1b, 0x7f, 0x3b);
    case Tone::Warning:
        return QColor(0xc2, 0x6a, 0x00);
    case Tone::Bad:
        return QColor(0xc6, 0x28, 0x28);
    case Tone::Info:
        return QColor(0x1a, 0x5f, 0xb4);
    case Tone::Muted:
        break;
    }
    return QColor(0x75, 0x75, 0x75);
}

QColor link()
{
    return color(Tone::Info);
}

QColor highlight()
{
    return QColor(0xff, 0xd5, 0x4f);
}

QColor highlightSoft()
{
    return QColor(0xff, 0xf3, 0xc4);
}

QColor selection()
{
    return QColor(30, 120, 220, 70);
}

QColor band(bool firing)
{
    QColor c = color(firing ? Tone::Bad : Tone::Warning);
    c.setAlpha(firing ? 56 : 48);
    return c;
}

QColor cursor()
{
    return QColor(128, 128, 128, 160);
}

QColor exemplar()
{
    return QColor(0x8f, 0x3b, 0xb8);
}

QColor textOn(const QColor &fill)
{
    // The perceived brightness (ITU-R BT.601 weights, 0–255), as Grafana weighs it.
    const double brightness = (fill.red() * 299 + fill.green() * 587 + fill.blue() * 114) / 1000.0;
    return brightness > 180 ? QColor(32, 34, 38) : QColor(247, 248, 250);
}

QString problemBannerStyle(const QString &objectName)
{
    return QStringLiteral(
               "#%1 { background: #fdecea; border: 1px solid #e0a39e; border-radius: 4px; }"
               " #%1 QLabel { color: #611a15; }")
        .arg(objectName);
}

QString noticeStyle(bool problem)
{
    return problem
               ? QStringLiteral("QLabel { background: #fdecea; color: #611a15; padding: 4px; }")
               : QStringLiteral("QLabel { background: #e8f5e9; color: #1b5e20; padding: 4px; }");
}

QString messageBoxStyle(bool problem)
{
    return problem
               ? QStringLiteral("color: #611a15; background: #fdecea; border: 1px solid #e0a39e; "
                                "border-radius: 4px; padding: 6px;")
               : QStringLiteral("color: #6b4700; background: #fff4d6; border: 1px solid #f0d68a; "
                                "border-radius: 4px; padding: 6px;");
}

QString textStyle(Tone tone)
{
    return QStringLiteral("color: %1;").arg(color(tone).name());
}

QColor series(quint32 index)
{
    // The first twelve as Grafana's themes name them ("green", "semi-dark-yellow"...), then the
    // rest of its classic palette (app/core/utils/colors.ts) from its third row on.
    static const QRgb colors[] = {
        0x73bf69, 0xf2cc0c, 0x8ab8ff, 0xff780a, 0xf2495c, 0x5794f2, 0xb877d9, 0x705da0,
        0x37872d, 0xfade2a, 0x1f78c1, 0xba43a9, 0x890f02, 0x0a437c, 0x6d1f62, 0x584477,
        0xb7dbab, 0xf4d598, 0x70dbed, 0xf9ba8f, 0xf29191, 0x82b5d8, 0xe5a8e2, 0xaea2e0,
        0x629e51, 0xe5ac0e, 0x64b0c8, 0xe0752d, 0xbf1b00, 0x0a50a1, 0x962d82, 0x614d93,
        0x9ac48a, 0xf2c96d, 0x65c5db, 0xf9934e, 0xea6460, 0x5195ce, 0xd683ce, 0x806eb7,
        0x3f6833, 0x967302, 0x2f575e, 0x99440a, 0x58140c, 0x052b51, 0x511749, 0x3f2b5b,
        0xe0f9d7, 0xfceaca, 0xcffaff, 0xf9e2d2, 0xfce2de, 0xbadff4, 0xf9d9f9, 0xdedaf7,
    };
    constexpr quint32 size = std::size(colors);
    QColor color(colors[index % size]);
    // Later rounds: darker by a step each round (a QColor per round and index is distinct as
    // long as the rounds' lightness differs; 0xffffff never occurs above).
    if (index >= size)
        color = color.darker(int(100 + 30 * (index / size % 5)));
    return color;
}

namespace {

/// d3's schemes (ColorBrewer's nine or eleven classes; matplotlib's for the perceptual ones).
struct Scheme
{
    const char *name;
    bool fromLight; ///< sequential from light to dark
    std::array<QRgb, 11> stops;
    int count; ///< of stops used
};

const Scheme schemes[] = {
    {"Oranges",
     true,
     {0xfff5eb, 0xfee6ce, 0xfdd0a2, 0xfdae6b, 0xfd8d3c, 0xf16913, 0xd94801, 0xa63603, 0x7f2704},
     9},
    {"Blues",
     true,
     {0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x08519c, 0x08306b},
     9},
    {"Greens",
     true,
     {0xf7fcf5, 0xe5f5e0, 0xc7e9c0, 0xa1d99b, 0x74c476, 0x41ab5d, 0x238b45, 0x006d2c, 0x00441b},
     9},
    {"Reds",
     true,
     {0xfff5f0, 0xfee0d2, 0xfcbba1, 0xfc9272, 0xfb6a4a, 0xef3b2c, 0xcb181d, 0xa50f15, 0x67000d},
     9},
    {"Purples",
     true,
     {0xfcfbfd, 0xefedf5, 0xdadaeb, 0xbcbddc, 0x9e9ac8, 0x807dba, 0x6a51a3, 0x54278f, 0x3f007d},
     9},
    {"Greys",
     true,
     {0xffffff, 0xf0f0f0, 0xd9d9d9, 0xbdbdbd, 0x969696, 0x737373, 0x525252, 0x252525, 0x000000},
     9},
    {"YlOrRd",
     true,
     {0xffffcc, 0xffeda0, 0xfed976, 0xfeb24c, 0xfd8d3c, 0xfc4e2a, 0xe31a1c, 0xbd0026, 0x800026},
     9},
    {"YlGnBu",
     true,
     {0xffffd9, 0xedf8b1, 0xc7e9b4, 0x7fcdbb, 0x41b6c4, 0x1d91c0, 0x225ea8, 0x253494, 0x081d58},
     9},
    {"YlGn",
     true,
     {0xffffe5, 0xf7fcb9, 0xd9f0a3, 0xaddd8e, 0x78c679, 0x41ab5d, 0x238443, 0x006837, 0x004529},
     9},
    {"OrRd",
     true,
     {0xfff7ec, 0xfee8c8, 0xfdd49e, 0xfdbb84, 0xfc8d59, 0xef6548, 0xd7301f, 0xb30000, 0x7f0000},
     9},
    {"Spectral",
     false,
     {0x9e0142, 0xd53e4f, 0xf46d43, 0xfdae61, 0xfee08b, 0xffffbf, 0xe6f598, 0xabdda4, 0x66c2a5,
      0x3288bd, 0x5e4fa2},
     11},
    {"RdYlGn",
     false,
     {0xa50026, 0xd73027, 0xf46d43, 0xfdae61, 0xfee08b, 0xffffbf, 0xd9ef8b, 0xa6d96a, 0x66bd63,
      0x1a9850, 0x006837},
     11},
    {"RdYlBu",
     false,
     {0xa50026, 0xd73027, 0xf46d43, 0xfdae61, 0xfee090, 0xffffbf, 0xe0f3f8, 0xabd9e9, 0x74add1,
      0x4575b4, 0x313695},
     11},
    {"Viridis",
     false,
     {0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b,
      0xfde725},
     10},
    {"Magma",
     false,
     {0x000004, 0x1c1044, 0x4f127b, 0x812581, 0xb5367a, 0xe55064, 0xfb8761, 0xfec287, 0xfcfdbf},
     9},
    {"Inferno",
     false,
     {0x000004, 0x1f0c48, 0x550f6d, 0x88226a, 0xba3655, 0xe35933, 0xf98e09, 0xf9cb35, 0xfcffa4},
     9},
    {"Plasma",
     false,
     {0x0d0887, 0x41049d, 0x6a00a8, 0x8f0da4, 0xb12a90, 0xcc4778, 0xe16462, 0xf2844b, 0xfca636,
      0xfcce25, 0xf0f921},
     11},
};

const Scheme &findScheme(const QString &name)
{
    QString key = name.trimmed();
    if (key.startsWith(QLatin1StringView("interpolate")))
        key = key.mid(11);
    for (const Scheme &s : schemes) {
        if (key.compare(QLatin1StringView(s.name), Qt::CaseInsensitive) == 0)
            return s;
    }
    return schemes[0];
}

} // namespace

QColor scheme(const QString &name, double position)
{
    const Scheme &s = findScheme(name);
    const double t = std::isnan(position) ? 0 : std::clamp(position, 0.0, 1.0);
    const double at = t * double(s.count - 1);
    const auto i = std::min(qsizetype(at), qsizetype(s.count) - 2);
    const double f = at - double(i);
    const QColor a(s.stops.at(size_t(i)));
    const QColor b(s.stops.at(size_t(i + 1)));
    const auto mix = [f](int x, int y) {
        return int(std::lround(x + (y - x) * f));
    };
    return QColor(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()));
}

bool schemeRunsFromLight(const QString &name)
{
    return findScheme(name).fromLight;
}

QColor service(quint32 slot)
{
    static const QRgb colors[]
        = {0x17becf, 0xbcbd22, 0x9467bd, 0xe377c2, 0x8c564b, 0xff7f0e, 0x1f77b4,
           0x2ca02c, 0x7f7f7f, 0x6b6ecf, 0xb5cf6b, 0xce6dbd, 0x3182bd, 0xe6550d,
           0x31a354, 0x756bb1, 0x637939, 0x8c6d31, 0xa55194, 0x393b79};
    constexpr quint32 size = std::size(colors);
    QColor color(colors[slot % size]);
    if (slot >= size)
        color = color.darker(int(100 + 25 * (slot / size % 3)));
    return color;
}

} // namespace Stackscope::Palette
