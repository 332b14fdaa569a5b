# tag: build lines (included by the top Makefile).
#
# tag finds dates (tag/dates.c, see tag/dates.mk) and entities: tok.c
# cuts text into tokens, gaz.c holds the gazetteer, features.c is what
# the model sees (shared with the trainer), ner.c puts them together.
# tag-train trains the model; make model rebuilds tag/data/places-bd.tsv
# and tag/data/ner.model from ../shared, the same bytes from the same
# data.
TAG_NER = tag/ner.c tag/gaz.c tag/tok.c tag/features.c
PROGS += tag
tag_SRCS = tag/tag.c $(DATES_SRCS) $(TAG_NER)
tag_PKGS = icu-uc icu-i18n
TOOLS += tag-train
tag-train_SRCS = tag/train.c tag/gaz.c tag/tok.c tag/features.c
tag-train_PKGS = icu-uc
FUZZ_TARGETS += entities
entities_FUZZ_LINK = $(TAG_NER) fuzz/valid.c
entities_FUZZ_PKGS = icu-uc

TAG_SHARED = ../shared/data
TAG_NER_DATA = $(TAG_SHARED)/ner/rifat1493/train.txt
TAG_GAZ = -g tag/data/gazetteer.tsv -g tag/data/places-bd.tsv

model: build/opt/bin/tag-train
	tag/mkplaces.sh $(TAG_SHARED)/gazetteer/bangladesh-geocode \
	    $(TAG_SHARED)/ner/rifat1493/train.txt \
	    > tag/data/places-bd.tsv.new
	mv tag/data/places-bd.tsv.new tag/data/places-bd.tsv
	build/opt/bin/tag-train $(TAG_GAZ) -m 2 -o tag/data/ner.model.new \
	    $(TAG_NER_DATA)
	mv tag/data/ner.model.new tag/data/ner.model

# NER cross-validation on the Rifat1493 training data (bench/tag-eval.sh)
tag-cv: build/opt/bin/tag-train
	build/opt/bin/tag-train $(TAG_GAZ) -m 2 -k 5 $(TAG_NER_DATA)

.PHONY: model tag-cv
