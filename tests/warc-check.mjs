// warc-check.mjs FILE.warc.gz: read a WARC file back with warcio.js
// (webrecorder), a reader khobor did not write, and check it the way
// archive tools use it.  Prints "TYPE CONTENT-TYPE" for each record, and
// "warc-check: ..." for each problem; exits 1 if there was one.
// Needs warcio in tests/node_modules (npm install --prefix tests warcio).
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { WARCParser } from "warcio";

const file = process.argv[2];
const data = readFileSync(file);
let bad = 0;
const fail = (msg) => { bad++; console.log(`warc-check: ${msg}`); };
console.warn = (msg) => fail(`warcio: ${msg}`);	// "Content-Length Too Small"

// base32 (RFC 4648) written here, not taken from khobor or warcio.
function base32(buf) {
	const abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	let out = "", acc = 0, bits = 0;
	for (const b of buf) {
		acc = (acc << 8 | b) & 0xfff;
		for (bits += 8; bits >= 5; bits -= 5)
			out += abc[(acc >> (bits - 5)) & 31];
	}
	return out;
}
const sha1 = (b) => "sha1:" + base32(createHash("sha1").update(b).digest());
const uuid = /^<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}>$/;
const date = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

// Pass 1: WARC headers and whole blocks.
const ids = new Map(), starts = [];
let n = 0;
const raw = new WARCParser([data], { parseHttp: false });
for await (const rec of raw) {
	const h = (k) => rec.warcHeader(k);
	const block = await rec.readFully(false);
	const where = `record ${++n} (${rec.warcType})`;
	console.log(`${rec.warcType} ${h("Content-Type")}`);
	if (rec.warcHeaders.protocol !== "WARC/1.1")
		fail(`${where}: version ${rec.warcHeaders.protocol}`);
	if (!uuid.test(h("WARC-Record-ID")) || ids.has(h("WARC-Record-ID")))
		fail(`${where}: bad or repeated id ${h("WARC-Record-ID")}`);
	ids.set(h("WARC-Record-ID"), rec.warcType);
	if (!date.test(h("WARC-Date")))
		fail(`${where}: WARC-Date ${h("WARC-Date")}`);
	if (rec.warcType !== "warcinfo" && !h("WARC-Target-URI"))
		fail(`${where}: no WARC-Target-URI`);
	if (block.length !== rec.warcContentLength)
		fail(`${where}: ${block.length} bytes, Content-Length ${rec.warcContentLength}`);
	if (sha1(block) !== rec.warcBlockDigest)
		fail(`${where}: block digest ${rec.warcBlockDigest}, computed ${sha1(block)}`);
	const ref = h("WARC-Refers-To");
	if (ref && !["response", "resource"].includes(ids.get(ref)))
		fail(`${where}: WARC-Refers-To ${ref} is not an earlier response or resource`);
	if (rec.warcType === "metadata")
		try { JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(block)); }
		catch (e) { fail(`${where}: not JSON: ${e.message}`); }
	starts.push(raw.offset);
}

// One gzip member a record: from where warcio found each record to where
// the next starts, the bytes inflate on their own to one whole record.
starts.push(data.length);
for (let i = 0; i + 1 < starts.length; i++) {
	let text;
	try { text = gunzipSync(data.subarray(starts[i], starts[i + 1])).toString("latin1"); }
	catch (e) { fail(`record ${i + 1}: its bytes do not inflate alone: ${e.message}`); continue; }
	if (!text.startsWith("WARC/1.1\r\n") || !text.endsWith("\r\n\r\n") ||
	    text.indexOf("\r\nWARC/1.1\r\nWARC-Type:") >= 0)
		fail(`record ${i + 1}: its gzip member is not one WARC record`);
}

// Pass 2: warcio parses the HTTP header of each response; the payload
// digest is over what follows it.
for await (const rec of new WARCParser([data])) {
	if (rec.warcType !== "response")
		continue;
	const body = await rec.readFully(false);
	const http = rec.httpHeaders;
	const len = http.headers.get("Content-Length");
	if (!/^HTTP\/1\.1 [1-5]\d\d\b/.test(http.statusline))
		fail(`response ${rec.warcTargetURI}: status line ${http.statusline}`);
	if (len !== null && Number(len) !== body.length)
		fail(`response ${rec.warcTargetURI}: body ${body.length} bytes, Content-Length ${len}`);
	if (sha1(body) !== rec.warcPayloadDigest)
		fail(`response ${rec.warcTargetURI}: payload digest ${rec.warcPayloadDigest}, computed ${sha1(body)}`);
}
process.exit(bad ? 1 : 0);
