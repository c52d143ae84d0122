# mot - terminal journey designer.  See README.md.
#
#   make run     build, then open mot on the sample journeys
#   make test    unit + CLI + UI tests, then the same under ASan+UBSan
#   make bench   benchmarks
#   make install / uninstall   (PREFIX, DESTDIR)
#
# The public targets first make sure the build dependencies are there
# (.ci/deps installs them with apt-get when run as root, otherwise prints
# the exact command), then re-run make for the real work, so that the
# pkg-config flags below are read after any install.

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/mot

CC      ?= cc
PKGS     = ncursesw sqlite3 libcyaml yaml-0.1 libpq libxml-2.0 libutf8proc
OPT     ?= -O2 -g
BUILD   ?= build
SAN     ?=

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CMOCKA_CFLAGS := $(shell pkg-config --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   := $(shell pkg-config --libs cmocka 2>/dev/null)

WARN     = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wformat=2 -Wvla -Wno-unused-parameter
MOT_CFLAGS = -std=c11 $(WARN) $(OPT) $(SAN) -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
           -Iinclude $(PKG_CFLAGS) -DMOT_DATADIR='"$(DATADIR)"' -DMOT_VERSION='"$(VERSION)"'
MOT_LDFLAGS = $(SAN) $(LDFLAGS)
# SuiteSparse's AMD (libsuitesparse-dev, no pkg-config file in Debian 12)
# orders the sparse factors of the exact analysis.
MOT_LIBS = $(PKG_LIBS) -lamd -lpthread -lm

VERSION  = 0.1.0
# One folder per layer (see README, Layout); every .c in them is built.
SRC      = $(sort $(wildcard src/*/*.c))
LIB_SRC  = $(filter-out src/cli/main.c,$(SRC))
LIB_OBJ  = $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
TEST_SRC = $(sort $(wildcard tests/unit/test_*.c))
TEST_BIN = $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BENCH_SRC = $(sort $(wildcard bench/*.c))
BENCH_BIN = $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)

.PHONY: all run test test-plain test-san bench install uninstall clean deps lint \
        build build-tests build-bench
.DEFAULT_GOAL := all

all: deps
	@$(MAKE) --no-print-directory build

deps:
	@sh .ci/deps build

run: deps
	@$(MAKE) --no-print-directory build
	./$(BUILD)/mot

# One run of every suite, then the same under AddressSanitizer and
# UndefinedBehaviorSanitizer; tests/run prints the closing count line.
# tests/pg.sh gives them a throwaway PostgreSQL server of their own (and
# removes it afterwards) for the store's tests on PostgreSQL.
test: deps
	@sh .ci/deps test
	@$(MAKE) --no-print-directory build build-tests
	@$(MAKE) --no-print-directory BUILD=build-san OPT='-O1 -g -fno-omit-frame-pointer' \
		SAN='-fsanitize=address,undefined -fno-sanitize-recover=all' build build-tests
	@sh tests/pg.sh sh tests/run build build-san

test-plain: deps
	@$(MAKE) --no-print-directory build build-tests
	@sh tests/pg.sh sh tests/run build

bench: deps
	@$(MAKE) --no-print-directory OPT='-O2 -g -march=native' BUILD=build-bench build build-bench
	@sh tests/pg.sh sh bench/run build-bench

build: $(BUILD)/mot
build-tests: $(TEST_BIN)
build-bench: $(BENCH_BIN)

$(BUILD)/mot: $(BUILD)/obj/cli/main.o $(LIB_OBJ)
	$(CC) $(MOT_LDFLAGS) -o $@ $^ $(MOT_LIBS)

# The installed data directory is compiled in: rebuild when it changes,
# so that `make install PREFIX=/usr` never installs a binary that looks
# for its sample journeys under another prefix.
$(BUILD)/datadir.stamp: FORCE
	@mkdir -p $(@D)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' > $@

.PHONY: FORCE
FORCE:

$(BUILD)/obj/%.o: src/%.c $(wildcard include/*.h src/*/*.h) Makefile $(BUILD)/datadir.stamp
	@mkdir -p $(@D)
	$(CC) $(MOT_CFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJ) $(wildcard tests/unit/*.h)
	@mkdir -p $(@D)
	$(CC) $(MOT_CFLAGS) $(CFLAGS) $(CMOCKA_CFLAGS) -Itests/unit -o $@ $< $(LIB_OBJ) \
		$(MOT_LDFLAGS) $(MOT_LIBS) $(CMOCKA_LIBS)

$(BUILD)/bench/%: bench/%.c $(LIB_OBJ) $(wildcard bench/*.h)
	@mkdir -p $(@D)
	$(CC) $(MOT_CFLAGS) $(CFLAGS) -o $@ $< $(LIB_OBJ) $(MOT_LDFLAGS) $(MOT_LIBS)

# Every mandoc message down to style; the pages are indexed in a temporary
# manual tree first, so that their .Xr to each other resolve uninstalled.
MAN_PAGES = man/mot.1 man/mot-journey.5 man/mot-log.5
lint:
	@t=$$(mktemp -d) && mkdir $$t/man1 $$t/man5 && \
	cp man/*.1 $$t/man1 && cp man/*.5 $$t/man5 && makewhatis $$t && \
	mandoc -Tlint -Wstyle -m $$t $(MAN_PAGES); rc=$$?; rm -rf $$t; exit $$rc

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(DATADIR)/journeys
	install -m 755 $(BUILD)/mot $(DESTDIR)$(BINDIR)/mot
	install -m 644 man/mot.1 $(DESTDIR)$(MANDIR)/man1/mot.1
	install -m 644 man/mot-journey.5 $(DESTDIR)$(MANDIR)/man5/mot-journey.5
	install -m 644 man/mot-log.5 $(DESTDIR)$(MANDIR)/man5/mot-log.5
	install -m 644 journeys/*.yaml $(DESTDIR)$(DATADIR)/journeys/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/mot $(DESTDIR)$(MANDIR)/man1/mot.1 \
		$(DESTDIR)$(MANDIR)/man5/mot-journey.5 $(DESTDIR)$(MANDIR)/man5/mot-log.5
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-san build-bench
