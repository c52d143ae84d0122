/*
 * main.c - mot: a terminal journey designer for customer-experience people.
 */
#include <locale.h>

#include "cli.h"

int main(int argc, char **argv)
{
	/* UTF-8 names must render and count right in the UI and the maps. */
	setlocale(LC_ALL, "");
	/* Numbers keep the decimal point in every locale, for people too:
	 * what mot shows ("drop 0.15") can be typed back into an option or a
	 * form field, and one screen never mixes "0.15" and "0,15". */
	setlocale(LC_NUMERIC, "C");
	return cli_main(argc, argv);
}
