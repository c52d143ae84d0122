/*
 * ui_shorthand.c - the quick-add line of the map (ui_quick.c): a card's
 * name followed by shorthand for the fields a designer sets while the
 * room talks, "Comparison portal @comparison-site -1 #xplr 10% ~".
 *
 * Shorthand is read from the end of the line, word by word; the first
 * word that is not shorthand ends it, and everything before is the name.
 * So "Top 3 deals" stays a name, and a word the designer did not mean as
 * shorthand can only be one at the very end (the card shows at once what
 * was read, and u takes it back).  No curses here, so that the rules are
 * unit-tested; mot(1) lists them under QUICK ADD.
 */
#include "ui.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

void ui_shorthand_init(struct ui_shorthand *sh)
{
	memset(sh, 0, sizeof *sh);
	sh->phase = -1;
}

void ui_shorthand_free(struct ui_shorthand *sh)
{
	free(sh->name);
	free(sh->channel);
	ui_shorthand_init(sh);
}

/* The phase a word after '#' names: a whole phase key, a unique start
 * of one ("expl"), or a card's tag (XPLR, EVAL, EXPO, EXPR); -1 if none. */
static int ui_shorthand_phase(const char *w, size_t n)
{
	static const char *const tags[MOT_PHASE_COUNT] = {
		"none", "expo", "xplr", "eval", "expr",
	};
	int found = -1, hits = 0;

	if (n == 0)
		return -1;
	for (int p = 0; p < MOT_PHASE_COUNT; p++) {
		const char *key = p ? model_phase_key((enum mot_phase)p) :
			"none";

		if (strlen(tags[p]) == n && strncasecmp(w, tags[p], n) == 0)
			return p;
		if (strlen(key) >= n && strncasecmp(w, key, n) == 0) {
			found = p;
			hits++;
		}
	}
	return hits == 1 ? found : -1;
}

/* A number in [min, max] that is the whole of w[0..n). */
static bool ui_shorthand_number(const char *w, size_t n, double min,
				double max, double *out)
{
	char buf[32], *end;
	double v;

	if (n == 0 || n >= sizeof buf || !isdigit((unsigned char)w[0]))
		return false;
	memcpy(buf, w, n);
	buf[n] = '\0';
	for (char *p = buf; *p; p++)
		if (*p == ',')	/* a decimal comma, as in de and nl */
			*p = '.';
	errno = 0;
	v = strtod(buf, &end);
	if (*end || errno || !isfinite(v) || v < min || v > max)
		return false;
	*out = v;
	return true;
}

/* Marks as the cards show them: ~ not controlled, ! critical, H human,
 * $ conversion; one word may hold several ("!H"). */
static bool ui_shorthand_marks(const char *w, size_t n,
			       struct ui_shorthand *sh)
{
	if (n == 0 || strspn(w, "~!H$") < n)
		return false;
	for (size_t i = 0; i < n; i++) {
		sh->not_controlled |= w[i] == '~';
		sh->critical |= w[i] == '!';
		sh->human |= w[i] == 'H';
		sh->conversion |= w[i] == '$';
	}
	return true;
}

/* Apply word w[0..n) to sh when it is shorthand; false when it is not.
 * Words are read from the end: a field already set keeps that value. */
static bool ui_shorthand_word(const char *w, size_t n,
			      struct ui_shorthand *sh)
{
	double v;
	int p;

	if (w[0] == '@' && n > 1) {
		if (!sh->channel)
			sh->channel = xstrndup(w + 1, n - 1);
		return true;
	}
	if ((w[0] == '+' || w[0] == '-') && n == 2 && w[1] >= '0' &&
	    w[1] <= '0' + MOT_EMOTION_MAX) {
		if (!sh->has_emotion)
			sh->emotion = (w[0] == '-' ? -1 : 1) * (w[1] - '0');
		sh->has_emotion = true;
		return true;
	}
	if (w[0] == '#' && (p = ui_shorthand_phase(w + 1, n - 1)) >= 0) {
		if (sh->phase < 0)
			sh->phase = p;
		return true;
	}
	if (n > 1 && w[n - 1] == '%' &&
	    ui_shorthand_number(w, n - 1, 0, 100, &v)) {
		if (!sh->has_drop)
			sh->drop = v / 100;
		sh->has_drop = true;
		return true;
	}
	if (w[0] == '>') {
		v = MOT_DEFAULT_WEIGHT;
		if (n > 1 && !ui_shorthand_number(w + 1, n - 1, 0, 1e12, &v))
			return false;
		if (v <= 0)
			return false;
		if (sh->entry == 0)
			sh->entry = v;
		return true;
	}
	return ui_shorthand_marks(w, n, sh);
}

int ui_shorthand_parse(const char *line, struct ui_shorthand *sh, char *err,
		       size_t errlen)
{
	size_t end = line ? strlen(line) : 0;

	ui_shorthand_init(sh);
	err[0] = '\0';
	/* Word by word from the end, while the words are shorthand. */
	for (;;) {
		size_t a;

		while (end > 0 && line[end - 1] == ' ')
			end--;
		a = end;
		while (a > 0 && line[a - 1] != ' ')
			a--;
		if (a == end || a == 0 ||
		    !ui_shorthand_word(line + a, end - a, sh))
			break;
		end = a;
	}
	while (end > 0 && line[end - 1] == ' ')
		end--;
	{
		size_t start = strspn(line ? line : "", " ");

		if (start >= end) {
			ui_shorthand_free(sh);
			snprintf(err, errlen, "Type a name first, then shorthand "
				 "if you like: @channel -1 #xplr 10%% > ~!H$");
			return -1;
		}
		sh->name = xstrndup(line + start, end - start);
	}
	if (strlen(sh->name) > MOT_TEXT_MAX ||
	    (sh->channel && strlen(sh->channel) > MOT_TEXT_MAX)) {
		ui_shorthand_free(sh);
		snprintf(err, errlen, "The name is too long: at most %d bytes",
			 MOT_TEXT_MAX);
		return -1;
	}
	return 0;
}
