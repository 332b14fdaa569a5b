# tag: build lines (included by the top Makefile).
#
# tag finds dates (tag/dates.c, see tag/dates.mk) and entities: tok.c
# cuts text into tokens, gaz.c holds the gazetteer, features.c is what
# the model sees (shared with the trainer), ner.c puts them together.
# tag-train trains the model, tag-clusters the word classes it sees.
# make model rebuilds tag/data/places-bd.tsv, places-world.tsv,
# translit.tsv and ner.model from ../shared and Debian's CLDR data, the
# same bytes from the same data.
TAG_NER = tag/ner.c tag/gaz.c tag/lex.c tag/tok.c tag/features.c \
	tag/translit.c
PROGS += tag
tag_SRCS = tag/tag.c $(DATES_SRCS) $(TAG_NER)
tag_PKGS = icu-uc icu-i18n
TOOLS += tag-train
tag-train_SRCS = tag/train.c tag/gaz.c tag/lex.c tag/tok.c tag/features.c \
	tag/translit.c
tag-train_PKGS = icu-uc
TOOLS += tag-clusters
tag-clusters_SRCS = tag/clusters.c tag/tok.c
tag-clusters_PKGS = icu-uc
FUZZ_TARGETS += entities
entities_FUZZ_LINK = $(TAG_NER) fuzz/valid.c
entities_FUZZ_PKGS = icu-uc

TAG_SHARED = ../shared/data
TAG_CLDR = /usr/share/unicode/cldr/common
# The training and held-out parts of each source (tag/nerdata.py), and
# the text the word clusters are learned from.
TAG_NERDIR = build/ner
TAG_BN = $(TAG_NERDIR)/rifat.train $(TAG_NERDIR)/neonp.train
TAG_EN = $(TAG_NERDIR)/btc.train $(TAG_NERDIR)/wikigold.train \
	$(TAG_NERDIR)/uner.train
TAG_GAZ = -g tag/data/gazetteer.tsv -g tag/data/places-bd.tsv \
	-g tag/data/places-world.tsv
TAG_TRAIN = build/opt/bin/tag-train $(TAG_GAZ) -m 2

TAG_CLUSTERS = build/opt/bin/tag-clusters -c 256
# English knows the names of the Bengali news too, in Latin letters
TAG_EN_OPTS = -l en -c $(TAG_NERDIR)/en.clusters -r $(TAG_NERDIR)/bn.model \
	-T tag/data/translit.tsv

$(TAG_NERDIR)/stamp: tag/nerdata.py tag/data/places-world.tsv
	python3 tag/nerdata.py $(TAG_SHARED) tag/data/places-world.tsv \
	    $(TAG_NERDIR)
	touch $@
$(TAG_NERDIR)/bn.clusters: $(TAG_NERDIR)/stamp build/opt/bin/tag-clusters
	$(TAG_CLUSTERS) $(TAG_NERDIR)/bn.text > $@.new
	mv $@.new $@
$(TAG_NERDIR)/en.clusters: $(TAG_NERDIR)/stamp build/opt/bin/tag-clusters
	$(TAG_CLUSTERS) -l $(TAG_NERDIR)/en.text > $@.new
	mv $@.new $@
$(TAG_NERDIR)/bn.model: $(TAG_NERDIR)/bn.clusters build/opt/bin/tag-train
	$(TAG_TRAIN) -l bn -c $(TAG_NERDIR)/bn.clusters -o $@ $(TAG_BN)
$(TAG_NERDIR)/en.model: $(TAG_NERDIR)/en.clusters $(TAG_NERDIR)/bn.model \
    tag/data/translit.tsv build/opt/bin/tag-train
	$(TAG_TRAIN) $(TAG_EN_OPTS) -o $@ $(TAG_EN)

# Everything anew, whatever is there already.
model: build/opt/bin/tag-train build/opt/bin/tag-clusters
	scripts/deps.sh model
	python3 tag/mkcldr.py $(TAG_CLDR) > tag/data/places-world.tsv.new
	mv tag/data/places-world.tsv.new tag/data/places-world.tsv
	rm -f $(TAG_NERDIR)/stamp $(TAG_NERDIR)/*.model
	$(MAKE) $(TAG_NERDIR)/bn.clusters $(TAG_NERDIR)/en.clusters
	tag/mkplaces.sh $(TAG_SHARED)/gazetteer/bangladesh-geocode \
	    $(TAG_NERDIR)/rifat.train > tag/data/places-bd.tsv.new
	mv tag/data/places-bd.tsv.new tag/data/places-bd.tsv
	python3 tag/mktranslit.py \
	    $(TAG_SHARED)/corpus/dakshina-bn/bn.translit.sampled.train.tsv \
	    $(TAG_EN) > tag/data/translit.tsv.new
	mv tag/data/translit.tsv.new tag/data/translit.tsv
	$(MAKE) $(TAG_NERDIR)/bn.model $(TAG_NERDIR)/en.model
	cat $(TAG_NERDIR)/bn.model $(TAG_NERDIR)/en.model \
	    > tag/data/ner.model.new
	mv tag/data/ner.model.new tag/data/ner.model

# NER 5-fold cross-validation on the training parts of Rifat1493 and
# of btc (bench/tag-eval.sh), the other sources of each language in
# every fold's training, with the settings and clusters of make model;
# folds of runs of 100 sentences (tag-train -k)
tag-cv: build/opt/bin/tag-train $(TAG_NERDIR)/bn.model
	@echo "Bengali: folds of rifat.train"
	@$(TAG_TRAIN) -l bn -c $(TAG_NERDIR)/bn.clusters -k 5 $(TAG_BN)
	@echo "English: folds of btc.train"
	@$(TAG_TRAIN) $(TAG_EN_OPTS) -k 5 $(TAG_EN)

.PHONY: model tag-cv
