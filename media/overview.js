// The Status Overview page: draws the data the extension posts (see src/vscode/overview/panel.ts).
// No remote resources, no inline handlers; every text goes in through textContent.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  const SVG = 'http://www.w3.org/2000/svg';
  let last = null;

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function svg(tag, attrs, text) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = String(text);
    return e;
  }
  function format(template, ...values) {
    return template.replace(/\{(\d+)\}/g, (m, i) => (values[Number(i)] === undefined ? m : String(values[Number(i)])));
  }
  function opener(node, uri, line, label) {
    node.tabIndex = 0;
    node.setAttribute('role', 'link');
    if (label) node.setAttribute('aria-label', label);
    node.dataset.uri = uri;
    node.dataset.line = String(line);
    const go = () => vscode.postMessage({ type: 'open', uri, line });
    node.addEventListener('click', go);
    node.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); go(); }
    });
    return node;
  }
  function num(v) {
    return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
  }
  const DAY = 86400000;
  const time = (iso) => Date.parse(iso + 'T00:00:00Z');

  function counts(d, s) {
    const box = el('span', 'counts');
    const add = (n, cls, label) => {
      const c = el('span', 'count ' + cls + (n ? '' : ' zero'), n);
      c.title = label;
      c.setAttribute('aria-label', n + ' ' + label);
      box.append(c);
    };
    add(d.errors, 'errors', s.errors);
    add(d.warnings, 'warnings', s.warnings);
    add(d.overdue, 'overdue', s.overdue);
    return box;
  }

  function documentsSection(data, s) {
    const section = el('section', 'documents');
    section.append(el('h2', '', s.documents));
    const head = el('div', 'doc-row head');
    head.append(el('span', 'doc-name', ''), el('span', 'doc-bar', s.progress));
    const hc = el('span', 'counts');
    hc.append(el('span', 'count errors', s.errors), el('span', 'count warnings', s.warnings), el('span', 'count overdue', s.overdue));
    head.append(hc);
    section.append(head);
    for (const d of data.documents) {
      const row = el('div', 'doc-row');
      const name = el('span', 'doc-name');
      const link = opener(el('a', 'link', d.title || d.path), d.uri, d.line, format(s.open, d.path, d.line));
      name.append(link, el('span', 'path muted', d.path));
      name.title = d.path;
      const bar = el('span', 'doc-bar');
      const track = el('span', 'track');
      track.setAttribute('role', 'progressbar');
      track.setAttribute('aria-valuemin', '0');
      track.setAttribute('aria-valuemax', '100');
      if (d.progress !== null) {
        track.setAttribute('aria-valuenow', String(d.progress));
        const fill = el('span', 'fill' + (d.progress >= 100 ? ' complete' : ''));
        fill.style.width = Math.max(0, Math.min(100, d.progress)) + '%';
        track.append(fill);
      }
      const label = d.progress === null ? s.noProgress
        : d.progressSource === 'headline' && d.headline ? d.headline : d.progress + '%';
      const text = el('span', 'bar-label' + (d.progress === null ? ' muted' : ''), label);
      text.title = d.checklist.total ? label + ' · ' + format(s.checklist, d.checklist.done, d.checklist.total) : label;
      bar.append(track, text);
      row.append(name, bar, counts(d, s));
      section.append(row);
    }
    return section;
  }

  function timelineSection(data, s) {
    const section = el('section', 'timeline');
    section.append(el('h2', '', s.milestones + (data.milestones.length ? ' (' + data.milestones.length + ')' : '')));
    if (!data.milestones.length) {
      section.append(el('p', 'muted', s.noMilestones));
      return section;
    }
    const rows = data.milestones;
    const width = Math.max(480, (root.clientWidth || 900) - 8);
    const labelW = Math.min(300, Math.round(width * 0.34));
    const left = labelW + 12;
    const right = width - 16;
    const rowH = 24;
    const top = 44;
    const height = top + rows.length * rowH + 8;
    const today = time(data.today);
    let min = Math.min(...rows.map((m) => time(m.due)));
    if (today - min < 14 * DAY) min = today - 14 * DAY;
    const span = today - min;
    const lo = min - span * 0.04;
    const hi = today + span * 0.06;
    const x = (t) => left + ((t - lo) / (hi - lo)) * (right - left);
    const chart = svg('svg', { width, height, viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': s.milestones, class: 'chart' });
    // Date axis: month ticks (every few months when the span is long).
    const axis = svg('g', { class: 'axis' });
    axis.append(svg('line', { x1: left, x2: right, y1: top - 10, y2: top - 10 }));
    const first = new Date(lo);
    let d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1));
    const months = Math.max(1, Math.ceil((hi - lo) / (30 * DAY)));
    const every = months > 48 ? 12 : months > 24 ? 6 : months > 12 ? 3 : months > 6 ? 2 : 1;
    let lastLabel = -Infinity;
    for (; d.getTime() <= hi; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + every, 1))) {
      const px = x(d.getTime());
      axis.append(svg('line', { class: 'grid', x1: px, x2: px, y1: top - 14, y2: height - 4 }));
      if (px - lastLabel > 56) {
        axis.append(svg('text', { x: px, y: top - 18, 'text-anchor': 'middle' }, d.toISOString().slice(0, 7)));
        lastLabel = px;
      }
    }
    chart.append(axis);
    rows.forEach((m, i) => {
      const y = top + i * rowH + rowH / 2;
      const g = svg('g', { class: 'milestone' });
      const due = x(time(m.due));
      const tip = m.name + ' — ' + m.path + ':' + m.line + '\n' + format(s.daysOverdue, m.daysOverdue, m.due) + (m.status ? ' · ' + m.status : '');
      g.append(svg('title', {}, tip));
      g.append(svg('rect', { class: 'hit', x: 0, y: y - rowH / 2, width, height: rowH }));
      const clip = (t, n) => (t.length > n ? t.slice(0, n - 1) + '…' : t);
      // The milestone's name, then its document (file name without the extension), muted.
      const label = svg('text', { class: 'label', x: labelW, y: y + 4, 'text-anchor': 'end' }, clip(m.name, 30));
      label.append(svg('tspan', { class: 'doc' }, ' · ' + clip(m.path.replace(/^.*\//, '').replace(/\.(md|markdown)$/i, ''), 16)));
      g.append(label);
      g.append(svg('line', { class: 'span', x1: due, x2: x(today), y1: y, y2: y }));
      g.append(svg('circle', { class: 'due', cx: due, cy: y, r: 5.5 }));
      const days = svg('text', { class: 'days', x: due - 9, y: y + 4, 'text-anchor': 'end' }, m.daysOverdue + 'd');
      if (due - 9 - left < 30) { days.setAttribute('x', String(due + 9)); days.setAttribute('text-anchor', 'start'); days.setAttribute('dy', '-7'); }
      g.append(days);
      opener(g, m.uri, m.line, m.name + ', ' + format(s.daysOverdue, m.daysOverdue, m.due));
      chart.append(g);
    });
    const tx = x(today);
    chart.append(svg('line', { class: 'today', x1: tx, x2: tx, y1: top - 14, y2: height - 4 }));
    chart.append(svg('text', { class: 'today-label', x: tx, y: 12, 'text-anchor': 'middle' }, format(s.today, data.today)));
    section.append(chart);
    return section;
  }

  function changesSection(data, s) {
    const section = el('section', 'changes');
    section.append(el('h2', '', s.changes + (data.changes.length ? ' (' + data.changes.length + ')' : '')));
    if (!data.changes.length) {
      section.append(el('p', 'muted', s.noChanges));
      return section;
    }
    const legend = el('p', 'legend muted');
    legend.append(el('span', 'swatch before'), document.createTextNode(' ' + s.before + '  '), el('span', 'swatch after'), document.createTextNode(' ' + s.after));
    section.append(legend);
    let path = null;
    for (const c of data.changes) {
      if (c.path !== path) {
        path = c.path;
        section.append(el('h3', 'muted', path));
      }
      const row = el('div', 'change-row' + (c.verdict === 'wrong' ? ' wrong' : ''));
      const unit = c.unit === '%' ? '%' : c.unit && c.unit !== 'points' ? ' ' + c.unit : '';
      const label = c.subject + ': ' + num(c.before) + unit + ' → ' + num(c.after) + unit + (c.text ? ' (' + c.text + ')' : '');
      const name = opener(el('span', 'change-name link', c.subject), c.uri, c.line, label);
      name.title = label;
      const bars = el('span', 'pair');
      for (const [which, v] of [['before', c.before], ['after', c.after]]) {
        const line = el('span', 'pair-line');
        const track = el('span', 'track thin');
        const fill = el('span', 'fill ' + which);
        fill.style.width = Math.max(0, Math.min(100, (v / c.scale) * 100)) + '%';
        track.append(fill);
        line.append(track, el('span', 'pair-value', num(v) + unit));
        bars.append(line);
      }
      const delta = el('span', 'delta' + (c.after > c.before ? ' up' : c.after < c.before ? ' down' : ''), c.text || '');
      if (c.verdict === 'wrong') {
        delta.title = s.wrong;
        delta.append(el('span', 'wrong-mark', ' ✗'));
      }
      row.append(name, bars, delta);
      section.append(row);
    }
    if (data.changesLeftOut) section.append(el('p', 'muted', format(s.leftOut, data.changesLeftOut)));
    return section;
  }

  function render(data, s) {
    root.replaceChildren();
    root.removeAttribute('aria-busy');
    const header = el('header');
    header.append(el('h1', '', s.title));
    const t = data.totals;
    header.append(el('p', 'summary muted', format(s.summary, t.documents, t.errors, t.warnings, t.overdue, t.claimsChecked, t.claimsWrong)));
    root.append(header);
    if (!data.documents.length) {
      root.append(el('p', 'muted', s.empty));
    } else {
      root.append(documentsSection(data, s), timelineSection(data, s), changesSection(data, s));
    }
    vscode.postMessage({ type: 'rendered', html: root.innerHTML });
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m && m.type === 'data') {
      last = m;
      render(m.data, m.strings);
    }
  });
  let resizeTimer;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => last && render(last.data, last.strings), 150);
  });
  vscode.postMessage({ type: 'ready' });
})();
