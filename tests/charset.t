#!/bin/sh
# fetch's encoding sniffing and decoding (lib/charset.c) through
# charset-test: the WHATWG Encoding Standard's label table and nothing
# else (utf-7, utf-32 are no labels), HTML's rules for where a label was
# found, the decoders done without ICU, and output always UTF-8.
. "$(dirname "$0")/lib.sh"

ct=$bin/charset-test
plan 10
if [ ! -x "$ct" ]; then
	for i in 1 2 3 4 5 6 7 8 9 10; do
		skip "charset-test $i" "no $ct (make check builds it)"
	done
	done_testing
fi

# is WANT [-c TYPE | -e ENC] FILE: charset-test prints WANT (printf
# escapes) for FILE.
is() {
	printf "$1" >"$tmp/is.want"
	shift
	"$ct" "$@" >"$tmp/is.out" && same "$tmp/is.want" "$tmp/is.out"
}
body() {
	printf "$1" >"$tmp/body"
}

labels() {
	grep -v '^#' "$here/charset-labels" >"$tmp/labels.want" &&
	    cut -f1 "$tmp/labels.want" | "$ct" -l >"$tmp/labels.out" &&
	    same "$tmp/labels.want" "$tmp/labels.out"
}
check "all 228 labels of the Encoding Standard, each to its encoding" labels

variants() {
	"$ct" -l ' LATIN1' "$(printf '\tUtF-8\f\r\n ')" KOI8-R Shift_JIS \
	    'ISO-8859-8-I' >"$tmp/v.out" &&
	    printf '%s\n' ' LATIN1	windows-1252' \
	    "$(printf '\tUtF-8\f\r\n ')	UTF-8" 'KOI8-R	KOI8-R' \
	    'Shift_JIS	Shift_JIS' 'ISO-8859-8-I	ISO-8859-8-I' >"$tmp/v.want" &&
	    same "$tmp/v.want" "$tmp/v.out"
}
check "labels in any case, ASCII whitespace around them dropped" variants

# What ICU knows and browsers do not: no encoding, whatever the case.
not_labels() {
	"$ct" -l utf-7 UTF-7 csUnicode11UTF7 unicode-1-1-utf-7 utf-32 \
	    utf-32le UTF-32BE ucs-4 iso-10646-ucs-4 cesu-8 scsu bocu-1 \
	    ibm037 ebcdic-cp-us ibm420 iso-2022-jp-2 x-mac-japanese \
	    '"utf-8"' 'utf 8' 'utf-8;' '' ' ' 'windows-1252x' \
	    "$(printf 'utf-8\v')" >"$tmp/n.out" &&
	    test "$(cut -f2 "$tmp/n.out" | sort -u)" = "-" &&
	    test "$(wc -l <"$tmp/n.out")" -eq 24
}
check "utf-7, utf-32, EBCDIC and other ICU names are no labels" not_labels

# Issue 13: charset=utf-7 made "+ADw-script+AD4-" "<script>".  Passed
# over, the bytes are valid UTF-8 and stay as they are.
utf7() {
	body '+ADw-script+AD4-alert(1)+ADw-/script+AD4-' &&
	    is 'encoding UTF-8\n+ADw-script+AD4-alert(1)+ADw-/script+AD4-' \
	    -c 'text/html; charset=utf-7' "$tmp/body" &&
	    body '<meta charset="UTF-7">+ADw-script+AD4-' &&
	    is 'encoding UTF-8\n<meta charset="UTF-7">+ADw-script+AD4-' "$tmp/body" &&
	    body '<meta charset=utf-7><meta charset=koi8-r>\346' &&
	    is 'encoding KOI8-R\n<meta charset=utf-7><meta charset=koi8-r>Ф' \
	    -c 'text/html; charset=utf-32' "$tmp/body"
}
check "utf-7 and utf-32 are passed over: <script> stays +ADw-script+AD4-" \
    utf7

