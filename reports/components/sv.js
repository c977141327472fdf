// Swedish number formatting for the pages (Intl, locale sv-SE: "1 234,5"; a missing or suppressed value is "–").
const formats = new Map();
function nf(decimals) {
	if (!formats.has(decimals)) {
		formats.set(decimals, new Intl.NumberFormat('sv-SE', {
			minimumFractionDigits: decimals,
			maximumFractionDigits: decimals
		}));
	}
	return formats.get(decimals);
}

export const SAKNAS = '–';

/** A number in Swedish form with `decimals` decimals and an optional unit ("kr", "%", "dagar" ...). */
export function tal(value, decimals = 0, unit = '') {
	if (value === null || value === undefined || value === '' || Number.isNaN(Number(value))) return SAKNAS;
	const text = nf(decimals).format(Number(value));
	return unit ? `${text}\u00a0${unit}` : text;
}

/** Column kinds of the tables: how many decimals and which unit. */
export const TYPER = {
	text: null,
	heltal: [0, ''],
	kr: [0, 'kr'],
	kr2: [2, 'kr'],
	procent: [1, '%'],
	andel: [1, '%'], // a share 0–1 shown as per cent
	dagar: [1, 'dagar'],
	dagar0: [0, 'dagar'],
	tal1: [1, ''],
	tal2: [2, '']
};

export function cell(value, typ = 'text') {
	if (typ === 'text' || !TYPER[typ]) {
		if (value === null || value === undefined || value === '') return SAKNAS;
		if (value === true) return 'ja';
		if (value === false) return 'nej';
		if (value instanceof Date) return value.toISOString().slice(0, 10);
		return String(value);
	}
	const [decimals, unit] = TYPER[typ];
	const v = typ === 'andel' && value !== null && value !== undefined ? Number(value) * 100 : value;
	return tal(v, decimals, unit);
}

/** The value of one ECharts tooltip item: the y of [x, y] (the x of a horizontal chart) or the value itself. */
function punktvarde(p, horisontell) {
	const tal = (v) => (v === null || v === undefined || v === '' || Number.isNaN(Number(v)) ? null : Number(v));
	if (!Array.isArray(p.value)) return tal(p.value);
	// [x, y], or [y, x] in a horizontal chart; a category is text, so the other element is the value
	const [forst, sedan] = horisontell ? [0, 1] : [1, 0];
	const v = p.value[forst];
	return typeof v === 'string' && tal(v) === null ? tal(p.value[sedan]) : tal(v);
}

/** ECharts options that print axis labels and tooltips in Swedish form (decimal comma, space as thousands
 *  separator; a missing value in a tooltip is "–"). `serienamn`: the tooltip's name of a chart's only series (Evidence
 *  would show the column's name). */
export function svAxlar(decimals = 0, horisontell = false, serienamn = null) {
	const formatter = (v) => (typeof v === 'number' ? nf(decimals).format(v) : v);
	const axis = { axisLabel: { formatter } };
	const tooltip = {
		formatter: (params) => {
			const items = (Array.isArray(params) ? params : [params]).filter((p) => p.seriesType !== 'custom');
			const head = items[0]?.axisValueLabel ?? items[0]?.name ?? '';
			const rows = items.map((p) => {
				const v = punktvarde(p, horisontell);
				return `${p.marker ?? ''} ${serienamn ?? p.seriesName}: <b>${v === null ? SAKNAS : nf(decimals).format(v)}</b>`;
			});
			return [head, ...rows].join('<br/>');
		}
	};
	return horisontell ? { xAxis: axis, tooltip } : { yAxis: axis, tooltip };
}

/** Why a chart has nothing to draw, in words, or null when it has something: no rows at all ("no data"), or rows
 *  whose values are all hidden because too few persons are behind them (`dold`, e.g. is_undertryckt, true on a row
 *  or the value empty). A hidden value and a missing one read differently. */
export function tomtDiagram(rader, y, dold = 'is_undertryckt', inga = undefined) {
	const kolumner = Array.isArray(y) ? y : [y];
	const rows = Array.from(rader ?? []);
	if (rows.length === 0) return inga ?? 'Inga uppgifter har levererats för perioden – diagrammet har inget att visa.';
	const finns = (r) => kolumner.some((k) => r[k] !== null && r[k] !== undefined && !Number.isNaN(Number(r[k])));
	if (rows.some(finns)) return null;
	if (rows.some((r) => r[dold] === true) || rows.every((r) => !(dold in r))) {
		return 'Alla värden i diagrammet är dolda: varje värde bygger på för få personer och visas inte, för att ingen ' +
			'enskild ska kunna urskiljas.';
	}
	return 'Inga värden har beräknats för perioden – diagrammet har inget att visa.';
}

/** How many of the chart's values are hidden (null where rows exist), for the sentence under a partly hidden chart. */
export function antalDolda(rader, y, dold = 'is_undertryckt') {
	const kolumner = Array.isArray(y) ? y : [y];
	let n = 0;
	for (const r of Array.from(rader ?? [])) {
		if (dold in r) n += r[dold] === true ? 1 : 0;
		else for (const k of kolumner) if (r[k] === null || r[k] === undefined) n++;
	}
	return n;
}

/** Month and year in Swedish for a chart's axis ("jan 2024"); DuckDB's strftime has English names only. */
export const MANADER = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** A cell as it goes into a CSV file for Swedish Excel: numbers with decimal comma and no thousands separator,
 *  dates as YYYY-MM-DD, text quoted when it holds a semicolon, a quote or a line break; a missing value is empty. */
export function csvCell(value) {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'boolean') return value ? 'ja' : 'nej';
	if (typeof value === 'number' || typeof value === 'bigint') return String(value).replace('.', ',');
	const text = String(value);
	return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The rows as CSV for Swedish Excel: a byte-order mark (so Excel reads UTF-8 and å/ä/ö), semicolon between
 *  fields, decimal comma, CRLF line ends, the headings as the table shows them. kolumner: [[column, heading], ...]. */
export function csv(rader, kolumner) {
	const lines = [kolumner.map((k) => csvCell(k[1])).join(';')];
	for (const r of Array.from(rader ?? [])) lines.push(kolumner.map((k) => csvCell(r[k[0]])).join(';'));
	return '\ufeff' + lines.join('\r\n') + '\r\n';
}

/** A Svelte action-free helper for components: follows an Evidence query (a Query is a store, and a .where() of it
 *  loads only when asked) and calls `satt(rows, loaded)` whenever it changes; returns the unsubscribe function.
 *  A plain array is taken as loaded. */
export function folj(data, satt) {
	if (!data?.subscribe) {
		satt(Array.from(data ?? []), true);
		return () => {};
	}
	const uppdatera = () => satt(data.dataLoaded ? Array.from(data) : [], data.dataLoaded);
	const stop = data.subscribe(uppdatera);
	if (!data.dataLoaded) Promise.resolve(data.fetch?.()).then(uppdatera, uppdatera);
	return stop;
}
