<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- SPDX-License-Identifier: GPL-3.0-or-later -->
<!-- English numerus forms of the alerts UI's plural strings (tr("%n ...(s)", nullptr, n)).
     Qt shows a source text's "(s)" as written unless a translation gives its forms, so English
     needs this too; tst_alertspage::pluralsReadRight checks it is complete and that the UI reads
     right with it. The application's own English file would hold the same messages. -->
<TS version="2.1" language="en">
<context>
    <name>Stackscope::AlertHistoryView</name>
    <message numerus="yes">
        <source>%n period(s)</source>
        <translation><numerusform>%n period</numerusform><numerusform>%n periods</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Fired %n time(s) in the kept history</source>
        <translation><numerusform>Fired once in the kept history</numerusform><numerusform>Fired %n times in the kept history</numerusform></translation>
    </message>
</context>
<context>
    <name>Stackscope::SilenceDialog</name>
    <message numerus="yes">
        <source>Catches none of the %n alert(s) shown now</source>
        <translation><numerusform>Catches none of the %n alert shown now</numerusform><numerusform>Catches none of the %n alerts shown now</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Catches %1 of the %n alert(s) shown now:</source>
        <translation><numerusform>Catches %1 of the %n alert shown now:</numerusform><numerusform>Catches %1 of the %n alerts shown now:</numerusform></translation>
    </message>
</context>
</TS>