# UTF-16 without a byte order mark: little-endian when the header says
# utf-16 (ICU reads big-endian); UTF-8 when the document says it in
# ASCII; x-user-defined in the document is windows-1252.
utf16() {
	body '<\000p\000>\000' &&
	    is 'encoding UTF-16LE\n<p>' \
	    -c 'text/html; charset="utf-16"' "$tmp/body" &&
	    is 'encoding UTF-16BE\n\343\260\200\347\200\200\343\270\200' \
	    -c 'text/html;charset=UTF-16BE' "$tmp/body" &&
	    body '<meta charset="utf-16"><p>\303\251' &&
	    is 'encoding UTF-8\n<meta charset="utf-16"><p>\303\251' "$tmp/body" &&
	    body '<?xml version="1.0" encoding="UTF-16LE"?><p>\303\251' &&
	    is 'encoding UTF-8\n<?xml version="1.0" encoding="UTF-16LE"?><p>\303\251' "$tmp/body" &&
	    body '<meta charset=x-user-defined>\200' &&
	    is 'encoding windows-1252\n<meta charset=x-user-defined>\342\202\254' "$tmp/body" &&
	    body '\377\376<\000p\000' &&
	    is 'encoding UTF-16LE\n<p' \
	    -c 'text/html; charset=koi8-r' "$tmp/body"
}
check "utf-16 by the header, the document, and a byte order mark" utf16

# The decoders done here: replacement (ISO-2022-KR, HZ: one U+FFFD for
# the whole), x-user-defined (high bytes to U+F780..U+F7FF) and
# ISO-8859-16 (not in ICU's data).
own() {
	body '\033$)C\016!!\017 <script>' &&
	    is 'encoding replacement\n\357\277\275' \
	    -c 'text/html; charset=iso-2022-kr' "$tmp/body" &&
	    is 'encoding replacement\n\357\277\275' \
	    -c 'text/html; charset=HZ-GB-2312' "$tmp/body" &&
	    body '' && is 'encoding replacement\n' -e replacement "$tmp/body" &&
	    body 'a\200\377' &&
	    is 'encoding x-user-defined\na\357\236\200\357\237\277' \
	    -c 'text/html; charset=x-user-defined' "$tmp/body" &&
	    body 'A\241\244\252\272\336\376\377\237' &&
	    is 'encoding iso-8859-16\nA\304\204\342\202\254\310\230\310\231\310\232\310\233\303\277\302\237' \
	    -e iso-8859-16 "$tmp/body"
}
check "replacement, x-user-defined and ISO-8859-16, decoded here" own

# Every encoding's decoder opens and reads ASCII as ASCII (ICU's data
# lacks some converters: one missing here would be caught).
every() {
	grep -v '^#' "$here/charset-labels" | cut -f2 | sort -u |
	while read -r e; do
		case $e in
		UTF-16LE) body 'A\000' ;;
		UTF-16BE) body '\000A' ;;
		*) body 'A' ;;
		esac
		case $e in
		replacement) want='\357\277\275' ;;
		*) want=A ;;
		esac
		is "encoding $e\n$want" -e "$e" "$tmp/body" || return 1
	done
}
check "each of the 40 encodings decodes" every

# Bytes an encoding does not map are U+FFFD (ICU writes U+001A for
# some); gb18030 and GBK read 0x80 as the euro sign, as the Standard
# does.
errors() {
	body 'A\202' &&
	    is 'encoding shift_jis\nA\357\277\275' -e shift_jis "$tmp/body" &&
	    body 'A\377A' &&
	    is 'encoding euc-jp\nA\357\277\275A' -e euc-jp "$tmp/body" &&
	    body '\200A\377' &&
	    is 'encoding gbk\n\342\202\254A\357\277\275' -e gbk "$tmp/body" &&
	    is 'encoding gb18030\n\342\202\254A\357\277\275' \
	    -e gb18030 "$tmp/body" &&
	    body 'A\000\330' &&
	    is 'encoding utf-16le\nA\357\277\275' -e utf-16le "$tmp/body" &&
	    exit_is 1 "$ct" -e utf-7 "$tmp/body" &&
	    exit_is 1 "$ct" -e utf-32 "$tmp/body"
}
# exit_is STATUS COMMAND...
exit_is() {
	want=$1
	shift
	"$@" >/dev/null
	test $? -eq "$want"
}
check "unmapped bytes are U+FFFD; no decoder for what is no label" errors

