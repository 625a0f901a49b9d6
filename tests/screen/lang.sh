#!/bin/sh
# The interface in French and German at 80x24: the home screen, the help
# screen, a question with its guidance, the risk form and the sign-off
# page speak the language of the locale (the messages of po/, the
# template's own translation), and nothing is cut that is not cut in
# English: on each screen, each pane (the left column, the right one,
# the full-width lines) has no more cut texts ("…") than in English.
. "$TOP_SRCDIR/tests/lib.sh"
[ "${USE_NLS:-yes}" = yes ] || skip "dpia was built without NLS (gettext): it speaks English only"
. "$TOP_SRCDIR/tests/tmux.sh"

command -v gettext >/dev/null 2>&1 || skip "gettext (the command) is not installed"
for loc in fr_FR.UTF-8 de_DE.UTF-8; do
    locale -a 2>/dev/null | grep -qix "$(echo "$loc" | sed 's/UTF-8/utf8/')" ||
        skip "the locale $loc is not generated (locale-gen)"
done
ELL="…"

# tr LANG MSGID: the translation of a message of dpia's catalogue.
tr_msg() {
    if [ "$1" = en ]; then printf '%s' "$2"; return; fi
    LANGUAGE=$1 LC_ALL=C.UTF-8 TEXTDOMAINDIR=$DPIA_LOCALEDIR gettext dpia "$2"
}

# cuts FILE: the number of cut texts in each pane: "left right box full".
# A line with two or more bars crosses a dialog or form: only what is
# inside the box counts, not the screen behind it.
cuts() {
    awk -v ell="$ELL" '
        function n(s,   c, i) { c = 0; while ((i = index(s, ell)) > 0) { c++; s = substr(s, i + length(ell)) } return c }
        {
            k = split($0, p, "│")
            if (k == 1) f += n($0)
            else if (k == 2) { l += n(p[1]); r += n(p[2]) }
            else for (i = 2; i < k; i++) b += n(p[i])
        }
        END { printf "%d %d %d %d\n", l, r, b, f }' "$1"
}

# shot LANG NAME: the screen as it settled, kept as $T/LANG-NAME.
shot() {
    tmux_settled > "$T/$1-$2"
}

walk() {
    l=$1 loc=$2 screening=$3 signoff=$4
    DB=$T/$l.sqlite
    run 0 env LANGUAGE= LC_ALL="$loc" "$DPIA" -d "$DB" new --title "Factoids"
    run 0 "$DPIA" -d "$DB" language 1
    contains "$T/out" "$l"
    run 0 "$DPIA" -d "$DB" review 1 2027-03-31
    DPIA_ENV="LANG=$loc LC_ALL=$loc"
    tmux_start 80 24 -d "$DB"
    tmux_wait "$(tr_msg "$l" "Assessments")" && pass "$l: the home screen's title"
    tmux_wait "Factoids"
    shot "$l" home
    tmux_keys '?'
    tmux_wait "$(tr_msg "$l" "Keys on this screen")" && pass "$l: the help screen"
    shot "$l" help
    tmux_keys Escape
    tmux_wait "Factoids"
    tmux_keys Enter
    tmux_wait "$screening" && pass "$l: the template's screening section in $l"
    shot "$l" question
    # The risk form: the register of the risks section (5), a new risk.
    tmux_keys g
    tmux_keys 5
    tmux_keys End
    tmux_keys a
    tmux_wait "$(tr_msg "$l" "New risk")" && pass "$l: the risk form"
    shot "$l" risk
    tmux_keys Escape
    tmux_wait_gone "$(tr_msg "$l" "New risk")"
    # The sign-off page: the last of section 7.
    tmux_keys g
    tmux_keys 7
    tmux_keys End
    tmux_wait "$signoff" && pass "$l: the sign-off page"
    shot "$l" signoff
    tmux_keys q
    tmux_wait_exit >/dev/null
    DPIA_ENV=
}

walk en C.UTF-8 "Screening: is" "Sign-off of revision 1"
walk fr fr_FR.UTF-8 "Vérification" "$(tr_msg fr "Sign-off of revision %d" | sed 's/%d/1/')"
walk de de_DE.UTF-8 "Vorprüfung" "$(tr_msg de "Sign-off of revision %d" | sed 's/%d/1/')"

# In French, x on an empty database loads the French worked example.
DPIA_ENV="LANG=fr_FR.UTF-8 LC_ALL=fr_FR.UTF-8"
tmux_start 80 24 -d "$T/empty.sqlite"
tmux_keys x
tmux_wait "Anecdotes de visionnage" && pass "fr: x loads the worked example in French"
tmux_keys q
DPIA_ENV=
run 0 "$DPIA" -d "$T/empty.sqlite" language 1
contains "$T/out" "fr"

# Dates as each language writes them, on the list and the sign-off page.
for x in "en 2027-03-31" "fr 31/03/2027" "de 31.03.2027"; do
    set -- $x
    contains "$T/$1-home" "$2" "$1: the review date on the list as $2"
    contains "$T/$1-signoff" "$2" "$1: the review date on the sign-off page as $2"
done

for l in fr de; do
    for s in home help question risk signoff; do
        checks=$((checks + 1))
        # The screen is in the language: it differs from the English one.
        if cmp -s "$T/en-$s" "$T/$l-$s"; then
            fail "$l: the $s screen is the English one"
            continue
        fi
        set -- $(cuts "$T/en-$s")
        el=$1 er=$2 eb=$3 ef=$4
        set -- $(cuts "$T/$l-$s")
        if [ "$1" -le "$el" ] && [ "$2" -le "$er" ] && [ "$3" -le "$eb" ] && [ "$4" -le "$ef" ]; then
            pass "$l: the $s screen cuts nothing English does not ($* against $el $er $eb $ef)"
        else
            fail "$l: the $s screen cuts more than English ($* against $el $er $eb $ef)"
            paste -d '\n' "$T/en-$s" "$T/$l-$s" | sed 's/^/  | /'
        fi
    done
done
done_testing
