/*
 * model_text.c - the text rules of mot-journey(5), the one check every
 * way text comes in goes through (files, `mot new`, the designer's
 * fields, the store), and the repair of text that broke them in a
 * database edited by hand.
 */
#include "model.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

bool model_text_ok(const char *s, size_t max, bool multiline, char *why,
		   size_t whylen)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = s ? strlen(s) : 0, n;
	uint32_t cp;

	if (len > max) {
		snprintf(why, whylen, "longer than %zu bytes", max);
		return false;
	}
	for (size_t i = 0; i < len; i += n) {
		if ((n = util_utf8_seq(p + i, len - i, &cp)) == 0) {
			snprintf(why, whylen, "not valid UTF-8");
			return false;
		}
		if (multiline && (cp == '\n' || cp == '\t'))
			continue;
		if (cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029 ||
		    cp == '\n') {
			snprintf(why, whylen, multiline ? "U+%04X: the only line "
				 "break allowed is U+000A (\\n)" : "a line break "
				 "(U+%04X) is not allowed here: one line only",
				 (unsigned)cp);
			return false;
		}
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
			snprintf(why, whylen, "control character U+%04X is not "
				 "allowed", (unsigned)cp);
			return false;
		}
	}
	return true;
}

/* *s again, with its control characters written visibly ("^["), when it
 * breaks the rules; fine text is left as it is. */
static void model_clean(char **s, bool multiline)
{
	char why[96], *v;

	if (!*s || model_text_ok(*s, SIZE_MAX, multiline, why, sizeof why))
		return;
	v = util_text_visible(*s, !multiline);
	free(*s);
	*s = v;
}

static void model_clean_touchpoint(struct mot_touchpoint *tp)
{
	static const enum mot_lane lists[] = { MOT_LANE_PAINS,
		MOT_LANE_OPPORTUNITIES, MOT_LANE_EVIDENCE };

	model_clean(&tp->name, true);
	model_clean(&tp->channel, true);
	model_clean(&tp->owner, true);
	model_clean(&tp->notes, true);
	model_clean(&tp->thinking, true);
	model_clean(&tp->backstage, true);
	for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++) {
		struct mot_list *list = model_lane_list(tp, lists[l]);

		for (size_t k = 0; list && k < list->n; k++)
			model_clean(&list->items[k], false);
	}
	for (size_t k = 0; k < tp->n_kpis; k++) {
		model_clean(&tp->kpis[k].name, false);
		model_clean(&tp->kpis[k].unit, false);
	}
	for (size_t k = 0; k < tp->n_next; k++)
		model_clean(&tp->next[k].label, true);
}

void model_journey_clean_text(struct mot_journey *j)
{
	model_clean(&j->title, true);
	model_clean(&j->description, true);
	for (size_t i = 0; i < j->n_personas; i++) {
		model_clean(&j->personas[i].name, true);
		model_clean(&j->personas[i].description, true);
	}
	for (size_t i = 0; i < j->n_touchpoints; i++)
		model_clean_touchpoint(&j->touchpoints[i]);
}
