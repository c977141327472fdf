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

/** ECharts options that print axis labels and tooltips in Swedish form. */
export function svAxlar(decimals = 0, horisontell = false) {
	const formatter = (v) => (typeof v === 'number' ? nf(decimals).format(v) : v);
	const axis = { axisLabel: { formatter } };
	return horisontell ? { xAxis: axis } : { yAxis: axis };
}
