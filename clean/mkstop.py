#!/usr/bin/env python3
"""mkstop.py: make clean/stopwords.h, the stop words of text_stop_density().

usage: clean/mkstop.py SHARED > clean/stopwords.h

Bengali: the most frequent tokens of the NER training text
(SHARED/data/ner/rifat1493/train.txt and banglakit/main.jsonl) that are
tagged O nearly always, carry no digits or Latin letters, and are not in
REVIEWED_OUT: content words (elections, money, cases, ...) that are
frequent in news but say nothing about whether a line is running prose.
English: a fixed list.  The output is deterministic: the same input
gives the same bytes.  The table is an open-addressing hash (FNV-1a over
the UTF-8 bytes, linear probing) so the C side needs no setup.
"""
import json
import sys
import unicodedata
from collections import Counter

TOP = 700		# candidates looked at, by frequency
KEEP = 260		# Bengali words kept
STRIP = "।॥,;:!?‘’“”\"'()[]{}-–—.…/%"

# Reviewed by hand: frequent in the NER text, but content, not function.
REVIEWED_OUT = set("""
নতুন রাজনৈতিক হাজার নির্বাচন কোটি টাকা শতাংশ প্রধান কাজ অভিযোগ লাখ
মামলা কর্মকর্তা সাবেক সম্পাদক নেতা প্রার্থী এলাকায় সভাপতি ঘটনা ঘটনায়
মানুষের মানুষ আটক নির্বাচনী দশমিক দাবি নাম তথ্য কর্মসূচি আগুন ঘোষণা লাশ
আহত সদস্য শিকার উদ্ধার গ্রেপ্তার সিদ্ধান্ত পরিবারের আলোচনা পরিস্থিতি
নির্বাচনে হার টাকার হামলা নিহত দাম বেড়েছে অনুষ্ঠানে শুভ আসনে হত্যা মাঠে
ঋণ রপ্তানি রান পরিচালক ভোট ম্যাচ ছেলে নির্বাচনের বক্তব্য দলীয় আয়ের বাবা
অর্থনৈতিক দায়িত্ব পালন অবরোধ আয়োজন প্রধানমন্ত্রী প্রতিবেদন রেকর্ড প্রতিনিধি
নির্বাহী সভায় মামলার হামলার জমা জীবন খবর সেঞ্চুরি আদালতে ব্যয় আসামি আয়
প্রেসিডেন্ট আদায় সাংসদ সাংবাদিক খাতে বিনিয়োগ নৃত্য স্ত্রী বিজ্ঞপ্তি
নেতা-কর্মীরা ক্ষমতার বাহিনীর সহিংসতার দুর্বৃত্তরা রাজনীতির অভিযান বিদায়ী
খেলা অর্থনীতির বিবরণী উইকেট কর্মী পদে নির্বাচিত নারী বিচার সহিংসতা বই টেস্ট
ভারপ্রাপ্ত ব্যবস্থাপনা গ্রামে প্রেমের নৌকা সংবাদ মৃত্যু পুলিশ সরকার সরকারের
দল দলের আওয়ামী লীগ বিএনপি ব্যাংক ব্যাংকের শিক্ষার্থী শিক্ষার্থীদের বিদ্যুৎ
চিকিৎসা হাসপাতালে স্কুল বিদ্যালয় ছাত্র ছাত্রী পরীক্ষা কমিশন কমিশনের মন্ত্রী
ব্যবসায়ী বাজারে বাজার সড়ক সড়কে মোটরসাইকেল ট্রাক বাস গাড়ি কৃষক ধান
""".split())

# Spellings and function words the NER text has too rarely to rank.
EXTRA_BN = """
আরো কোন কোনও কেন কীভাবে কেমন যেখানে যেন যাতে যিনি যারা যাঁরা যাদের যাঁদের
তিনিও তাঁরাও এ এটাই ওরা ওদের তাও তবু তবুও অথবা নাকি বরং কিনা হয়তো একটা
উনি ওনার আপনি আপনার তুমি তোমার তোর আমিও আমরাও সে তাকে তাহলে নাহলে
""".split()

