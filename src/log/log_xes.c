/*
 * log_xes.c - event logs as XES (IEEE 1849), the XML that process-mining
 * tools exchange, read with libxml2's streaming xmlTextReader: one node
 * at a time, so a file of millions of events needs memory for its events
 * only, never for its tree.
 *
 * A <trace> is a case: its id is the trace's attribute concept:name.  An
 * <event> in it has its activity in concept:name and its time in
 * time:timestamp (the keys can be changed, see log.h).  An event whose
 * lifecycle:transition is there and is not "complete" (the start of an
 * activity, say) is skipped, so that an activity logged as start and
 * complete is one visit.  Attributes nested in other attributes, and
 * everything but traces and events, are ignored.
 */
#include "log_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/xmlreader.h>

#include "util.h"

struct log_xes_event {
	size_t act, act_len, time, time_len;  /* offsets into the trace's text */
	unsigned long line;
	bool has_act, has_time, skip;
};

struct log_xes {
	struct log_builder *b;
	xmlTextReaderPtr r;
	const char *case_key, *act_key, *time_key;
	/* the trace being read */
	bool in_trace, in_event;
	int trace_depth, event_depth;
	unsigned long trace_line;
	struct strbuf text;           /* the trace's strings */
	bool has_id;
	size_t id, id_len;
	struct log_xes_event *ev;
	size_t n_ev, cap_ev;
};

/* libxml2's own errors (not well-formed, bad encoding ...). */
static void log_xes_error(void *ctx, xmlErrorPtr e)
{
	struct log_xes *x = ctx;
	const char *msg = e && e->message ? e->message : "not well-formed XML";
	size_t n = strlen(msg);

	if (e && e->level < XML_ERR_ERROR)
		return;
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		n--;
	log_builder_error(x->b, e && e->line > 0 ? (unsigned long)e->line : 0,
			  "XML: %.*s", (int)n, msg);
}

/* The line of the element the reader is on (where its start tag is),
 * else where the parser is. */
static unsigned long log_xes_line(const struct log_xes *x)
{
	xmlNodePtr node = xmlTextReaderCurrentNode(x->r);
	long line = node ? xmlGetLineNo(node) : -1;

	if (line <= 0)
		line = xmlTextReaderGetParserLineNumber(x->r);
	return line > 0 ? (unsigned long)line : 0;
}

static size_t log_xes_keep(struct log_xes *x, const char *s, size_t *len)
{
	size_t off = x->text.len;

	*len = strlen(s);
	strbuf_add(&x->text, s, *len);
	strbuf_add(&x->text, "", 1);	/* keep each string terminated */
	return off;
}

static void log_xes_trace_start(struct log_xes *x)
{
	x->in_trace = true;
	x->trace_depth = xmlTextReaderDepth(x->r);
	x->trace_line = log_xes_line(x);
	x->text.len = 0;
	x->has_id = false;
	x->n_ev = 0;
}

/* The trace is whole: its events go to the builder with its id. */
static void log_xes_trace_end(struct log_xes *x)
{
	x->in_trace = false;
	if (!x->has_id) {
		log_builder_error(x->b, x->trace_line, "a <trace> without "
				  "the attribute '%s' (its case id)", x->case_key);
		return;
	}
	for (size_t i = 0; i < x->n_ev; i++) {
		const struct log_xes_event *e = &x->ev[i];

		if (e->skip)
			continue;
		if (!e->has_act)
			log_builder_error(x->b, e->line, "an <event> without the "
					  "attribute '%s' (its activity)", x->act_key);
		else if (!e->has_time)
			log_builder_error(x->b, e->line, "an <event> without the "
					  "attribute '%s' (its time)", x->time_key);
		else
			log_builder_event(x->b, e->line, x->text.s + x->id, x->id_len,
					  x->text.s + e->act, e->act_len,
					  x->text.s + e->time, e->time_len);
	}
}

static void log_xes_event_start(struct log_xes *x)
{
	util_reserve((void **)&x->ev, &x->cap_ev, x->n_ev + 1, sizeof *x->ev);
	memset(&x->ev[x->n_ev], 0, sizeof x->ev[0]);
	x->ev[x->n_ev].line = log_xes_line(x);
	x->n_ev++;
	x->in_event = true;
	x->event_depth = xmlTextReaderDepth(x->r);
}

