#!/usr/bin/env bash
# Start-up benchmark (issue 14): runs a command as a new ./nianbao process K times and prints each run's
# wall and CPU time (user+system, from /usr/bin/time) and peak RSS, then the medians and the load average.
#   scripts/startup-bench.sh [-k K] [--edit] [-- NIANBAO_ARGS...]
# Default command: audit samples/000_30f21ffa1848b77a.txt into a temporary folder, K=5.
# --edit: before every run, copies rules/ to a temporary folder and appends a new rule to one rule file
# there, so each run meets rules it has never compiled (the "right after a rule edit" figure); the
# command then gets --rules TMP. The shared cache is not touched: runs use a temporary NIANBAO_CACHE holding
# a copy of the class-data archive only.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
k=5 edit=0
while [ $# -gt 0 ]; do
  case "$1" in
    -k) k="$2"; shift 2 ;;
    --edit) edit=1; shift ;;
    --) shift; break ;;
    *) echo "usage: $0 [-k K] [--edit] [-- NIANBAO_ARGS...]" >&2; exit 2 ;;
  esac
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ $# -eq 0 ]; then set -- audit "$home/samples/000_30f21ffa1848b77a.txt" -o "$work/out"; fi
# builds the jar and the command's class-data archive if needed, untimed (batch and bench have their own archive)
case "$1" in
  batch|bench) "$home/nianbao" batch >/dev/null 2>&1 || true ;;
  *) "$home/nianbao" --version >/dev/null ;;
esac
if [ $edit = 1 ]; then
  export NIANBAO_CACHE="$work/cache"; mkdir -p "$NIANBAO_CACHE"
  src="${NIANBAO_CACHE_SRC:-${HOME:-/tmp}/.cache/nianbao}"
  # the archive of this installation, so that only the rule compilation differs from a normal run
  cp "$src"/cds-"${home//[^A-Za-z0-9]/_}"-*.jsa "$NIANBAO_CACHE"/ 2>/dev/null || true
fi
walls=() cpus=()
for i in $(seq 1 "$k"); do
  args=("$@")
  if [ $edit = 1 ]; then
    rm -rf "$work/rules"; cp -r "$home/rules" "$work/rules"
    f="$(find "$work/rules" -name '*.drl' | sort | head -n 1)"
    # a new rule: its Java class has never been compiled (a comment alone would change no generated class)
    printf '\nrule "bench edit %s-%s"\n    salience 0\nwhen\n    nianbao.model.Report()\nthen\n    // edit %s-%s\nend\n' \
      "$$" "$i" "$$" "$i" >> "$f"
    args+=(--rules "$work/rules")
  fi
  /usr/bin/time -o "$work/time" -f '%e %U %S %M' "$home/nianbao" "${args[@]}" >/dev/null 2>"$work/err" || true
  read -r wall user sys rss < <(tail -n 1 "$work/time")
  cpu="$(echo "$user + $sys" | bc)"
  printf 'run %d: wall %s s, CPU %s s (%s user + %s sys), peak RSS %s MB\n' "$i" "$wall" "$cpu" "$user" "$sys" "$((rss / 1024))"
  if [ $edit = 1 ]; then
    # the run left a detached JVM writing the executable-model cache of the edited rules: let it finish
    # (untimed) so that it does not share the CPU with the next timed run
    t0=$(date +%s.%N)
    for _ in $(seq 1 240); do
      [ "$(find "$NIANBAO_CACHE" -name 'kbase-*.jar' | wc -l)" -ge "$i" ] && [ -z "$(find "$NIANBAO_CACHE" -name '*.lock')" ] && break
      sleep 0.25
    done
    printf '       cache written by the detached JVM %.1f s after the run ended (%d entries)\n' \
      "$(echo "$(date +%s.%N) - $t0" | bc)" "$(find "$NIANBAO_CACHE" -name 'kbase-*.jar' | wc -l)"
  fi
  walls+=("$wall"); cpus+=("$cpu")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
printf 'median of %d: wall %s s, CPU %s s; load average %s\n' "$k" "$(median "${walls[@]}")" "$(median "${cpus[@]}")" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
