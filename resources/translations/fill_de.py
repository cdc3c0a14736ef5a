#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fills stackscope_de.ts with the German translations kept in this file, keyed by source text
(and context where the same English needs different German). Run after `update_translations`:
    python3 resources/translations/fill_de.py resources/translations/stackscope_de.ts
Texts without an entry here stay unfinished (shown in English)."""
import sys
import xml.etree.ElementTree as ET

DE = {
    'checking': 'wird geprüft',
    'reachable': 'erreichbar',
    'unreachable': 'nicht erreichbar',
    'not configured': 'nicht eingerichtet',
    'Use FILE as the configuration (default: $XDG_CONFIG_HOME/stackscope/config.yaml).':
        'FILE als Konfiguration verwenden (Vorgabe: $XDG_CONFIG_HOME/stackscope/config.yaml).',
    'Check FILE and exit: 0 when valid, otherwise 1 with every problem as FILE:LINE:COLUMN: message on stderr. The file is never changed.':
        'FILE prüfen und beenden: 0, wenn gültig, sonst 1 und jedes Problem als FILE:LINE:COLUMN: Meldung auf stderr. Die Datei wird nie verändert.',
    "Print the stack's services with state and health and each backend's reachability, without opening a window. Exit 0 when everything runs and is healthy, else 1.":
        'Dienste des Stacks mit Zustand und Gesundheit sowie die Erreichbarkeit jedes Backends ausgeben, ohne ein Fenster zu öffnen. Exit 0, wenn alles läuft und gesund ist, sonst 1.',
    'With --status: print JSON.': 'Mit --status: JSON ausgeben.',
    'Import a Grafana dashboard JSON FILE next to the configuration and exit.':
        'Ein Grafana-Dashboard (JSON-Datei FILE) neben die Konfiguration importieren und beenden.',
    'Open a Jaeger trace JSON FILE in the Traces page.': 'Einen Jaeger-Trace (JSON-Datei FILE) auf der Seite „Traces“ öffnen.',
    'Start minimised to the tray (as at login).': 'Minimiert im Systembereich starten (wie bei der Anmeldung).',
    'Stackscope: a desktop console for the observability stack on this machine (docker compose, Prometheus, Alertmanager, Grafana, Jaeger).':
        'Stackscope: eine Desktop-Konsole für den Observability-Stack auf diesem Rechner (docker compose, Prometheus, Alertmanager, Grafana, Jaeger).',
    'Prometheus API': 'Prometheus-API',
    'answered JSON, but not the %1': 'antwortet mit JSON, aber nicht als %1',
    'Alertmanager API': 'Alertmanager-API',
    'Jaeger query API': 'Jaeger-Abfrage-API',
    'answered, but not as the Docker Engine API': 'antwortet, aber nicht als Docker-Engine-API',
    'cannot remove %1': '%1 kann nicht entfernt werden',
    'cannot create %1': '%1 kann nicht angelegt werden',
    'no Docker socket at %1': 'kein Docker-Socket unter %1',
    'Is Docker installed and running?': 'Ist Docker installiert und gestartet?',
    'connection refused at %1': 'Verbindung abgelehnt: %1',
    'The Docker daemon is not running.': 'Der Docker-Daemon läuft nicht.',
    'permission denied on %1': 'keine Berechtigung für %1',
    "Add your user to the 'docker' group (sudo usermod -aG docker $USER) and log in again.":
        "Fügen Sie Ihren Benutzer der Gruppe „docker“ hinzu (sudo usermod -aG docker $USER) und melden Sie sich neu an.",
    'no answer from the Docker daemon at %1': 'keine Antwort vom Docker-Daemon unter %1',
    'Docker socket %1: %2': 'Docker-Socket %1: %2',
    'bad answer from the Docker daemon at %1: %2': 'fehlerhafte Antwort vom Docker-Daemon unter %1: %2',
    'answered HTML, not the %1': 'antwortet mit HTML, nicht als %1',
    'the answer of the %1 stops in the middle (%2 bytes)': 'die Antwort der %1 bricht mittendrin ab (%2 Bytes)',
    'answered with an empty body, not the %1': 'antwortet ohne Inhalt, nicht als %1',
    'answered something that is not JSON, not the %1 (%2 at byte %3)': 'antwortet nicht mit JSON, nicht als %1 (%2 bei Byte %3)',
    'Firing and pending alerts from Alertmanager (Prometheus as the fallback), grouped by severity, with silences, and desktop notifications you can act on.':
        'Aktive und anstehende Alarme aus Alertmanager (ersatzweise aus Prometheus), nach Schweregrad gruppiert, mit Stummschaltungen und Desktop-Benachrichtigungen, auf die Sie reagieren können.',
    'Alerts': 'Alarme',
    'Alertmanager: %1': 'Alertmanager: %1',
    'none (Prometheus alerts are used)': 'keiner (Alarme aus Prometheus werden verwendet)',
    'Notifications: %1, from severity %2': 'Benachrichtigungen: %1, ab Schweregrad %2',
    'on': 'an',
    'off': 'aus',
    'Live charts of Prometheus queries: dashboards defined in the configuration or imported from Grafana dashboard JSON, an Explore box for ad-hoc PromQL, and the health of every scrape target.':
        'Live-Diagramme von Prometheus-Abfragen: Dashboards aus der Konfiguration oder aus importiertem Grafana-JSON, ein Eingabefeld für PromQL und der Zustand jedes Scrape-Ziels.',
    'Metrics': 'Metriken',
    'Prometheus: %1': 'Prometheus: %1',
    "Start, stop and restart the whole compose project or one service by button, with every service's state, health, uptime, restarts, ports, CPU and memory live, and the logs of each container.":
        'Das ganze Compose-Projekt oder einen Dienst per Knopfdruck starten, stoppen und neu starten, mit Zustand, Gesundheit, Laufzeit, Neustarts, Ports, CPU und Speicher jedes Dienstes live und den Logs jedes Containers.',
    'Stack': 'Stack',
    'Compose project: %1': 'Compose-Projekt: %1',
    'Compose files: %1': 'Compose-Dateien: %1',
    'Docker: %1 (%2)': 'Docker: %1 (%2)',
    'Search Jaeger for traces and open them as a timeline: span tree, zoom, span details, and traces far larger than the Jaeger UI can open.':
        'Traces in Jaeger suchen und als Zeitleiste öffnen: Span-Baum, Zoom, Span-Details und Traces, die weit größer sind, als die Jaeger-Oberfläche öffnen kann.',
    'Traces': 'Traces',
    'Jaeger: %1': 'Jaeger: %1',
    'start at login: %1': 'Start bei Anmeldung: %1',
    'Check now': 'Jetzt prüfen',
    'Ask every backend again now': 'Alle Backends jetzt erneut fragen',
    'Endpoint: %1': 'Adresse: %1',
    'Version: %1': 'Version: %1',
    'Reason: %1': 'Grund: %1',
    'Since: %1': 'Seit: %1',
    'Last check took %1 ms': 'Letzte Prüfung dauerte %1 ms',
    'cannot read %1: %2': '%1 kann nicht gelesen werden: %2',
    "the file's layout cannot be changed safely (%1); edit it by hand":
        'der Aufbau der Datei lässt sich nicht sicher ändern (%1); bitte von Hand bearbeiten',
    'cannot write %1: %2': '%1 kann nicht geschrieben werden: %2',
    'Open file': 'Datei öffnen',
    'The configuration file has 1 problem.': 'Die Konfigurationsdatei hat 1 Problem.',
    'The configuration file has %1 problems.': 'Die Konfigurationsdatei hat %1 Probleme.',
    ' Stackscope keeps running with the last good configuration and has not changed the file.':
        ' Stackscope läuft mit der letzten gültigen Konfiguration weiter und hat die Datei nicht verändert.',
    '… and %1 more': '… und %1 weitere',
    'the environment variable %1 that holds the %2 secret is not set':
        'die Umgebungsvariable %1 mit dem Geheimnis für %2 ist nicht gesetzt',
    'no certificate could be read from the CA file %1': 'aus der CA-Datei %1 ließ sich kein Zertifikat lesen',
    'the answer from %1 is larger than the %2 limit (http.max_body)':
        'die Antwort von %1 ist größer als die Grenze von %2 (http.max_body)',
    'no answer within %1 from %2': 'keine Antwort innerhalb von %1 von %2',
    'request cancelled': 'Anfrage abgebrochen',
    'host not found: %1': 'Rechner nicht gefunden: %1',
    'TLS error at %1: %2': 'TLS-Fehler bei %1: %2',
    'the answer from %1 was cut off after %2': 'die Antwort von %1 brach nach %2 ab',
    '%1 closed the connection without answering': '%1 hat die Verbindung ohne Antwort geschlossen',
    'network error at %1: %2': 'Netzwerkfehler bei %1: %2',
    'error': 'Fehler',
    'the answer from %1 was cut off after %2 of %3': 'die Antwort von %1 brach nach %2 von %3 ab',
    '&File': '&Datei',
    'Open &configuration file': '&Konfigurationsdatei öffnen',
    '&Reload configuration': 'Konfiguration &neu laden',
    '&Settings…': '&Einstellungen …',
    '&Quit': '&Beenden',
    '&View': '&Ansicht',
    'Check &backends now': '&Backends jetzt prüfen',
    '&Help': '&Hilfe',
    '&About Stackscope': '&Über Stackscope',
    'About &Qt': 'Über &Qt',
    'About Stackscope': 'Über Stackscope',
    '<h3>Stackscope %1</h3><p>A native desktop console for the observability stack on your machine.</p><p>Licensed under the GNU General Public License, version 3 or later. Built with Qt %2 (LGPL-3 / GPL-3), Qt Charts (GPL-3), yaml-cpp (MIT), prometheus-cpp (MIT) and simdjson (Apache-2.0).</p>':
        '<h3>Stackscope %1</h3><p>Eine native Desktop-Konsole für den Observability-Stack auf Ihrem Rechner.</p><p>Lizenziert unter der GNU General Public License, Version 3 oder später. Erstellt mit Qt %2 (LGPL-3 / GPL-3), Qt Charts (GPL-3), yaml-cpp (MIT), prometheus-cpp (MIT) und simdjson (Apache-2.0).</p>',
    '%1 (Ctrl+%2)': '%1 (Strg+%2)',
    'Not available in this version yet: this page shows no data until the feature lands.':
        'In dieser Version noch nicht verfügbar: Diese Seite zeigt keine Daten, bis die Funktion fertig ist.',
    'cannot serve self-metrics on %1: the address is in use or not local (%2)':
        'eigene Metriken können nicht unter %1 bereitgestellt werden: Die Adresse ist belegt oder nicht lokal (%2)',
    'Stackscope Settings': 'Stackscope-Einstellungen',
    'One URL per line; two for an HA pair': 'Eine URL pro Zeile; zwei für ein HA-Paar',
    'Prometheus URL': 'Prometheus-URL',
    'Prometheus timeout': 'Prometheus-Zeitlimit',
    'Alertmanagers': 'Alertmanager',
    'Jaeger URL': 'Jaeger-URL',
    'Grafana URL': 'Grafana-URL',
    'Credentials and certificates are set in the file itself (auth, ca_file): secrets are read from environment variables, never stored.':
        'Zugangsdaten und Zertifikate werden in der Datei selbst eingetragen (auth, ca_file): Geheimnisse werden aus Umgebungsvariablen gelesen, nie gespeichert.',
    'Endpoints': 'Adressen',
    'Backend status': 'Backend-Status',
    'Containers': 'Container',
    'Charts': 'Diagramme',
    'Jaeger services': 'Jaeger-Dienste',
    'Durations such as 500ms, 10s, 5m or 1h; at least 1s.': 'Dauern wie 500ms, 10s, 5m oder 1h; mindestens 1s.',
    'Refresh': 'Aktualisierung',
    'Show desktop notifications for firing alerts': 'Desktop-Benachrichtigungen für aktive Alarme zeigen',
    'Also when an alert resolves': 'Auch wenn ein Alarm endet',
    'More new alerts than this in one poll become one summary notification':
        'Mehr neue Alarme als diese in einer Abfrage werden zu einer zusammenfassenden Benachrichtigung',
    'From severity': 'Ab Schweregrad',
    'Summarise above': 'Zusammenfassen ab',
    'Notifications': 'Benachrichtigungen',
    'detect (docker compose, else docker-compose)': 'erkennen (docker compose, sonst docker-compose)',
    'Compose project': 'Compose-Projekt',
    'Compose command': 'Compose-Befehl',
    "Serve Stackscope's own metrics": 'Eigene Metriken von Stackscope bereitstellen',
    'Start Stackscope at login, minimised to the tray': 'Stackscope bei der Anmeldung starten, minimiert im Systembereich',
    'Metrics address': 'Metrik-Adresse',
    'Desktop': 'Desktop',
    'Not saved:': 'Nicht gespeichert:',
    'Show or hide Stackscope': 'Stackscope zeigen oder verbergen',
    'Quit': 'Beenden',
}

path = sys.argv[1]
tree = ET.parse(path)
done = missing = 0
for message in tree.getroot().iter('message'):
    source = message.find('source').text or ''
    translation = message.find('translation')
    if source in DE:
        translation.text = DE[source]
        translation.attrib.pop('type', None)
        done += 1
    elif translation.get('type') == 'unfinished' or not translation.text:
        missing += 1
tree.write(path, encoding='utf-8', xml_declaration=True)
print(f'{done} translated, {missing} not yet')
