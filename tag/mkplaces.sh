#!/bin/sh
# mkplaces.sh GEODIR NERFILE: Bangladesh's divisions, districts and
# upazilas from the bangladesh-geocode CSV files in GEODIR as gazetteer
# lines (Bengali name, LOC, English name; the English name too),
# sorted, so that make model gives the same file from the same data.
# An upazila's Bengali name that the NER training data NERFILE (token<TAB>label)
# has more often outside a name than in one, twice at least, is a common
# word (বন্দর, port; তালা, lock) and is left out.
set -eu
dir=$1
ner=$2
{
	# divisions: id, name, bn_name, url
	awk -F'","' '{ print $3 "\t" $2 "\t" 1 }' "$dir/divisions.csv"
	# districts, upazilas: id, parent, name, bn_name, ...
	awk -F'","' '{ print $4 "\t" $3 "\t" 1 }' "$dir/districts.csv"
	awk -F'","' '{ print $4 "\t" $3 "\t" 0 }' "$dir/upazilas.csv"
} | tr -d '"\r' | awk -F'\t' '
NR == FNR {
	sub(/^\357\273\277/, "")
	if ($2 == "O" || $2 == "B-TIM" || $2 == "I-TIM")
		out[$1]++
	else if ($2 != "")
		in_[$1]++
	next
}
$1 != "" && $2 != "" {
	if (!$3 && out[$1] >= 2 && out[$1] > in_[$1] + 0)
		next
	print $1 "\tLOC\t" $2
	print $2 "\tLOC\t" $2
}' "$ner" - | LC_ALL=C sort -u
