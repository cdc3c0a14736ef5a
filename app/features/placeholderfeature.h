// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feature.h"

#include <functional>

namespace Stackscope {

class PlaceholderPage;

/// A feature whose page has not landed: the page says what it will show and which part of the
/// configuration it will use.
class PlaceholderFeature : public Feature
{
    Q_OBJECT
public:
    using Details = std::function<QStringList(const Config &)>;

    PlaceholderFeature(const QString &id, const QString &title, const QIcon &icon,
                       const QString &description, Details details, QObject *parent = nullptr);

    QString id() const override { return m_id; }
    QString title() const override { return m_title; }
    QIcon icon() const override { return m_icon; }
    QWidget *createPage() override;
    void applyConfig(const Config &config) override;

private:
    QString m_id;
    QString m_title;
    QIcon m_icon;
    QString m_description;
    Details m_details;
    PlaceholderPage *m_page = nullptr;
};

} // namespace Stackscope