# The detector: heard only without a label and for invalid UTF-8, and
# never for what it has no right to guess (UTF-32 and UTF-16 without a
# byte order mark, ISO-2022).
detector() {
	cat >"$tmp/ru" <<-'EOF'
	<html><head><title>Новости</title></head><body>
	<p>Вчера вечером в городе прошёл сильный дождь, и многие улицы
	оказались под водой.</p>
	<p>Жители соседних домов помогали друг другу убирать воду из подвалов
	и гаражей.</p>
	<p>Местные власти обещали выделить деньги на ремонт старой
	канализации уже этой осенью.</p>
	<p>По словам синоптиков, в ближайшие дни погода останется прохладной
	и ветреной.</p>
	<p>Школьники вернулись с каникул, а учителя готовят новые программы
	по истории.</p>
	<p>На рынке подешевели яблоки и картофель, но цены на мясо продолжают
	расти.</p>
	</body></html>
	EOF
	cat >"$tmp/fr" <<-'EOF'
	<html><head><title>Nouvelles</title></head><body>
	<p>Le café de la gare a rouvert après des mois de travaux: élèves et
	employés s'y retrouvent dès sept heures, à l'heure où l'été commence.</p>
	<p>Où déjeuner? Près du marché, une crêperie propose un menu à douze
	euros, boisson comprise, et la vue sur la rivière est très appréciée.</p>
	</body></html>
	EOF
	for e in ru:KOI8-R:KOI8-R ru:WINDOWS-1251:windows-1251 \
	    fr:UTF-32LE:windows-1252 fr:UTF-32BE:windows-1252 \
	    fr:UTF-16BE:windows-1252 fr:UTF-16LE:windows-1252; do
		from=${e#*:}
		iconv -f UTF-8 -t "${from%:*}" "$tmp/${e%%:*}" >"$tmp/body" &&
		    "$ct" "$tmp/body" | head -1 >"$tmp/d.out" &&
		    echo "encoding ${e##*:}" | same - "$tmp/d.out" || return 1
	done
}
if command -v iconv >/dev/null; then
	check "the detector: KOI8-R, windows-1251; UTF-32 and UTF-16 no" \
	    detector
else
	skip "the detector" "no iconv"
fi

# The table against another implementation of the Standard: node's
# TextDecoder, where it is installed (it knows no x-user-defined, nor
# ISO-8859-16, lacking in its ICU as in ours, and refuses replacement
# labels, as the Standard's API does).
node_agrees() {
	grep -v '^#' "$here/charset-labels" >"$tmp/l" &&
	    node -e '
const fs = require("fs");
let bad = 0;
for (const line of fs.readFileSync(process.argv[1], "utf8").split("\n")) {
	if (!line) continue;
	const [label, name] = line.split("\t");
	let got;
	try { got = new TextDecoder(label).encoding; }
	catch (e) { got = null; }
	const ok = got === null ? name === "replacement" ||
	    name === "x-user-defined" || name === "ISO-8859-16" :
	    got === name.toLowerCase();
	if (!ok) { console.log(label, name, got); bad = 1; }
}
for (const label of ["utf-7", "utf-32", "utf-32le", "cesu-8", "ucs-4"])
	try { new TextDecoder(label); console.log("knows", label); bad = 1; }
	catch (e) {}
process.exit(bad);' "$tmp/l"
}
if command -v node >/dev/null; then
	check "node's TextDecoder reads each label as the table does" node_agrees
else
	skip "node's TextDecoder reads each label as the table does" "no node"
fi
done_testing
