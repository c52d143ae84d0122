/*
 * log_time.c - times of events: ISO 8601 and seconds since the epoch,
 * read and written by hand, without mktime(), strptime() or strtod(), so
 * that neither the time zone nor the locale of the machine matters and a
 * million timestamps cost a few milliseconds.
 */
#include "log.h"

#include <stdio.h>
#include <string.h>

/* Days from 1970-01-01 to y-m-d of the proleptic Gregorian calendar
 * (Howard Hinnant's days_from_civil). */
static int64_t log_days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

/* The inverse: the date of day z since 1970-01-01. */
static void log_civil_from_days(int64_t z, int64_t *y, unsigned *m,
				unsigned *d)
{
	int64_t era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int64_t)yoe + era * 400 + (*m <= 2);
}

static bool log_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned log_month_days(int64_t y, unsigned m)
{
	static const unsigned days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
					   31, 30, 31 };

	return m == 2 && log_leap(y) ? 29 : days[m - 1];
}

/* Exactly n digits at *p into *v; advances *p. */
static bool log_digits(const char **p, const char *end, int n, unsigned *v)
{
	unsigned x = 0;

	if (end - *p < n)
		return false;
	for (int i = 0; i < n; i++) {
		char c = (*p)[i];
		if (c < '0' || c > '9')
			return false;
		x = x * 10 + (unsigned)(c - '0');
	}
	*p += n;
	*v = x;
	return true;
}

/* ".fraction" or ",fraction" into milliseconds (finer digits are cut). */
static bool log_fraction(const char **p, const char *end, int64_t *ms)
{
	int64_t v = 0;
	int k = 0;

	*ms = 0;
	if (*p >= end || (**p != '.' && **p != ','))
		return true;
	(*p)++;
	if (*p >= end || **p < '0' || **p > '9')
		return false;
	for (; *p < end && **p >= '0' && **p <= '9'; (*p)++, k++)
		if (k < 3)
			v = v * 10 + (**p - '0');
	for (; k < 3; k++)
		v *= 10;
	*ms = v;
	return true;
}

/* Z, +hh:mm, +hhmm, +hh or nothing: the offset east of UTC in minutes. */
static bool log_zone(const char **p, const char *end, int64_t *minutes)
{
	unsigned h, m = 0;
	int sign;

	*minutes = 0;
	if (*p >= end)
		return true;
	if (**p == 'Z' || **p == 'z') {
		(*p)++;
		return true;
	}
	if (**p != '+' && **p != '-')
		return false;
	sign = **p == '-' ? -1 : 1;
	(*p)++;
	if (!log_digits(p, end, 2, &h) || h > 23)
		return false;
	if (*p < end && **p == ':')
		(*p)++;
	if (*p < end && !log_digits(p, end, 2, &m))
		return false;
	if (m > 59)
		return false;
	*minutes = sign * (int64_t)(h * 60 + m);
	return true;
}

/* hh:mm[:ss[.fff]] after the date; milliseconds into the day. */
static bool log_clock(const char **p, const char *end, int64_t *ms)
{
	unsigned h, mi, s = 0;
	int64_t frac = 0;

	if (!log_digits(p, end, 2, &h) || *p >= end || **p != ':' ||
	    (++*p, !log_digits(p, end, 2, &mi)))
		return false;
	if (*p < end && **p == ':') {
		(*p)++;
		/* 60: a leap second, read as the next second */
		if (!log_digits(p, end, 2, &s) || s > 60 ||
		    !log_fraction(p, end, &frac))
			return false;
	}
	if (h > 23 || mi > 59)
		return false;
	*ms = ((int64_t)h * 3600 + mi * 60 + s) * 1000 + frac;
	return true;
}

static int log_iso(const char *p, const char *end, int64_t *out)
{
	unsigned y, m, d;
	int64_t clock = 0, zone = 0;

	if (!log_digits(&p, end, 4, &y) || p >= end || *p++ != '-' ||
	    !log_digits(&p, end, 2, &m) || p >= end || *p++ != '-' ||
	    !log_digits(&p, end, 2, &d))
		return -1;
	if (m < 1 || m > 12 || d < 1 || d > log_month_days(y, m))
		return -1;
	if (p < end && (*p == 'T' || *p == 't' || *p == ' ')) {
		p++;
		if (!log_clock(&p, end, &clock) || !log_zone(&p, end, &zone))
			return -1;
	}
	if (p != end)
		return -1;
	*out = log_days_from_civil(y, m, d) * 86400000 + clock - zone * 60000;
	return 0;
}

/* [+-]digits[.digits]: seconds since the epoch. */
static int log_epoch(const char *p, const char *end, int64_t *out)
{
	int64_t secs = 0, frac;
	int sign = 1, n = 0;

	if (p < end && (*p == '-' || *p == '+'))
		sign = *p++ == '-' ? -1 : 1;
	for (; p < end && *p >= '0' && *p <= '9'; p++, n++) {
		/* 10^14 s is three million years: far past any log */
		if (secs > 100000000000000LL)
			return -1;
		secs = secs * 10 + (*p - '0');
	}
	if (n == 0 || !log_fraction(&p, end, &frac) || p != end)
		return -1;
	*out = sign * (secs * 1000 + frac);
	return 0;
}

int log_time_parse(const char *s, size_t len, int64_t *ms)
{
	const char *p = s, *end = s + len;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (p == end)
		return -1;
	/* A date has a '-' after four digits; anything else is a number. */
	if (end - p >= 5 && p[4] == '-' && p[0] != '-' && p[0] != '+')
		return log_iso(p, end, ms);
	return log_epoch(p, end, ms);
}

char *log_time_format(int64_t ms, char *buf, size_t len)
{
	int64_t day = ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000);
	int64_t rest = ms - day * 86400000, y;
	unsigned m, d;

	log_civil_from_days(day, &y, &m, &d);
	snprintf(buf, len, "%04lld-%02u-%02uT%02u:%02u:%02u.%03uZ", (long long)y,
		 m, d, (unsigned)(rest / 3600000), (unsigned)(rest / 60000 % 60),
		 (unsigned)(rest / 1000 % 60), (unsigned)(rest % 1000));
	return buf;
}
