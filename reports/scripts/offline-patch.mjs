#!/usr/bin/env node
/**
 * Offline fix for Evidence 40.1.8 (run by `npm ci` / `npm install` as the postinstall script).
 *
 * Why: Evidence stores each source query's result as a parquet file and reads it back with DuckDB-WASM's
 * read_parquet(), in `npm run sources` (build-parquet.js merges the batches), in the build's prerender
 * (client-duckdb/node.js) and in the browser (client-duckdb/browser.js). DuckDB-WASM 1.32, which Evidence bundles,
 * has no parquet built in: it downloads the parquet extension from extensions.duckdb.org, so without internet
 * (and on municipal networks that block such downloads) `sources` and `build` hang and the page shows no data.
 *
 * The fix: write each result as an Arrow IPC stream instead (Arrow is built into DuckDB-WASM) and load it with
 * insertArrowFromIPCStream() into a table of the same name. The files keep Evidence's names (`<table>.parquet`),
 * because the manifest, the dev server and the static-asset copy all key on that suffix; their content is Arrow IPC.
 *
 * The same mechanism puts Evidence's own interface texts into Swedish (the texts of @evidence-dev/core-components that
 * the layout's options cannot change: "On this page", the chart menu's "Download Data"/"Save Image", "Print PDF",
 * "Loading...", the screen-reader labels) and makes a chart's "Ladda ner data" write CSV for Swedish Excel (semicolon,
 * decimal comma, BOM). The layout's options do the rest (pages/+layout.svelte: homePageName, builtWithEvidence ...).
 *
 * Version-guarded: the patch is written against exactly the versions below and the exact text it replaces. Any
 * other version, or text that differs, stops the install with an error, so an upgrade cannot silently leave the
 * site depending on the internet. Running it twice is harmless (already patched files are recognised).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MARK = 'kommunanalys offline patch';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const EXPECTED = {
	'@evidence-dev/evidence': '40.1.8',
	'@evidence-dev/universal-sql': '3.0.1',
	'@duckdb/duckdb-wasm': '1.32.0',
	'@evidence-dev/core-components': '5.4.2'
};

function fail(message) {
	console.error(`\n*** ${MARK}: REFUSED ***\n${message}\n` +
		'The offline fix (reports/scripts/offline-patch.mjs, README "The report") is written for the exact versions\n' +
		`${Object.entries(EXPECTED).map(([k, v]) => `${k}@${v}`).join(', ')}. Install with \`npm ci\` (the lockfile), or\n` +
		'port the patch to the new version and update EXPECTED.\n');
	process.exit(1);
}

/** The folder of package `name` as Node resolves it from `from` (node_modules of `from` and its parents). */
function packageDir(name, from = root) {
	for (let dir = from; ; dir = path.dirname(dir)) {
		const candidate = path.join(dir, 'node_modules', name);
		if (existsSync(path.join(candidate, 'package.json'))) return candidate;
		if (path.dirname(dir) === dir) fail(`${name} is not installed (looked from ${from} upwards).`);
	}
}

const universal = packageDir('@evidence-dev/universal-sql', packageDir('@evidence-dev/evidence'));
const dirs = {
	'@evidence-dev/evidence': packageDir('@evidence-dev/evidence'),
	'@evidence-dev/universal-sql': universal,
	'@duckdb/duckdb-wasm': packageDir('@duckdb/duckdb-wasm', universal),
	'@evidence-dev/core-components': packageDir('@evidence-dev/core-components')
};
for (const [name, version] of Object.entries(EXPECTED)) {
	const found = JSON.parse(readFileSync(path.join(dirs[name], 'package.json'), 'utf-8')).version;
	if (found !== version) fail(`${name} is ${found}, the patch expects ${version}.`);
}

/** [file relative to universal-sql (or to the package named first), [[original text, replacement], ...]] */
const PATCHES = [
	['src/build-parquet.js', [
		[
			`	TimestampMillisecond
} from 'apache-arrow';`,
			`	TimestampMillisecond,
	tableFromIPC
} from 'apache-arrow'; // ${MARK}: tableFromIPC`
		],
		[
			`		const writerProperties = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();
		// Converts the arrow buffer to a parquet buffer
		// This can be slow; it includes the compression step

		const parquetBuffer = writeParquet(Table.fromIPCStream(IPC), writerProperties);`,
			`		// ${MARK}: keep the Arrow IPC stream; no parquet (DuckDB-WASM would download its extension)
		const parquetBuffer = IPC;`
		],
		[
			`	await initDB();

	const outputFilepath = path.join(outDir, outputFilename);

	const parquetFiles = tmpFilenames.map((filename) => \`'\${filename.replaceAll('\\\\', '/')}'\`);

	const select = \`SELECT * FROM read_parquet([\${parquetFiles.join(',')}])\`;
	const copy = \`COPY (\${select}) TO '\${outputFilepath}' (FORMAT 'PARQUET', CODEC 'ZSTD', USE_TMP_FILE false);\`;

	await fs.mkdir(path.dirname(outputFilepath), { recursive: true });
	await query(copy);`,
			`	// ${MARK}: merge the batches as Arrow (in JS), not with DuckDB's read_parquet/COPY
	const outputFilepath = path.join(outDir, outputFilename);
	const batches = [];
	for (const tmpFile of tmpFilenames) batches.push(tableFromIPC(await fs.readFile(tmpFile)));
	const merged = batches.length === 1 ? batches[0] : batches[0].concat(...batches.slice(1));
	await fs.mkdir(path.dirname(outputFilepath), { recursive: true });
	await fs.writeFile(outputFilepath + '.tmp', tableToIPC(merged, 'stream'));
	await fs.rename(outputFilepath + '.tmp', outputFilepath);`
		],
		[
			`	await emptyDbFs('*');

	fn_done();`,
			`	// ${MARK}: no DuckDB was opened, nothing to empty

	fn_done();`
		]
	]],
	['src/client-duckdb/node.js', [
		[
			`import { createRequire } from 'module';`,
			`import { createRequire } from 'module';
import { readFileSync } from 'fs'; // ${MARK}`
		],
		[
			`			db.registerFileURL(
				file_name,
				url.split(pathDelimiterRegex).join(path.sep),
				DuckDBDataProtocol.NODE_FS,
				false
			);
			connection.query(
				\`CREATE OR REPLACE VIEW "\${source}"."\${table}" AS (SELECT * FROM read_parquet('\${file_name}'));\`
			);`,
			`			// ${MARK}: the file is an Arrow IPC stream; load it into a table (no parquet extension)
			const ipc = readFileSync(url.split(pathDelimiterRegex).join(path.sep));
			connection.query(\`DROP TABLE IF EXISTS "\${source}"."\${table}";\`);
			connection.insertArrowFromIPCStream(new Uint8Array(ipc), { schema: source, name: table });`
		]
	]],
	['src/client-duckdb/browser.js', [
		[
			`				await db.registerFileURL(file_name, addBasePath(path), DuckDBDataProtocol.HTTP, false);
				await connection.query(
					\`CREATE OR REPLACE VIEW "\${source}"."\${table}" AS (SELECT * FROM read_parquet('\${file_name}'));\`
				);`,
			`				// ${MARK}: the file is an Arrow IPC stream; load it into a table (no parquet extension)
				const res = await fetch(addBasePath(path));
				if (!res.ok) throw new Error(\`\${path}: HTTP \${res.status}\`);
				const ipc = new Uint8Array(await res.arrayBuffer());
				await connection.query(\`DROP TABLE IF EXISTS "\${source}"."\${table}";\`);
				await connection.insertArrowFromIPCStream(ipc, { schema: source, name: table });`
		]
	]]
];

