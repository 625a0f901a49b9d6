# Sourced by the report tests: builds, in $T/db.sqlite, an assessment
# whose every text field holds markup and script payloads, and sets $pid.
# shellcheck shell=sh
P='<script>alert(1)</script> "><img src=x onerror=alert(1)> ]]> &amp; A&B'
PD="$DPIA -d $T/db.sqlite"
pid=$($PD new --title "$P") || exit 1
for q in scr.project desc.roles desc.purposes nec.purposes cons.internal sign.review-owner; do
    $PD answer "$pid" "$q" "$P" --note "$P" >/dev/null || exit 1
done
$PD answer "$pid" desc.recipients "$P
second <b>entry</b>" >/dev/null || exit 1
$PD risk add "$pid" --title "$P" --description "$P" --source "$P" --impacts "$P" \
    --threats "$P" --likelihood 3 --severity 4 --likelihood-why "$P" --severity-why "$P" \
    --likelihood-after 1 --severity-after 2 --likelihood-after-why "$P" \
    --severity-after-why "$P" >/dev/null || exit 1
$PD measure add "$pid" --title "$P" --description "$P" --owner "$P" --risks 1 >/dev/null || exit 1
$PD signoff "$pid" --role assessor --name "$P" --position "$P" --advice "$P" >/dev/null || exit 1
$PD signoff "$pid" --role dpo --name "$P" --position "$P" --advice "$P" --followed no \
    --why-not "$P" >/dev/null || exit 1
# The controller signs with a decision (one that needs no complete DPIA).
$PD decide "$pid" reject --name "$P" --position "$P" --comment "$P" >/dev/null || exit 1
