#!/usr/bin/env node
/**
 * Drives Debian's chromium (never a downloaded browser) with playwright-core over the built site.
 *
 *   node scripts/browser.mjs check <base-url> <out.json> [page ...]
 *       opens every page (default: every page found by following the site's own links from /), waits until its
 *       queries and charts are done, and writes per page: console errors, page errors, requests that left the
 *       local server, failed requests, the number of charts and how many of them drew, and the text of every
 *       element with a data-test attribute (the figures tests compare with the marts); per chart (from Evidence's
 *       ECharts instances) its number of values drawn, its axis types and category labels, its series names and its
 *       tooltip for a sample value; the sentences of charts with nothing to draw; the visible text after hovering a
 *       chart (its menu) with the interface's aria-labels, titles and placeholders; tables wider than their frame.
 *   node scripts/browser.mjs pdf <base-url> <out-dir> <path> [<path> ...]
 *       prints each page to <out-dir>/<last path segment>.pdf (A4, backgrounds, print CSS of the site).
 *
 * CHROMIUM (environment) overrides /usr/bin/chromium.
 */
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [, , command, base, out, ...paths] = process.argv;
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
	'--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const baseUrl = new URL(base);
const isLocal = (url) => {
	if (!/^https?:/.test(url)) return true; // data:, blob:, about:
	const host = new URL(url).hostname;
	return host === baseUrl.hostname || host === 'localhost' || host === '127.0.0.1';
};

/** Waits until Evidence has run the page's queries and every chart has drawn (or a timeout). */
async function settle(page) {
	await page.waitForLoadState('networkidle', { timeout: 60000 });
	await page.waitForFunction(() => {
		const loading = document.querySelectorAll('[data-testid="chart-loading"], .animate-pulse, .skeleton');
		const charts = [...document.querySelectorAll('.chart-container')];
		const drawn = charts.every((c) => c.querySelector('.chart canvas, .chart svg'));
		return loading.length === 0 && drawn;
	}, null, { timeout: 60000, polling: 250 }).catch(() => null);
	await page.waitForTimeout(750); // ECharts animates its first frame
}

async function withBrowser(fn) {
	const browser = await chromium.launch({ executablePath, headless: true, args: ARGS });
	try {
		return await fn(browser);
	} finally {
		await browser.close();
	}
}

