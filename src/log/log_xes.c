/*
 * log_xes.c - event logs as XES (IEEE 1849), the XML that process-mining
 * tools exchange, read with libxml2's SAX2 parser: elements come as
 * callbacks while the file streams through, no tree is built, so a file
 * of millions of events needs memory for its events only.  (SAX2 rather
 * than the xmlTextReader, which builds and frees a node per element: it
 * took twice as long, too long for 1,000,000 events in 3 s.)
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

#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

#include "util.h"

struct log_xes_event {
	size_t act, act_len, time, time_len;  /* offsets into the trace's text */
	unsigned long line;
	bool has_act, has_time, skip;
};

struct log_xes {
	struct log_builder *b;
	xmlParserCtxtPtr ctxt;
	const char *case_key, *act_key, *time_key;
	int depth;                    /* elements open: the root's depth is 0 */
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

/* Where the parser is: in a start tag's callback, the tag's (last) line. */
static unsigned long log_xes_line(const struct log_xes *x)
{
	int line = xmlSAX2GetLineNumber(x->ctxt);

	return line > 0 ? (unsigned long)line : 0;
}

/* An attribute's value [s, s + len) kept in the trace's text; *len
 * becomes its length there.  Without entity substitution (which would
 * load external entities too) libxml2 hands an escaped '&' on as "&#38;"
 * and every other reference decoded: every '&' of a value starts one. */
static size_t log_xes_keep(struct log_xes *x, const char *s, size_t *len)
{
	size_t off = x->text.len;
	const char *end = s + *len, *amp;

	while ((amp = memchr(s, '&', (size_t)(end - s)))) {
		strbuf_add(&x->text, s, (size_t)(amp - s) + 1);
		s = amp + 1;
		if (end - s >= 4 && memcmp(s, "#38;", 4) == 0)
			s += 4;
	}
	strbuf_add(&x->text, s, (size_t)(end - s));
	*len = x->text.len - off;
	strbuf_add(&x->text, "", 1);	/* keep each string terminated */
	return off;
}

/* Whether [s, s + len) is the string `is`. */
static bool log_xes_is(const char *s, size_t len, const char *is)
{
	return strlen(is) == len && memcmp(s, is, len) == 0;
}

static void log_xes_trace_start(struct log_xes *x, int depth)
{
	x->in_trace = true;
	x->trace_depth = depth;
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

static void log_xes_event_start(struct log_xes *x, int depth)
{
	util_reserve((void **)&x->ev, &x->cap_ev, x->n_ev + 1, sizeof *x->ev);
	memset(&x->ev[x->n_ev], 0, sizeof x->ev[0]);
	x->ev[x->n_ev].line = log_xes_line(x);
	x->n_ev++;
	x->in_event = true;
	x->event_depth = depth;
}

/* <string key="..." value="..."/> and the like, right under a trace or an
 * event: SAX2 hands its attributes as (name, prefix, URI, value, end)
 * with the values decoded but not terminated. */
static void log_xes_attribute(struct log_xes *x, int depth, int n,
			      const xmlChar **attrs)
{
	const char *k = NULL, *v = NULL;
	size_t klen = 0, vlen = 0;
	struct log_xes_event *e = x->in_event ? &x->ev[x->n_ev - 1] : NULL;

	if (depth != (e ? x->event_depth : x->trace_depth) + 1)
		return;
	for (int i = 0; i < n; i++, attrs += 5) {
		const char *name = (const char *)attrs[0];
		const char *s = (const char *)attrs[3];
		size_t len = (size_t)(attrs[4] - attrs[3]);

		if (attrs[1])	/* a prefixed attribute is another one */
			continue;
		if (strcmp(name, "key") == 0)
			k = s, klen = len;
		else if (strcmp(name, "value") == 0)
			v = s, vlen = len;
	}
	if (!k || !v)
		return;
	if (!e && log_xes_is(k, klen, x->case_key)) {
		x->id_len = vlen;
		x->id = log_xes_keep(x, v, &x->id_len);
		x->has_id = true;
	} else if (e && log_xes_is(k, klen, x->act_key)) {
		e->act_len = vlen;
		e->act = log_xes_keep(x, v, &e->act_len);
		e->has_act = true;
	} else if (e && log_xes_is(k, klen, x->time_key)) {
		e->time_len = vlen;
		e->time = log_xes_keep(x, v, &e->time_len);
		e->has_time = true;
	} else if (e && log_xes_is(k, klen, "lifecycle:transition")) {
		e->skip = !(vlen == 8 && strncasecmp(v, "complete", 8) == 0);
	}
}

static void log_xes_start(void *ctx, const xmlChar *localname,
			  const xmlChar *prefix, const xmlChar *uri, int n_ns,
			  const xmlChar **ns, int n_attrs, int n_defaulted,
			  const xmlChar **attrs)
{
	struct log_xes *x = ctx;
	const char *name = (const char *)localname;
	int depth = x->depth++;

	(void)prefix, (void)uri, (void)n_ns, (void)ns, (void)n_defaulted;
	if (!x->in_trace && strcmp(name, "trace") == 0)
		log_xes_trace_start(x, depth);
	else if (x->in_trace && !x->in_event && strcmp(name, "event") == 0)
		log_xes_event_start(x, depth);
	else if (x->in_trace)
		log_xes_attribute(x, depth, n_attrs, attrs);
}

static void log_xes_end(void *ctx, const xmlChar *localname,
			const xmlChar *prefix, const xmlChar *uri)
{
	struct log_xes *x = ctx;
	const char *name = (const char *)localname;
	int depth = --x->depth;

	(void)prefix, (void)uri;
	if (x->in_event && depth == x->event_depth && strcmp(name, "event") == 0)
		x->in_event = false;
	else if (x->in_trace && !x->in_event && depth == x->trace_depth &&
		 strcmp(name, "trace") == 0)
		log_xes_trace_end(x);
}

/* stdin and the like: read(2) for libxml2's input. */
static int log_xes_fd_read(void *ctx, char *buf, int len)
{
	ssize_t n = read(*(int *)ctx, buf, (size_t)len);

	return n < 0 ? -1 : (int)n;
}

static xmlParserCtxtPtr log_xes_open(const char *path, int *fd,
				     const char *data, size_t len)
{
	if (path)
		return xmlCreateFileParserCtxt(path);
	if (*fd >= 0)
		return xmlCreateIOParserCtxt(NULL, NULL, log_xes_fd_read, NULL, fd,
					     XML_CHAR_ENCODING_NONE);
	if (len > (size_t)INT32_MAX)
		return NULL;
	return xmlCreateMemoryParserCtxt(data, (int)len);
}

int log_xes_read(struct log_builder *b, const char *path, int fd,
		 const char *data, size_t len, const struct log_read_options *o)
{
	struct log_xes x = {
		.b = b,
		.case_key = o->case_key ? o->case_key : "concept:name",
		.act_key = o->activity_key ? o->activity_key : "concept:name",
		.time_key = o->time_key ? o->time_key : "time:timestamp",
	};
	/* Only elements and errors: no tree, no entities, no DTD loaded. */
	xmlSAXHandler sax = {
		.initialized = XML_SAX2_MAGIC,
		.startElementNs = log_xes_start,
		.endElementNs = log_xes_end,
		.serror = log_xes_error,
	};
	int rc;

	x.ctxt = log_xes_open(path, &fd, data, len);
	if (!x.ctxt) {
		log_builder_error(b, 0, "cannot open the XES file");
		return -1;
	}
	memcpy(x.ctxt->sax, &sax, sizeof sax);
	x.ctxt->userData = &x;
	/* No network, no external entities (no XML_PARSE_NOENT). */
	xmlCtxtUseOptions(x.ctxt, XML_PARSE_NONET);
	strbuf_init(&x.text);
	rc = xmlParseDocument(x.ctxt);
	if ((rc != 0 || !x.ctxt->wellFormed) && b->errors == 0)
		log_builder_error(b, log_xes_line(&x), "XML: not well-formed");
	else if (x.in_trace && b->errors == 0)
		log_builder_error(b, x.trace_line, "a <trace> is not closed");
	xmlFreeParserCtxt(x.ctxt);
	strbuf_free(&x.text);
	free(x.ev);
	return b->errors == 0 ? 0 : -1;
}