/* <string key="..." value="..."/> and the like, right under a trace or an
 * event. */
static void log_xes_attribute(struct log_xes *x)
{
	int depth = xmlTextReaderDepth(x->r);
	xmlChar *key, *value;

	if (x->in_event ? depth != x->event_depth + 1 :
	    depth != x->trace_depth + 1)
		return;
	key = xmlTextReaderGetAttribute(x->r, (const xmlChar *)"key");
	value = xmlTextReaderGetAttribute(x->r, (const xmlChar *)"value");
	if (key && value) {
		const char *k = (const char *)key, *v = (const char *)value;
		struct log_xes_event *e = x->in_event ? &x->ev[x->n_ev - 1] : NULL;

		if (!e && strcmp(k, x->case_key) == 0) {
			x->id = log_xes_keep(x, v, &x->id_len);
			x->has_id = true;
		} else if (e && strcmp(k, x->act_key) == 0) {
			e->act = log_xes_keep(x, v, &e->act_len);
			e->has_act = true;
		} else if (e && strcmp(k, x->time_key) == 0) {
			e->time = log_xes_keep(x, v, &e->time_len);
			e->has_time = true;
		} else if (e && strcmp(k, "lifecycle:transition") == 0) {
			e->skip = strcasecmp(v, "complete") != 0;
		}
	}
	xmlFree(key);
	xmlFree(value);
}

static void log_xes_node(struct log_xes *x)
{
	int type = xmlTextReaderNodeType(x->r);
	const char *name = (const char *)xmlTextReaderConstLocalName(x->r);
	bool empty;

	if (!name)
		return;
	if (type == XML_READER_TYPE_END_ELEMENT) {
		if (x->in_event && strcmp(name, "event") == 0 &&
		    xmlTextReaderDepth(x->r) == x->event_depth)
			x->in_event = false;
		else if (x->in_trace && !x->in_event && strcmp(name, "trace") == 0)
			log_xes_trace_end(x);
		return;
	}
	if (type != XML_READER_TYPE_ELEMENT)
		return;
	empty = xmlTextReaderIsEmptyElement(x->r) == 1;
	if (!x->in_trace && strcmp(name, "trace") == 0) {
		log_xes_trace_start(x);
		if (empty)
			log_xes_trace_end(x);
	} else if (x->in_trace && !x->in_event && strcmp(name, "event") == 0) {
		log_xes_event_start(x);
		if (empty)
			x->in_event = false;
	} else if (x->in_trace) {
		log_xes_attribute(x);
	}
}

static xmlTextReaderPtr log_xes_open(const char *path, int fd,
				     const char *data, size_t len, int opts)
{
	if (path)
		return xmlReaderForFile(path, NULL, opts);
	if (fd >= 0)
		return xmlReaderForFd(fd, NULL, NULL, opts);
	if (len > (size_t)INT32_MAX)
		return NULL;
	return xmlReaderForMemory(data, (int)len, NULL, NULL, opts);
}

int log_xes_read(struct log_builder *b, const char *path, int fd,
		 const char *data, size_t len, const struct log_read_options *o)
{
	/* No network, no external entities (no XML_PARSE_NOENT). */
	int opts = XML_PARSE_NONET | XML_PARSE_COMPACT;
	struct log_xes x = {
		.b = b,
		.case_key = o->case_key ? o->case_key : "concept:name",
		.act_key = o->activity_key ? o->activity_key : "concept:name",
		.time_key = o->time_key ? o->time_key : "time:timestamp",
	};
	int rc;

	x.r = log_xes_open(path, fd, data, len, opts);
	if (!x.r) {
		log_builder_error(b, 0, "cannot open the XES file");
		return -1;
	}
	strbuf_init(&x.text);
	xmlTextReaderSetStructuredErrorHandler(x.r, log_xes_error, &x);
	while ((rc = xmlTextReaderRead(x.r)) == 1)
		log_xes_node(&x);
	if (rc < 0 && b->errors == 0)
		log_builder_error(b, log_xes_line(&x), "XML: not well-formed");
	if (x.in_trace && rc == 0)
		log_builder_error(b, x.trace_line, "a <trace> is not closed");
	xmlFreeTextReader(x.r);
	strbuf_free(&x.text);
	free(x.ev);
	return b->errors == 0 ? 0 : -1;
}
