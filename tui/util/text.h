/*
 * UTF-8 text: validation, neutralising control characters before text
 * reaches a terminal, and measuring or cutting text by display columns.
 * Width functions use the C library's wcwidth and so depend on the locale
 * set by setlocale(LC_ALL, "").
 */
#ifndef DPIA_TEXT_H
#define DPIA_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates). */
bool text_valid_utf8(const char *s, size_t len);

/* Decodes one UTF-8 character at s (at most len bytes). Returns its length
 * in bytes (>= 1) and stores the code point, or U+FFFD for a malformed
 * sequence (length 1 then). */
size_t text_decode(const char *s, size_t len, unsigned *cp);

/* True for C0 and C1 control characters and DEL. */
bool text_is_control(unsigned cp);

/* True for the bidirectional controls: the embeddings and overrides
 * U+202A-202E, the isolates U+2066-2069 and the marks U+200E, U+200F and
 * U+061C. They change the order in which a terminal or a browser shows
 * the characters around them, so that text can read differently from
 * what it holds. */
bool text_is_bidi(unsigned cp);

/* A copy of s safe to draw on a terminal: control characters become
 * U+241B-style visible symbols (ESC shows as "␛", others as "�"), as do
 * bidirectional controls ("�"); invalid UTF-8 becomes U+FFFD. With
 * keep_newlines, '\n' is kept. The caller frees. */
char *text_sanitize(const char *s, bool keep_newlines);

/* Display columns of s, as text_sanitize would draw it (a control or
 * bidirectional character takes one column). */
int text_width(const char *s);

/* How many bytes of s fit into cols display columns. */
size_t text_fit(const char *s, int cols);

/* The ellipsis that ends a cut text: "\xE2\x80\xA6" (one column) when the
 * terminal shows UTF-8, else "..." (three). */
#define TEXT_ELLIPSIS_UTF8 "\xE2\x80\xA6"
#define TEXT_ELLIPSIS_ASCII "..."

/* s to show in at most cols display columns: a copy of s when it fits,
 * else its longest start that leaves room for ellipsis, cut between
 * characters (never inside one, never through a wide character), with
 * ellipsis after it. When even the ellipsis does not fit, as much of it
 * as does ("." or ".." for "..."; "" for cols <= 0). Widths are those of
 * text_width. The caller frees. */
char *text_cut(const char *s, int cols, const char *ellipsis);
/* The first line of s as text_cut shows it, with the ellipsis also when
 * more lines follow (a value named in one line of a message). */
char *text_line_cut(const char *s, int cols, const char *ellipsis);

/* Collapses runs of white space to one space and trims both ends; a blank
 * line (two or more newlines with only white space between) becomes "\n\n"
 * when keep_paragraphs is set. The caller frees. */
char *text_squeeze(const char *s, bool keep_paragraphs);

/* Case-insensitive (ASCII) substring search. */
bool text_contains_ci(const char *hay, const char *needle);

/* A file name made of s: lowercase ASCII letters and digits, the Latin
 * letters with diacritics written without them ("Fidélité, Straße" ->
 * "fidelite-strasse"), a dash for each run of anything else; at most
 * max bytes, what does not fit left out whole; fallback when nothing is
 * left. The caller frees. */
char *text_slug(const char *s, size_t max, const char *fallback);

#endif
