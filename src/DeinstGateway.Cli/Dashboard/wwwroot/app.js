'use strict';
// The capacity dashboard: counts come from the deinst process on this computer (/api/capacity),
// changes from the gateway's capacity feed arrive as server-sent events (/api/events).
(() => {
  const labels = {
    lv: { title: 'Brīvās vietas sabiedrībā balstītos pakalpojumos', date: 'Datums', today: 'Šodien', totals: 'Reģionā kopā pa pakalpojumiem',
      municipalities: 'Pašvaldības', service: 'Pakalpojums', provider: 'Pakalpojuma sniedzējs', total: 'Kopā', reserved: 'rezervētas',
      occupied: 'aizņemtas', free: 'brīvas', all: 'Visi pakalpojumi', loading: 'Ielādē…', updated: 'Atjaunināts', live: 'tiešraidē',
      offline: 'savienojums ar deinst pārtrūka', scope: 'Jūsu redzamība', other: 'English', chart: 'vietas pa pakalpojumiem', error: 'Kļūda' },
    en: { title: 'Free places in community-based services', date: 'Date', today: 'Today', totals: 'Region totals per service',
      municipalities: 'Municipalities', service: 'Service', provider: 'Provider', total: 'Total', reserved: 'reserved',
      occupied: 'occupied', free: 'free', all: 'All services', loading: 'Loading…', updated: 'Updated', live: 'live',
      offline: 'connection to deinst lost', scope: 'Your scope', other: 'Latviski', chart: 'places per service', error: 'Error' },
  };
  const token = new URLSearchParams(location.search).get('token') || '';
  let language = localStorage.getItem('deinst-language') || 'lv';
  let picture = null;
  let live = false;
  let refresh = null;
  // The gateway's today (Europe/Riga), learnt from the first answer: the browser's clock may be elsewhere.
  let gatewayToday = null;

  const $ = id => document.getElementById(id);
  const t = key => labels[language][key];
  const el = (name, attributes = {}, ...children) => {
    const node = document.createElement(name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    for (const child of children) node.append(child);
    return node;
  };
  const serviceName = type => {
    const label = picture.serviceTypes.find(s => s.type === type);
    return label ? label[language] : type;
  };

  function countCells(counts) {
    return [
      el('td', { class: 'n' }, String(counts.total)),
      el('td', { class: 'n' }, String(counts.reserved)),
      el('td', { class: 'n' }, String(counts.occupied)),
      el('td', { class: 'n ' + (counts.free > 0 ? 'free' : 'none'), 'data-free': '' }, String(counts.free)),
    ];
  }

  function countHeader(first) {
    return el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, first),
      ...['total', 'reserved', 'occupied', 'free'].map(k => el('th', { scope: 'col', class: 'n' }, t(k)))));
  }

  function renderTotals() {
    const table = $('totals');
    table.replaceChildren(el('caption', { class: 'visually-hidden' }, t('totals')), countHeader(t('service')));
    const body = el('tbody');
    for (const s of picture.perService) {
      body.append(el('tr', { 'data-service': s.serviceType }, el('th', { scope: 'row' }, serviceName(s.serviceType)), ...countCells(s.counts)));
    }
    body.append(el('tr', { id: 'grand-total' }, el('th', { scope: 'row' }, t('all')), ...countCells(picture.total)));
    table.append(body);
  }

  function chart(area) {
    const biggest = Math.max(1, ...area.services.map(s => s.counts.total));
    const figure = el('div', { class: 'chart', role: 'img', 'aria-label': `${area.name}: ${t('chart')}` });
    for (const s of area.services) {
      const c = s.counts;
      const width = n => `${(100 * n / biggest).toFixed(2)}%`;
      const bar = el('div', { class: 'bar', 'aria-hidden': 'true' });
      const occupied = el('span', { class: 'occupied', title: `${t('occupied')}: ${c.occupied}` }); occupied.style.width = width(c.occupied);
      const reserved = el('span', { class: 'reserved', title: `${t('reserved')}: ${c.reserved}` }); reserved.style.width = width(c.reserved);
      const free = el('span', { class: 'free', title: `${t('free')}: ${c.free}` }); free.style.width = width(c.free);
      bar.append(occupied, reserved, free);
      figure.append(el('span', {}, serviceName(s.serviceType)), bar, el('span', { class: 'n' }, `${c.free} / ${c.total}`));
    }
    return figure;
  }

  function renderMunicipalities() {
    const container = $('municipalities');
    container.replaceChildren();
    for (const m of picture.municipalities) {
      const section = el('section', { 'aria-labelledby': 'm-' + m.code, 'data-municipality': m.code });
      section.append(el('h3', { id: 'm-' + m.code }, m.name), chart(m));
      const table = el('table', {}, el('caption', { class: 'visually-hidden' }, m.name), countHeader(t('provider')));
      const body = el('tbody');
      for (const p of m.providers) {
        for (const s of p.services) {
          body.append(el('tr', { 'data-provider': p.code, 'data-service': s.serviceType },
            el('th', { scope: 'row' }, `${p.name} — ${serviceName(s.serviceType)}`), ...countCells(s.counts)));
        }
      }
      table.append(body);
      section.append(table);
      container.append(section);
    }
  }

  function render() {
    document.documentElement.lang = language;
    document.querySelectorAll('[data-label]').forEach(node => { node.textContent = t(node.dataset.label); });
    $('language').textContent = t('other');
    $('language').lang = language === 'lv' ? 'en' : 'lv';
    if (!picture) return;
    $('scope').textContent = picture.regions.length ? `${t('scope')}: ${picture.regions.join(', ')}` : '';
    renderTotals();
    renderMunicipalities();
    const time = new Date().toLocaleTimeString(language === 'lv' ? 'lv-LV' : 'en-GB');
    $('status').textContent = `${t('updated')} ${time}${live ? ' · ' + t('live') : ''}`;
    document.body.dataset.loaded = picture.date;
  }

  async function load() {
    const date = $('date').value;
    $('status').textContent = t('loading');
    const response = await fetch(`api/capacity?token=${encodeURIComponent(token)}&date=${encodeURIComponent(date)}`, { cache: 'no-store' });
    const body = await response.json();
    if (!response.ok) { $('status').textContent = `${t('error')}: ${body.error}`; return; }
    if (!date) { gatewayToday = body.date; $('date').value = body.date; }
    picture = body;
    render();
  }

  // Changes are today's rows: a page showing another day stays as it is.
  function changed() {
    if ($('date').value !== gatewayToday) return;
    clearTimeout(refresh);
    refresh = setTimeout(load, 200);
  }

  function listen() {
    const events = new EventSource(`api/events?token=${encodeURIComponent(token)}`);
    // body[data-live]: changes now reach the page, so a change declared from here on shows up.
    events.onopen = () => { live = true; document.body.dataset.live = 'true'; render(); };
    events.addEventListener('capacity', changed);
    events.onerror = () => { live = false; delete document.body.dataset.live; $('status').textContent = t('offline'); };
  }

  $('date').addEventListener('change', load);
  $('today').addEventListener('click', () => { $('date').value = ''; load(); });
  $('language').addEventListener('click', () => {
    language = language === 'lv' ? 'en' : 'lv';
    localStorage.setItem('deinst-language', language);
    render();
  });
  render();
  load();
  listen();
})();
