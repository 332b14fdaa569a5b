// run.js FILE: Readability.js over each record's html of a JSON Lines
// file; writes {"url", "text"} lines.  The anchor of bench/clean.sh.
'use strict';
const fs = require('fs');
const readline = require('readline');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

async function main() {
	const rl = readline.createInterface({
		input: fs.createReadStream(process.argv[2]),
		crlfDelay: Infinity
	});
	const vc = new VirtualConsole();	// keeps CSS errors quiet
	const out = [];
	for await (const line of rl) {
		if (!line.trim())
			continue;
		const r = JSON.parse(line);
		let text = '';
		try {
			const dom = new JSDOM(r.html || '', { url: r.url, virtualConsole: vc });
			const a = new Readability(dom.window.document).parse();
			text = a && a.textContent ? a.textContent : '';
			dom.window.close();
		} catch (e) {
			text = '';
		}
		out.push(JSON.stringify({ id: r.id, url: r.url, text: text }));
	}
	process.stdout.write(out.join('\n') + '\n');
}
main();
