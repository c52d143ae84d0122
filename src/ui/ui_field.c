/*
 * ui_field.c - the text fields of the designer's forms: a wchar_t buffer
 * with a cursor, checks as typed, and keys made from names.
 *
 * No curses here (the form screen, src/ui/ui_form.c, draws these), so that
 * editing and checking are unit-tested.  UTF-8 is converted by hand rather
 * than with mbrtowc(): the result must not depend on the locale a test or
 * a pipe happens to run in.  wchar_t is UCS-4 on every system mot targets.
 */
#include "ui.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "util.h"

void ui_field_init(struct ui_field *f, const char *label,
		   enum ui_field_kind kind)
{
	memset(f, 0, sizeof *f);
	f->label = label;
	f->kind = kind;
	f->min = -HUGE_VAL;
	f->max = HUGE_VAL;
	f->cap = 16;
	f->buf = xcalloc(f->cap, sizeof *f->buf);
}

void ui_field_free(struct ui_field *f)
{
	free(f->buf);
	f->buf = NULL;
	f->len = f->cap = f->cur = 0;
}

static void ui_field_reserve(struct ui_field *f, size_t need)
{
	if (need + 1 <= f->cap)
		return;
	while (f->cap < need + 1)
		f->cap *= 2;
	f->buf = xrealloc(f->buf, f->cap * sizeof *f->buf);
}

/* Decode one UTF-8 sequence; a bad byte becomes U+FFFD and is skipped. */
static size_t ui_utf8_decode(const unsigned char *s, wchar_t *out)
{
	uint32_t c;
	size_t n = util_utf8_seq(s, 4, &c);

	*out = n ? (wchar_t)c : 0xfffd;
	return n ? n : 1;
}

wchar_t *ui_wcs_from_utf8(const char *s, size_t *len)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	wchar_t *out = xcalloc(strlen((const char *)p) + 1, sizeof *out);
	size_t n = 0;

	while (*p)
		p += ui_utf8_decode(p, &out[n++]);
	out[n] = 0;
	if (len)
		*len = n;
	return out;
}

