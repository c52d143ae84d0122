/*
 * export_util.h - helpers the export modules share (private to
 * src/export/export_*.c): emotion colours and faces, XML escaping, UTF-8
 * walking, and the simulated overlay behind --sim N.
 */
#ifndef MOT_EXPORT_UTIL_H
#define MOT_EXPORT_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "export.h"
#include "model.h"

/* Emotion -3..+3 (clamped): a light fill that black text reads on, a
 * strong colour for marks and the curve, a face, and "+2" / "0" / "-1". */
const char *export_emotion_fill(int emotion);
const char *export_emotion_ink(int emotion);
const char *export_emotion_face(int emotion);
const char *export_emotion_str(int emotion, char buf[8]);

/* "<ZMOT · Awareness" */
const char *export_stage_heading(enum mot_stage s, char *buf, size_t len);

/* Decode one UTF-8 code point at s (not at its end); returns its length
 * (a stray byte counts as one, decoded as U+FFFD). */
size_t export_utf8_next(const char *s, uint32_t *cp);

/* Write s as XML character data or attribute value: &<>"' escaped,
 * control characters that XML 1.0 forbids replaced by a space.  Line
 * breaks become spaces too when `flat`. */
void export_xml_puts(FILE *out, const char *s, bool flat);
void export_xml_putn(FILE *out, const char *s, size_t n, bool flat);

/* A KPI on one line for people: "CSAT 3.9 of 5 \xc2\xb7 target 4.5", "Wait
 * 95 s \xc2\xb7 target at most 60", "Bounce 61%" (free it). */
char *export_kpi_text(const struct mot_kpi *k);
/* Whether a KPI meets its target, in words that need no colour:
 * " \xe2\x96\xb2 on target", " \xe2\x96\xbc off target", or "" without a target. */
const char *export_kpi_mark(const struct mot_kpi *k);

/*
 * What --sim N adds to a picture: the caller's simulated figures
 * (export_options.sim) with what the drawing needs on top, the first
 * transition of each touchpoint and the largest counts.
 */
struct export_overlay {
	const struct export_sim *sim;
	size_t *first;		/* index into sim->flow of touchpoint i's next[0] */
	uint64_t max_visits, max_flow;
};

/* 1 with *ov set up (free it), 0 when opt hands no figures, -1 with the
 * reason in err when they do not fit the journey. */
int export_overlay_init(struct export_overlay *ov, const struct mot_journey *j,
			const struct export_options *opt, char *err,
			size_t errlen);
void export_overlay_free(struct export_overlay *ov);
/* Customers who took touchpoint i's transition k (0 without flow). */
uint64_t export_overlay_flow(const struct export_overlay *ov, size_t i,
			     size_t k);

/*
 * The journey-map picture (export_svg.c) as an <svg> element, for the svg
 * and html formats; `header` draws the title and description in it (the
 * page writes them as HTML instead).  ov may be NULL; lanes as
 * export_options.lanes.
 */
int export_svg_picture(FILE *out, const struct mot_journey *j,
		       const struct export_overlay *ov, unsigned lanes,
		       bool header);

#endif
