#ifndef RESPECT_CLIBXML2_SHIM_H
#define RESPECT_CLIBXML2_SHIM_H
/*
 * Debian's libxml2 is built with ICU, so <libxml/encoding.h> would include the
 * system's <unicode/ucnv.h> (ICU 72). Swift's Foundation carries its own ICU
 * (_FoundationICU, ICU 75) whose UErrorCode differs, and a Swift file that sees
 * both stops compiling ("UErrorCode has different definitions"). The engine
 * never touches libxml2's ICU converters, so hide them: the only change is
 * that two trailing pointer fields of xmlCharEncodingHandler, a struct we
 * never allocate or copy, are not visible to Swift.
 */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlstring.h>
#endif
