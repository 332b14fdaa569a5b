# store-lib.sh: what the store tests that kill store share (sourced
# after lib.sh).

# ztest ARCHIVE: zstd -t on its data files, with its dictionary if it
# has one; no data file yet is fine.
ztest() {
	set -- "$1" "$1"/*.zst
	[ -e "$2" ] || return 0
	if [ -e "$1/khobor.dict" ]; then
		zstd -t -q -D "$1/khobor.dict" "$1"/*.zst
	else
		zstd -t -q "$1"/*.zst
	fi
}

# whole_lines FILE: its lines but a last one cut short (by a kill): such
# a line is no acknowledgment.
whole_lines() {
	if [ -s "$1" ] && [ "$(tail -c 1 "$1" | od -An -tx1 | tr -d ' ')" != 0a ]; then
		sed '$d' "$1"
	else
		cat "$1"
	fi
}
