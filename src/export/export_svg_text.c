/*
 * export_svg_text.c - text for the journey-map picture.  SVG has no text
 * wrapping, so names are wrapped and cut here, on estimated glyph widths
 * that err on the wide side; a clip path per card keeps any misjudged
 * text inside its card all the same.
 */
#include <stdio.h>
#include <string.h>

#include "export_svg_int.h"
#include "util.h"

/*
 * Estimated advance of a code point, in em, for the sans-serif faces
 * named in SVG_FONT; DejaVu Sans, the widest of them, sets the numbers.
 */
static double svg_cp_em(uint32_t c, const char *s, size_t n)
{
	char one[5] = { 0 };
	int cols;

	if (c < 0x80) {
		if (c == ' ')
			return 0.32;
		if (strchr("il.,:;'!|`", (int)c))
			return 0.32;
		if (strchr("fjrtI()[]{}-\"/\\", (int)c))
			return 0.44;
		if (strchr("mwMW@%", (int)c))
			return 0.98;
		if (c >= 'A' && c <= 'Z')
			return 0.76;
		return 0.64;
	}
	memcpy(one, s, n < 4 ? n : 4);
	cols = util_utf8_width(one);
	return cols == 0 ? 0 : cols == 2 ? 1.02 : 0.74;
}

double svg_text_w(const char *s, size_t n, double size, bool bold)
{
	double em = 0;

	for (size_t i = 0; i < n && s[i];) {
		uint32_t c;
		size_t len = export_utf8_next(s + i, &c);

		em += svg_cp_em(c, s + i, len);
		i += len;
	}
	return em * size * (bold ? 1.08 : 1.0);
}

/* Bytes of the longest prefix of s[0..n) no wider than maxw. */
static size_t svg_fit(const char *s, size_t n, double maxw, double size,
		      bool bold)
{
	size_t i = 0;
	double w = 0, k = size * (bold ? 1.08 : 1.0);

	while (i < n && s[i]) {
		uint32_t c;
		size_t len = export_utf8_next(s + i, &c);

		w += svg_cp_em(c, s + i, len) * k;
		if (w > maxw)
			break;
		i += len;
	}
	return i;
}

/* Where the line starting at s ends: at a line break, else after the
 * last space or wide (CJK) character that fits, else wherever it fits. */
static size_t svg_break(const char *s, double maxw, double size, bool bold)
{
	size_t nl = strcspn(s, "\r\n"), fit = svg_fit(s, nl, maxw, size, bold);
	size_t brk = 0;

	if (fit == nl)
		return nl;
	for (size_t i = 0; i < fit;) {
		uint32_t c;
		size_t len = export_utf8_next(s + i, &c);

		if (c == ' ')
			brk = i;
		else if (svg_cp_em(c, s + i, len) > 1.0)
			brk = i + len;
		i += len;
	}
	if (brk == 0)
		brk = fit ? fit : strlen(s) ? export_utf8_next(s, &(uint32_t){0}) : 0;
	return brk;
}

size_t svg_wrap(const char *s, double maxw, double size, bool bold,
		struct svg_line *lines, size_t max, bool *cut)
{
	size_t n = 0;

	if (cut)
		*cut = false;
	s += strspn(s, " \r\n");
	while (*s && n < max) {
		size_t len = svg_break(s, maxw, size, bold);
		const char *next = s + len;

		next += strspn(next, " \r\n");
		lines[n] = (struct svg_line){ s, len, false };
		while (lines[n].n && s[lines[n].n - 1] == ' ')
			lines[n].n--;
		if (++n == max && *next) {
			double room = maxw - svg_text_w("\xe2\x80\xa6", 3, size,
							  bold);
			size_t fit = svg_fit(s, lines[n - 1].n, room, size, bold);

			while (fit && s[fit - 1] == ' ')
				fit--;
			lines[n - 1].n = fit;
			lines[n - 1].ellipsis = true;
			if (cut)
				*cut = true;
		}
		s = next;
	}
	return n;
}

void svg_text_line(FILE *out, double x, double y, const char *attrs,
		   const struct svg_line *l)
{
	fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" %s>", x, y, attrs);
	export_xml_putn(out, l->s, l->n, true);
	if (l->ellipsis)
		fputs("\xe2\x80\xa6", out);
	fputs("</text>\n", out);
}

/* s on one line: line breaks read as spaces. */
static void svg_flatten(char *flat, size_t len, const char *s)
{
	snprintf(flat, len, "%s", s ? s : "");
	for (char *p = flat; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
}

bool svg_text_cut(FILE *out, double x, double y, double maxw, double size,
		  bool bold, const char *attrs, const char *s)
{
	struct svg_line l;
	char flat[MOT_TEXT_MAX + 1];
	bool cut;

	svg_flatten(flat, sizeof flat, s);
	if (svg_wrap(flat, maxw, size, bold, &l, 1, &cut) == 1)
		svg_text_line(out, x, y, attrs, &l);
	return cut;
}

bool svg_text_fits(const char *s, double maxw, double size, bool bold)
{
	return !strpbrk(s, "\r\n") && svg_text_w(s, strlen(s), size, bold) <= maxw;
}
