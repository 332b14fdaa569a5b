# story: build lines (included by the top Makefile).
#
# story.c reads the records; cluster.c holds the window of articles,
# their signatures and features, and the rule that makes a story.
PROGS += story
story_SRCS = story/story.c story/cluster.c
story_PKGS = icu-uc