EN = """
a about above after again against all also am an and any are as at be
because been before being below between both but by can could did do does
doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just me more
most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their
theirs them themselves then there these they this those through to too
under until up very was we were what when where which while who whom why
will with would you your yours yourself yourselves said says say according
told its it's he's she's they're we're there's that's don't didn't doesn't
isn't wasn't weren't won't can't couldn't shouldn't wouldn't hasn't haven't
hadn't also however although though since whether yet still even may might
must shall us them many much per via upon among amid within without
""".split()


def clean(w):
	w = unicodedata.normalize("NFC", w.strip(STRIP))
	return w


def bengali(shared):
	freq, outside = Counter(), Counter()
	path = shared + "/data/ner/rifat1493/train.txt"
	with open(path, encoding="utf-8-sig") as f:
		for line in f:
			parts = line.rstrip("\n").split("\t")
			if len(parts) != 2:
				continue
			w = clean(parts[0])
			if w:
				freq[w] += 1
				outside[w] += parts[1].strip() == "O"
	path = shared + "/data/ner/banglakit/main.jsonl"
	with open(path, encoding="utf-8") as f:
		for line in f:
			sent, tags = json.loads(line)
			words = sent.split()
			if len(words) != len(tags):
				continue
			for w, t in zip(words, tags):
				w = clean(w)
				if w:
					freq[w] += 1
					outside[w] += t == "O"
	out = []
	# ties broken by the word, so the choice does not depend on order
	for w, n in sorted(freq.items(), key=lambda x: (-x[1], x[0]))[:TOP]:
		if outside[w] < 0.98 * n or w in REVIEWED_OUT:
			continue
		if any(c.isdigit() or c.isascii() for c in w):
			continue
		# letters and marks only: no joiners or stray symbols
		if any(unicodedata.category(c)[0] not in "LM" for c in w):
			continue
		if len(w) > 12:
			continue
		out.append(w)
		if len(out) == KEEP:
			break
	return out


def fnv(b):
	h = 2166136261
	for c in b:
		h = ((h ^ c) * 16777619) & 0xffffffff
	return h


def main():
	if len(sys.argv) != 2:
		sys.exit("usage: mkstop.py SHARED")
	words = bengali(sys.argv[1])
	words += [clean(w) for w in EXTRA_BN]
	words += [w.lower() for w in EN]
	seen, uniq = set(), []
	for w in words:
		if w and w not in seen:
			seen.add(w)
			uniq.append(w)
	size = 1
	while size < 3 * len(uniq):
		size *= 2
	table = [0] * size
	blob, offs = b"", []
	for w in uniq:
		b = w.encode()
		offs.append((len(blob), len(b)))
		blob += b
	for i, w in enumerate(uniq):
		h = fnv(w.encode()) & (size - 1)
		while table[h]:
			h = (h + 1) & (size - 1)
		table[h] = i + 1
	p = print
	p("/* stopwords.h: generated by clean/mkstop.py from ../shared/data/ner;")
	p(" * do not edit (make stopwords regenerates it). */")
	p("#define STOP_NWORDS %d" % len(uniq))
	p("#define STOP_TABLE_SIZE %d" % size)
	p("/* the words' UTF-8, one after another */")
	p("static const char stop_blob[] =")
	line = ""
	for w in uniq:
		esc = "".join("\\%03o" % c for c in w.encode()) if not w.isascii() \
		    else w.replace("\\", "\\\\").replace('"', '\\"')
		piece = '"%s"' % esc
		if len(line) + len(piece) > 70:
			p("\t" + line)
			line = ""
		line += piece
	p("\t" + line + ";")
	p("/* offset and length of each word in stop_blob */")
	p("static const struct { unsigned short off; unsigned char len; } "
	  "stop_words[STOP_NWORDS] = {")
	for i in range(0, len(offs), 6):
		p("\t" + " ".join("{%d, %d}," % o for o in offs[i:i + 6]))
	p("};")
	p("/* FNV-1a of the bytes, masked, probed linearly: word index + 1 */")
	p("static const unsigned short stop_table[STOP_TABLE_SIZE] = {")
	for i in range(0, size, 12):
		p("\t" + " ".join("%d," % t for t in table[i:i + 12]))
	p("};")
	p("/* the words, for reading: */")
	for i in range(0, len(uniq), 10):
		p("/* " + " ".join(uniq[i:i + 10]).replace("*/", "") + " */")


main()
