// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;

namespace Stackscope {

/// A page whose feature has not landed yet: it says plainly what the page will show and which
/// part of the configuration it will use, and shows no made-up data.
class PlaceholderPage : public QWidget
{
    Q_OBJECT
public:
    PlaceholderPage(const QString &title, const QString &whatItWillShow, QWidget *parent = nullptr);

    /// Lines describing what the page will use, e.g. "Compose file: /home/.../docker-compose.yml".
    void setDetails(const QStringList &lines);

private:
    QLabel *m_details;
};

} // namespace Stackscope