async function check(browser) {
	const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE' });
	const queue = paths.length ? [...paths] : ['/'];
	const seen = new Set(queue);
	const results = {};
	while (queue.length) {
		const route = queue.shift();
		const page = await context.newPage();
		const record = { consoleErrors: [], pageErrors: [], externalRequests: [], failedRequests: [], charts: 0,
			chartsDrawn: 0, figures: {}, cells: {}, links: [], status: null, title: '' };
		page.on('console', (msg) => { if (msg.type() === 'error') record.consoleErrors.push(msg.text()); });
		page.on('pageerror', (err) => record.pageErrors.push(String(err)));
		page.on('request', (req) => { if (!isLocal(req.url())) record.externalRequests.push(req.url()); });
		page.on('requestfailed', (req) => record.failedRequests.push(`${req.url()} ${req.failure()?.errorText}`));
		// anything that would leave the machine is refused (and recorded above)
		await page.route((url) => !isLocal(url.toString()), (r) => r.abort());
		const response = await page.goto(new URL(route, baseUrl).toString(), { waitUntil: 'load', timeout: 60000 });
		record.status = response?.status() ?? null;
		await settle(page);
		Object.assign(record, await page.evaluate(() => {
			const charts = [...document.querySelectorAll('.chart-container')];
			const drawn = charts.filter((c) => {
				const el = c.querySelector('.chart canvas, .chart svg');
				return el && el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().height > 0;
			});
			const figures = {};
			for (const el of document.querySelectorAll('[data-test]')) figures[el.dataset.test] = el.innerText.trim();
			const links = [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
			const errors = [...document.querySelectorAll('.error, [data-testid="error"]')].map((e) => e.innerText);
			const cells = {}; // the count columns of the tables (Tabell marks each cell with its column)
			for (const td of document.querySelectorAll('td[data-kolumn^="antal_"]')) {
				(cells[td.dataset.kolumn] ??= []).push(td.innerText.trim());
			}
			return { charts: charts.length, chartsDrawn: drawn.length, figures, links, title: document.title,
				errorBoxes: errors, cells, text: document.body.innerText };
		}));
		const first = await page.$('.chart-container');
		if (first) await first.hover().catch(() => null); // the chart's menu ("Ladda ner data") shows on hover
		await page.waitForTimeout(200);
		Object.assign(record, await page.evaluate(() => {
			const instances = Object.values(window[Symbol.for('__evidence-chart-window-debug__')] ?? {});
			const chartData = instances.filter((c) => !c.isDisposed?.() && c.getDom()?.isConnected).map((c) => {
				const o = c.getOption();
				const series = (o.series ?? []).filter((s) => !String(s.evidenceSeriesType ?? '').startsWith('reference'));
				let points = 0;
				const xs = new Set();
				for (const s of series) for (const d of s.data ?? []) {
					if (Array.isArray(d)) xs.add(String(d[s.encode?.x === 1 ? 1 : 0]));
					const v = Array.isArray(d) ? d : (d && typeof d === 'object' && 'value' in d ? d.value : d);
					const vals = Array.isArray(v) ? v.slice(1) : [v];
					if (vals.some((x) => x !== null && x !== undefined && x !== '' && x !== '-')) points++;
				}
				const axes = [...(o.xAxis ?? []), ...(o.yAxis ?? [])];
				const fmt = o.tooltip?.[0]?.formatter;
				let tooltip = null;
				if (typeof fmt === 'function') {
					try {
						tooltip = fmt([{ value: ['x', 1234.5], seriesName: 'S', marker: '', axisValueLabel: 'x' }]);
					} catch (e) { tooltip = `error: ${e}`; }
				}
				return { points, axisTypes: axes.map((a) => a.type), categories: [...axes.flatMap((a) => a.data ?? []).map(String), ...xs],
					seriesNames: series.map((s) => s.name), tooltip,
					title: c.getDom().closest('.chart-container')?.innerText?.split('\n')[0] ?? '' };
			});
			const attrs = [...document.querySelectorAll('[aria-label], [title], [placeholder]')].flatMap((e) =>
				['aria-label', 'title', 'placeholder'].map((a) => e.getAttribute(a)).filter(Boolean));
			const cutTables = [...document.querySelectorAll('.tabell-rulla')].filter((e) => e.scrollWidth > e.clientWidth + 1)
				.map((e) => e.closest('.tabell-ram')?.innerText?.slice(0, 80));
			const emptySentences = [...document.querySelectorAll('[data-diagram-tomt]')].map((e) => e.innerText);
			return { chartData, interfaceText: document.body.innerText + '\n' + attrs.join('\n'), cutTables, emptySentences };
		}));
		results[route] = record;
		for (const href of record.links) {
			if (!href || href.startsWith('#') || /^[a-z]+:/i.test(href)) continue;
			const url = new URL(href, new URL(route, baseUrl));
			if (url.origin !== baseUrl.origin || /\.[a-z0-9]+$/i.test(url.pathname)) continue;
			const next = url.pathname.endsWith('/') ? url.pathname : url.pathname + '/';
			if (!paths.length && !seen.has(next)) { seen.add(next); queue.push(next); }
		}
		await page.close();
	}
	writeFileSync(out, JSON.stringify(results, null, 1));
	console.log(`checked ${Object.keys(results).length} pages`);
}

async function pdf(browser) {
	mkdirSync(out, { recursive: true });
	const context = await browser.newContext({ viewport: { width: 1100, height: 1400 }, locale: 'sv-SE' });
	for (const route of paths) {
		const page = await context.newPage();
		await page.route((url) => !isLocal(url.toString()), (r) => r.abort());
		await page.goto(new URL(route, baseUrl).toString(), { waitUntil: 'load', timeout: 60000 });
		await settle(page);
		await page.emulateMedia({ media: 'print' });
		await page.waitForTimeout(500);
		const name = route.split('/').filter(Boolean).at(-1) || 'index';
		const file = path.join(out, `${name}.pdf`);
		await page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: false,
			margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } });
		console.log(`pdf ${file}`);
		await page.close();
	}
}

withBrowser(command === 'pdf' ? pdf : check).catch((err) => {
	console.error(err);
	process.exit(1);
});
