/* workshop.c - PLACEHOLDER: being written (workshop mode, issue 6). */
#include "workshop.h"

#include <stdlib.h>
#include <string.h>

void ws_settings_init(struct ws_settings *s)
{
	memset(s, 0, sizeof *s);
	s->customers = 100000;
	s->seed = 1;
	s->market = 100000;
	s->days = 90;
	s->p = 0.03;
	s->q = 0.38;
}

void ws_settings_free(struct ws_settings *s)
{
	free(s->persona);
	s->persona = NULL;
}

void ws_settings_copy(struct ws_settings *dst, const struct ws_settings *src)
{
	*dst = *src;
	dst->persona = src->persona ? strdup(src->persona) : NULL;
}

void ws_outcome_free(struct ws_outcome *o)
{
	free(o);
}

void ws_conversion(const struct sim_result *r, double *rate, double *lo,
		   double *hi)
{
	(void)r;
	*rate = *lo = *hi = 0;
}

double ws_nps(const struct sim_result *r)
{
	(void)r;
	return 0;
}

void ws_difference(const struct ws_outcome *o, double *diff, double *lo,
		   double *hi, bool *significant)
{
	(void)o;
	*diff = *lo = *hi = 0;
	*significant = false;
}

double ws_drop_share(const struct sim_result *r, size_t i)
{
	(void)r;
	(void)i;
	return 0;
}

double ws_removal_effect(const struct sim_result *r, size_t i)
{
	(void)r;
	(void)i;
	return 0;
}

double ws_emotion_gain(const struct sim_result *r, size_t i)
{
	(void)r;
	(void)i;
	return 0;
}

size_t *ws_rank(const struct sim_result *r, bool by_emotion)
{
	(void)by_emotion;
	return calloc(r->n ? r->n : 1, sizeof(size_t));
}

struct ws_job *ws_job_start(enum ws_job_kind kind, const struct mot_journey *j,
			    const struct mot_journey *base,
			    const struct ws_settings *set, char *err,
			    size_t errlen)
{
	(void)kind; (void)j; (void)base; (void)set;
	snprintf(err, errlen, "not yet");
	return NULL;
}

bool ws_job_poll(struct ws_job *job, uint64_t *done, uint64_t *total)
{
	(void)job;
	*done = *total = 0;
	return true;
}

void ws_job_cancel(struct ws_job *job)
{
	(void)job;
}

int ws_job_finish(struct ws_job *job, struct ws_outcome **out, char *err,
		  size_t errlen)
{
	(void)job;
	*out = NULL;
	snprintf(err, errlen, "not yet");
	return -1;
}

size_t ws_changes(const struct mot_journey *base, const struct mot_journey *cur,
		  char ***lines)
{
	(void)base; (void)cur;
	*lines = NULL;
	return 0;
}

void ws_lines_free(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

int ws_story(const struct mot_journey *j, const struct ws_settings *set,
	     uint64_t c, struct ws_story *out, char *err, size_t errlen)
{
	(void)j; (void)set; (void)c;
	memset(out, 0, sizeof *out);
	snprintf(err, errlen, "not yet");
	return -1;
}

void ws_story_free(struct ws_story *s)
{
	free(s->steps);
	s->steps = NULL;
}

int ws_write_outcome(FILE *out, enum sim_format f, const struct ws_outcome *o)
{
	(void)out; (void)f; (void)o;
	return -1;
}

char *ws_outcome_string(enum sim_format f, const struct ws_outcome *o)
{
	(void)f; (void)o;
	return NULL;
}