static void ui_utf8_encode(struct strbuf *b, wchar_t wc)
{
	uint32_t c = (uint32_t)wc;
	char tmp[4];
	size_t n;

	if (c >= 0xd800 && c <= 0xdfff)
		c = 0xfffd;
	if (c < 0x80) {
		tmp[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		tmp[0] = (char)(0xc0 | (c >> 6));
		tmp[1] = (char)(0x80 | (c & 0x3f));
		n = 2;
	} else if (c < 0x10000) {
		tmp[0] = (char)(0xe0 | (c >> 12));
		tmp[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		tmp[2] = (char)(0x80 | (c & 0x3f));
		n = 3;
	} else {
		tmp[0] = (char)(0xf0 | ((c >> 18) & 0x07));
		tmp[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		tmp[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		tmp[3] = (char)(0x80 | (c & 0x3f));
		n = 4;
	}
	strbuf_add(b, tmp, n);
}

void ui_field_set(struct ui_field *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");

	f->len = 0;
	while (*p) {
		wchar_t wc;

		p += ui_utf8_decode(p, &wc);
		ui_field_reserve(f, f->len + 1);
		f->buf[f->len++] = wc;
	}
	f->buf[f->len] = 0;
	f->cur = f->len;
	f->scroll = 0;
	f->err[0] = '\0';
}

void ui_field_set_number(struct ui_field *f, double v)
{
	char buf[40];

	ui_field_set(f, model_format_number(v, buf, sizeof buf));
}

char *ui_field_text(const struct ui_field *f)
{
	struct strbuf b;
	size_t a = 0, z = f->len;

	while (a < z && iswspace((wint_t)f->buf[a]))
		a++;
	while (z > a && iswspace((wint_t)f->buf[z - 1]))
		z--;
	if (a == z)
		return NULL;
	strbuf_init(&b);
	for (size_t i = a; i < z; i++)
		ui_utf8_encode(&b, f->buf[i]);
	return strbuf_detach(&b);
}

char *ui_field_slice(const struct ui_field *f, size_t from, size_t to)
{
	struct strbuf b;

	strbuf_init(&b);
	for (size_t i = from; i < to && i < f->len; i++)
		ui_utf8_encode(&b, f->buf[i]);
	return strbuf_detach(&b);
}

char *ui_field_raw(const struct ui_field *f, size_t from)
{
	return ui_field_slice(f, from, f->len);
}

void ui_field_insert(struct ui_field *f, wchar_t c)
{
	/* Control characters would break the screen and the file. */
	if (c < 0x20 || c == 0x7f)
		return;
	ui_field_reserve(f, f->len + 1);
	memmove(f->buf + f->cur + 1, f->buf + f->cur,
		(f->len - f->cur + 1) * sizeof *f->buf);
	f->buf[f->cur++] = c;
	f->len++;
}

void ui_field_newline(struct ui_field *f)
{
	ui_field_reserve(f, f->len + 1);
	memmove(f->buf + f->cur + 1, f->buf + f->cur,
		(f->len - f->cur + 1) * sizeof *f->buf);
	f->buf[f->cur++] = L'\n';
	f->len++;
}

void ui_field_backspace(struct ui_field *f)
{
	if (f->cur == 0)
		return;
	f->cur--;
	ui_field_delete(f);
}

void ui_field_delete(struct ui_field *f)
{
	if (f->cur >= f->len)
		return;
	memmove(f->buf + f->cur, f->buf + f->cur + 1,
		(f->len - f->cur) * sizeof *f->buf);
	f->len--;
}

void ui_field_kill(struct ui_field *f)
{
	f->len = f->cur = f->scroll = 0;
	f->buf[0] = 0;
}

void ui_field_move(struct ui_field *f, long delta)
{
	long c = (long)f->cur + delta;

	f->cur = c < 0 ? 0 : (size_t)c > f->len ? f->len : (size_t)c;
}

void ui_field_home(struct ui_field *f)
{
	f->cur = 0;
}

void ui_field_end(struct ui_field *f)
{
	f->cur = f->len;
}

bool ui_field_edit(struct ui_field *f, enum ui_action a)
{
	switch (a) {
	case UI_ACT_CHAR_LEFT:
		ui_field_move(f, -1);
		return true;
	case UI_ACT_CHAR_RIGHT:
		ui_field_move(f, 1);
		return true;
	case UI_ACT_LINE_START:
		ui_field_home(f);
		return true;
	case UI_ACT_LINE_END:
		ui_field_end(f);
		return true;
	case UI_ACT_BACKSPACE:
		ui_field_backspace(f);
		return true;
	case UI_ACT_DELETE_CHAR:
		ui_field_delete(f);
		return true;
	case UI_ACT_KILL_LINE:
		ui_field_kill(f);
		return true;
	default:
		return false;
	}
}

void ui_field_cycle(struct ui_field *f, int delta)
{
	int n = f->kind == UI_FIELD_BOOL ? 2 : f->n_choices;

	if (n <= 0)
		return;
	f->choice = ((f->choice + delta) % n + n) % n;
}

char *ui_field_count(double v, char *buf, size_t len)
{
	char digits[64];
	size_t nd, o = 0, lead;

	model_format_number(v, digits, sizeof digits);
	/* Only whole numbers without an exponent get separators. */
	nd = strspn(digits + (digits[0] == '-'), "0123456789") +
		(digits[0] == '-');
	if (digits[nd] != '\0' || nd < 5) {
		snprintf(buf, len, "%s", digits);
		return buf;
	}
	lead = digits[0] == '-';
	for (size_t i = 0; i < nd && o + 2 < len; i++) {
		if (i > lead && (nd - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
	return buf;
}

/* Upper bounds this large only keep numbers sane, unless the field says
 * its max is a real limit: the range then reads "or more". */
static bool ui_field_open_max(const struct ui_field *f)
{
	return f->max >= 1e6 && !f->max_named;
}

/* "from 0 to 1", "greater than 0", "0 or more", "from 1 to 1,000,000" */
static void ui_field_range_text(const struct ui_field *f, char *buf,
				size_t len)
{
	char a[40], b[40];

	ui_field_count(f->min, a, sizeof a);
	ui_field_count(f->max, b, sizeof b);
	if (ui_field_open_max(f))
		snprintf(buf, len, f->min_open ? "greater than %s" : "%s or more",
			 a);
	else	/* signed ranges read "-3 to +3"; plain ones "0 to 1" */
		snprintf(buf, len, "from %s to %s%s", a,
			 f->min < 0 && f->max > 0 ? "+" : "", b);
}

static bool ui_field_check_key(struct ui_field *f, const char *text)
{
	if (!text)
		return true;	/* an empty key is made from the name */
	if (strlen(text) > MOT_KEY_MAX) {
		snprintf(f->err, sizeof f->err, "%s: at most %d characters",
			 f->label, MOT_KEY_MAX);
		return false;
	}
	if (!model_key_valid(text)) {
		snprintf(f->err, sizeof f->err, "%s: lower-case letters a-z, "
			 "digits and '-' only, not starting with '-'", f->label);
		return false;
	}
	return true;
}

/* Parse a number as a person types it; a decimal comma is accepted, and
 * so are thousands separators in whole numbers ("1,000,000"), which is
 * how the simulation panel shows its counts. */
static bool ui_field_parse(const char *text, bool whole, double *out)
{
	char buf[64], *end;
	size_t commas = 0, o = 0;
	double v;

	if (!text || strlen(text) >= sizeof buf)
		return false;
	for (const char *p = text; *p; p++)
		commas += *p == ',';
	for (const char *p = text; *p; p++) {
		/* "1,000,000" in a whole-number field: separators, dropped */
		if (*p == ',' && whole && (commas > 1 || strlen(p + 1) == 3))
			continue;
		buf[o++] = *p == ',' ? '.' : *p;
	}
	buf[o] = '\0';
	errno = 0;
	v = util_strtod_c(buf, &end);
	if (end == buf || *end != '\0' || errno == ERANGE || !isfinite(v))
		return false;
	if (whole && v != floor(v))
		return false;
	*out = v;
	return true;
}

static bool ui_field_check_number(struct ui_field *f, const char *text)
{
	bool whole = f->kind == UI_FIELD_INT;
	const char *what = whole ? "whole number" : "number";
	char range[100], lim[64];
	double v;

	ui_field_range_text(f, range, sizeof range);
	if (!text && f->has_def)
		return true;	/* empty: the default */
	if (!text) {
		snprintf(f->err, sizeof f->err, "%s: type a %s %s", f->label,
			 what, range);
		return false;
	}
	if (ui_field_open_max(f) && ui_field_parse(text, whole, &v) &&
	    v > f->max) {
		/* The range names only its lower end: say the limit hit. */
		snprintf(f->err, sizeof f->err, "%s: at most %s", f->label,
			 ui_field_count(f->max, lim, sizeof lim));
		return false;
	}
	if (!ui_field_parse(text, whole, &v) || v < f->min || v > f->max ||
	    (f->min_open && v == f->min)) {
		snprintf(f->err, sizeof f->err, "%s must be a %s %s", f->label,
			 what, range);
		return false;
	}
	return true;
}

void ui_field_tip(const struct ui_field *f, char *buf, size_t len)
{
	char range[100], def[64];

	if (f->tip) {
		snprintf(buf, len, "%s", f->tip);
		return;
	}
	switch (f->kind) {
	case UI_FIELD_BOOL:
		snprintf(buf, len, "Space, y or n switches it");
		return;
	case UI_FIELD_CHOICE:
		snprintf(buf, len, "Space or Left/Right changes it; typing a "
			 "letter picks");
		return;
	case UI_FIELD_KEY:
		snprintf(buf, len, "lower-case letters, digits, '-'; empty: "
			 "made from the name");
		return;
	case UI_FIELD_INT:
	case UI_FIELD_NUMBER:
		ui_field_range_text(f, range, sizeof range);
		if (f->has_def)
			snprintf(buf, len, "a %s %s; empty: %s", f->kind ==
				 UI_FIELD_INT ? "whole number" : "number", range,
				 model_format_number(f->def, def, sizeof def));
		else
			snprintf(buf, len, "required: a %s %s", f->kind ==
				 UI_FIELD_INT ? "whole number" : "number", range);
		return;
	case UI_FIELD_TEXT:
		snprintf(buf, len, "%s", f->required ? "required" :
			 "may be empty");
		return;
	case UI_FIELD_LINES:
		snprintf(buf, len, "Enter: a new line (on an empty last line: "
			 "the next field); Up, Down: the lines");
		return;
	}
	buf[0] = '\0';
}

/* Lines keep their blanks: an item "  indented" stays as it is. */
static bool ui_field_check_lines(struct ui_field *f)
{
	char *raw = ui_field_raw(f, 0), why[200];
	bool ok = f->check_text ? f->check_text(f, raw, why, sizeof why) :
		model_text_ok(raw, MOT_TEXT_MAX, true, why, sizeof why);

	if (!ok)
		snprintf(f->err, sizeof f->err, "%s", why);
	free(raw);
	return ok;
}

bool ui_field_check(struct ui_field *f)
{
	char *text = ui_field_text(f), why[96];
	bool ok = true;

	f->err[0] = '\0';
	switch (f->kind) {
	case UI_FIELD_TEXT:
		if (f->required && !text) {
			snprintf(f->err, sizeof f->err, "%s must not be empty",
				 f->label);
			ok = false;
		} else if (!model_text_ok(text, MOT_TEXT_MAX, true, why,
					  sizeof why)) {
			/* the rules of a journey file (mot-journey(5)) */
			snprintf(f->err, sizeof f->err, "%s: %s", f->label, why);
			ok = false;
		}
		break;
	case UI_FIELD_KEY:
		ok = ui_field_check_key(f, text);
		break;
	case UI_FIELD_LINES:
		ok = ui_field_check_lines(f);
		break;
	case UI_FIELD_INT:
	case UI_FIELD_NUMBER:
		ok = ui_field_check_number(f, text);
		break;
	case UI_FIELD_BOOL:
	case UI_FIELD_CHOICE:
		break;
	}
	free(text);
	return ok;
}

double ui_field_number(const struct ui_field *f)
{
	char *text = ui_field_text(f);
	double v = 0;

	if (!text && f->has_def)
		v = f->def;
	else if (!ui_field_parse(text, f->kind == UI_FIELD_INT, &v))
		v = 0;
	free(text);
	return v;
}

static int ui_wc_width(wchar_t c)
{
	int w = util_char_width((uint32_t)c);

	return w < 0 ? 1 : w;
}

int ui_field_fit(struct ui_field *f, int width)
{
	int cols = 0;

	if (width < 1)
		width = 1;
	if (f->scroll > f->cur)
		f->scroll = f->cur;
	for (size_t i = f->scroll; i < f->cur; i++)
		cols += ui_wc_width(f->buf[i]);
	/* Right until the cursor's cell fits in the window ... */
	while (cols >= width && f->scroll < f->cur)
		cols -= ui_wc_width(f->buf[f->scroll++]);
	/* ... and back left while more of the start still fits. */
	while (f->scroll > 0 &&
	       cols + ui_wc_width(f->buf[f->scroll - 1]) < width)
		cols += ui_wc_width(f->buf[--f->scroll]);
	return cols;
}

/* --- keys from names ------------------------------------------------- */

/* Latin letters with marks, as Dutch, German and French names have them,
 * folded to ASCII so that "Kontoeröffnung" gives "kontoeroffnung". */
static const char *ui_fold(uint32_t c)
{
	static const char *const latin1[64] = {
		"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e",
		"i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", NULL,
		"o", "u", "u", "u", "u", "y", "th", "ss",
		"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e",
		"i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", NULL,
		"o", "u", "u", "u", "u", "y", "th", "y",
	};

	if (c >= 0xc0 && c <= 0xff)
		return latin1[c - 0xc0];
	if (c == 0x0133 || c == 0x0132)
		return "ij";
	if (c == 0x0153 || c == 0x0152)
		return "oe";
	return NULL;
}

static bool ui_key_taken(const struct mot_journey *j, bool personas,
			 const char *key)
{
	return personas ? model_persona_find(j, key) >= 0 :
		model_touchpoint_find(j, key) >= 0;
}

char *ui_key_from_name(const char *name, const struct mot_journey *j,
		       bool personas)
{
	const unsigned char *p = (const unsigned char *)(name ? name : "");
	char base[MOT_KEY_MAX - 7], *key;
	size_t n = 0;
	bool dash = false;

	while (*p && n < sizeof base - 3) {
		wchar_t wc;
		const char *f;
		char one[2] = { 0, 0 };

		p += ui_utf8_decode(p, &wc);
		if (wc < 0x80 && isalnum((int)wc)) {
			one[0] = (char)tolower((int)wc);
			f = one;
		} else {
			f = ui_fold((uint32_t)wc);
		}
		if (!f) {
			dash = n > 0;
			continue;
		}
		if (dash)
			base[n++] = '-';
		dash = false;
		for (; *f && n < sizeof base - 1; f++)
			base[n++] = *f;
	}
	base[n] = '\0';
	if (n == 0)
		snprintf(base, sizeof base, "%s", personas ? "persona" : "tp");
	key = xstrdup(base);
	for (int i = 2; ui_key_taken(j, personas, key); i++) {
		free(key);
		key = xasprintf("%s-%d", base, i);
	}
	return key;
}
