/*
 * export_util.c - helpers shared by the export modules; see export_util.h.
 */
#include "export_util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static int export_emotion_index(int emotion)
{
	if (emotion < MOT_EMOTION_MIN)
		emotion = MOT_EMOTION_MIN;
	if (emotion > MOT_EMOTION_MAX)
		emotion = MOT_EMOTION_MAX;
	return emotion - MOT_EMOTION_MIN;
}

/* ColorBrewer RdYlGn, 7 classes: red for pain, green for delight, a
 * neutral pale yellow in the middle.  The light row is the same hues
 * mixed with white so that black text keeps its contrast. */
const char *export_emotion_fill(int emotion)
{
	static const char *fill[] = { "#f4a9a3", "#fcc9a4", "#fee6b3",
				      "#f7f7e1", "#e3f2b8", "#c3e6a6",
				      "#9fd4a6" };
	return fill[export_emotion_index(emotion)];
}

const char *export_emotion_ink(int emotion)
{
	static const char *ink[] = { "#d73027", "#fc8d59", "#e0b000",
				     "#a0a080", "#91cf60", "#4daf4a",
				     "#1a9850" };
	return ink[export_emotion_index(emotion)];
}

const char *export_emotion_face(int emotion)
{
	/* 😡 😟 🙁 😐 🙂 😀 🤩 */
	static const char *face[] = { "\xf0\x9f\x98\xa1", "\xf0\x9f\x98\x9f",
				      "\xf0\x9f\x99\x81", "\xf0\x9f\x98\x90",
				      "\xf0\x9f\x99\x82", "\xf0\x9f\x98\x80",
				      "\xf0\x9f\xa4\xa9" };
	return face[export_emotion_index(emotion)];
}

const char *export_emotion_str(int emotion, char buf[8])
{
	snprintf(buf, 8, emotion ? "%+d" : "%d", emotion);
	return buf;
}

const char *export_stage_heading(enum mot_stage s, char *buf, size_t len)
{
	snprintf(buf, len, "%s \xc2\xb7 %s", model_stage_label(s),
		 model_stage_title(s));
	return buf;
}

size_t export_utf8_next(const char *s, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	n = p[0] >= 0xf0 ? 4 : p[0] >= 0xe0 ? 3 : p[0] >= 0xc0 ? 2 : 0;
	if (n == 0)
		goto stray;
	*cp = p[0] & (0x7f >> n);
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			goto stray;
		*cp = (*cp << 6) | (p[i] & 0x3f);
	}
	return n;
stray:
	*cp = 0xfffd;
	return 1;
}

void export_xml_putn(FILE *out, const char *s, size_t n, bool flat)
{
	for (size_t i = 0; i < n && s[i]; i++) {
		unsigned char c = (unsigned char)s[i];

		switch (c) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		case '\n': case '\r': fputc(flat ? ' ' : c, out); break;
		default:
			/* XML 1.0 has no way to write the other C0 controls */
			fputc(c < 0x20 && c != '\t' ? ' ' : c, out);
		}
	}
}

void export_xml_puts(FILE *out, const char *s, bool flat)
{
	if (s)
		export_xml_putn(out, s, strlen(s), flat);
}

/* "CSAT 3.9 of 5 · target 4.5" (target "at most 60" when lower is
 * better); the caller frees it. */
char *export_kpi_text(const struct mot_kpi *k)
{
	char v[32], t[32];
	bool unit = !util_str_empty(k->unit);

	model_format_number(k->value, v, sizeof v);
	model_format_number(k->target, t, sizeof t);
	/* "61%", "3.9 of 5" */
	return xasprintf("%s %s%s%s%s%s%s", k->name, v,
			 unit && k->unit[0] != '%' ? " " : "", unit ? k->unit : "",
			 k->has_target ? " \xc2\xb7 target " : "",
			 k->has_target && k->lower_better ? "at most " : "",
			 k->has_target ? t : "");
}

const char *export_kpi_mark(const struct mot_kpi *k)
{
	if (!k->has_target)
		return "";
	return model_kpi_missed(k) ? " \xe2\x96\xbc off target" :
		" \xe2\x96\xb2 on target";
}

void export_overlay_free(struct export_overlay *ov)
{
	free(ov->first);
	memset(ov, 0, sizeof *ov);
}

uint64_t export_overlay_flow(const struct export_overlay *ov, size_t i,
			     size_t k)
{
	return ov->sim->flow ? ov->sim->flow[ov->first[i] + k] : 0;
}

int export_overlay_init(struct export_overlay *ov, const struct mot_journey *j,
			const struct export_options *opt, char *err,
			size_t errlen)
{
	const struct export_sim *sim = opt ? opt->sim : NULL;
	size_t n = j->n_touchpoints, edges = 0;

	memset(ov, 0, sizeof *ov);
	if (!sim)
		return 0;
	for (size_t i = 0; i < n; i++)
		edges += j->touchpoints[i].n_next;
	/* figures of another journey (or of this one before an edit) */
	if (sim->n != n || (sim->flow && sim->n_edges != edges) ||
	    (n && (!sim->reach || !sim->drops))) {
		snprintf(err, errlen, "the simulated figures (%zu touchpoints, "
			 "%zu transitions) do not fit the journey (%zu, %zu)",
			 sim->n, sim->n_edges, n, edges);
		return -1;
	}
	ov->sim = sim;
	ov->first = xcalloc(n + 1, sizeof *ov->first);
	for (size_t i = 0, e = 0; i < n; e += j->touchpoints[i++].n_next) {
		ov->first[i] = e;
		if (sim->reach[i] > ov->max_visits)
			ov->max_visits = sim->reach[i];
	}
	for (size_t e = 0; sim->flow && e < edges; e++)
		if (sim->flow[e] > ov->max_flow)
			ov->max_flow = sim->flow[e];
	return 1;
}
