// run.js FILE: Readability.js over each record's html of a JSON Lines
// file; writes {"id", "url", "text", "title", "author", "published"}
// lines (its textContent, title, byline and publishedTime).  The anchor
// of bench/clean.sh and bench/clean-eval.sh.
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
		const o = { id: r.id, url: r.url, text: '' };
		try {
			const dom = new JSDOM(r.html || '', { url: r.url, virtualConsole: vc });
			const a = new Readability(dom.window.document).parse();
			if (a) {
				o.text = a.textContent || '';
				o.title = a.title || undefined;
				o.author = a.byline || undefined;
				o.published = a.publishedTime || undefined;
			}
			dom.window.close();
		} catch (e) {
			o.text = '';
		}
		out.push(JSON.stringify(o));
	}
	process.stdout.write(out.join('\n') + '\n');
}
main();