const SV = 'kommunanalys svensk patch';
const CORE = '@evidence-dev/core-components';
/** Evidence's interface texts in Swedish: [package, file, [[original, replacement], ...]] */
const SWEDISH = [
	['@evidence-dev/evidence', 'template/src/app.html', [['<html lang="en">', '<html lang="sv">']]],
	[CORE, 'dist/organisms/layout/tableofcontents/ContentsList.svelte', [
		['\t\tOn this page\n', `\t\tPå den här sidan<!-- ${SV} -->\n`]
	]],
	[CORE, 'dist/unsorted/viz/core/ECharts.svelte', [
		['text="Save Image"', 'text="Spara bild"'],
		['text="Download Data"', 'text="Ladda ner data"']
	]],
	[CORE, 'dist/unsorted/ui/DownloadData.svelte', [
		[`	export let text = 'Download';`, `	export let text = 'Ladda ner'; // ${SV}`],
		[`			fieldSeparator: ',',
			quoteStrings: '"',
			decimalSeparator: '.',`, `			fieldSeparator: ';', // ${SV}: CSV for Swedish Excel
			quoteStrings: '"',
			decimalSeparator: ',',`]
	]],
	[CORE, 'dist/organisms/layout/header/KebabMenu.svelte', [
		['aria-label="Menu"', 'aria-label="Meny"'],
		['\t\t\t\tPrint PDF\n', '\t\t\t\tSkriv ut (PDF)\n'],
		[`{$showQueries ? 'Hide ' : 'Show '} Queries`, `{$showQueries ? 'Dölj frågorna' : 'Visa frågorna'}`],
		['\t\t\t\t\tAppearance\n', '\t\t\t\t\tUtseende\n']
	]],
	[CORE, 'dist/organisms/layout/header/Header.svelte', [
		['<span class="sr-only">Close sidebar</span>', '<span class="sr-only">Stäng menyn</span>'],
		['<span class="sr-only">Open sidebar</span>', '<span class="sr-only">Öppna menyn</span>']
	]],
	[CORE, 'dist/organisms/layout/misc/LoadingSkeleton.svelte', [
		['<span class="sr-only">Loading...</span>', '<span class="sr-only">Laddar …</span>']
	]],
	[CORE, 'dist/unsorted/viz/core/EmptyChart.svelte', [
		[`export let emptyMessage = 'No Records';`, `export let emptyMessage = 'Inga uppgifter';`]
	]],
	[CORE, 'dist/organisms/layout/BreadCrumbs.svelte', [
		[`const crumbs = [{ href: '/', title: 'Home' }];`, `const crumbs = [{ href: '/', title: 'Start' }];`],
		[`path.title = 'Home';`, `path.title = 'Start';`]
	]]
];

let changed = 0;
const all = [...PATCHES.map(([relative, replacements]) => [universal, relative, replacements]),
	...SWEDISH.map(([name, relative, replacements]) => [dirs[name], relative, replacements])];
for (const [base, relative, replacements] of all) {
	const file = path.join(base, relative);
	let text = readFileSync(file, 'utf-8');
	let fileChanged = false;
	for (const [original, replacement] of replacements) {
		if (text.includes(replacement)) continue; // already patched
		const count = text.split(original).length - 1;
		if (count !== 1) fail(`${file}: the text to replace was found ${count} times (expected once):\n${original}`);
		text = text.replace(original, () => replacement);
		fileChanged = true;
	}
	if (fileChanged) {
		writeFileSync(file, text);
		changed++;
	}
}
console.log(`${MARK}: ${changed ? `patched ${changed} file(s)` : 'already applied'} in ${universal} and ${dirs[CORE]} ` +
	'(sources and the browser load Arrow IPC, nothing is downloaded; Evidence\'s interface texts in Swedish)');
