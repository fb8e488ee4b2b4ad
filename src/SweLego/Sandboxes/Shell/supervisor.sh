# The session supervisor: a bash that uses only builtins (so it keeps working when the
# process limit is reached) and reads one control line at a time from its stdin:
#   SHELL <pid>   the persistent shell to protect
#   SIG <signal>  send the signal to every descendant of the shell and report
#                 "I:<processes signalled that are not bash>"
#   STOP <signal> the same, after SIGURG to the shell itself (Ctrl-C, timeout): its trap
#                 abandons the command, even a builtin loop or a `read` in the shell
#   KILLALL       SIGKILL every process but the infrastructure (below) and the shell, then
#                 report "C" (clean)
# Once a second it checks the process count and, at the limit (a fork bomb), reports
# "L:<processes>", kills every stray process and reports "C" when they are gone. Notices
# go into the shell's marker pipe (/proc/<shell>/fd/19), so "L" arrives before the
# command's "D" marker and the host can wait for "C" before it sends the next command.
__swl_shell=0
__swl_max=${__SWL_PMAX:-0}
# Whatever runs before the supervisor is sandbox infrastructure (PID 1, a container's
# keeper process, the shell) and is never killed.
declare -A __swl_keep=([$$]=1)
for __swl_d in /proc/[0-9]*; do __swl_keep[${__swl_d#/proc/}]=1; done
# Tell the host: it runs no command before this, so no command's process is kept.
printf '\036SWL%s:S\n' "$__SWL_NONCE"
__swl_descendants() {
  local -A parent=()
  local d p line
  for d in /proc/[0-9]*; do
    p=${d#/proc/}
    read -r line 2>/dev/null < "$d/stat" || continue
    line=${line##*) }
    set -f; set -- $line; set +f
    parent[$p]=$2
  done
  __swl_p=()
  local -A seen=([$__swl_shell]=1)
  local grew=1
  while (( grew )); do
    grew=0
    for p in "${!parent[@]}"; do
      if [[ -z ${seen[$p]} && -n ${seen[${parent[$p]}]} && $p != "$$" ]]; then
        seen[$p]=1; __swl_p+=("$p"); grew=1
      fi
    done
  done
}
__swl_live_others() {
  # Every live process but the infrastructure and the shell (zombies are dead already;
  # PID 1 reaps them).
  __swl_p=()
  local d p line
  for d in /proc/[0-9]*; do
    p=${d#/proc/}
    [[ -n ${__swl_keep[$p]} ]] && continue
    (( p == __swl_shell )) && continue
    read -r line 2>/dev/null < "$d/stat" || continue
    line=${line##*) }
    [[ ${line:0:1} == Z ]] || __swl_p+=("$p")
  done
}
__swl_killall() {
  # Stop before killing: a stopped process cannot fork, so a fork bomb cannot outrun us.
  # Done when three scans in a row find nothing alive (a child forked between a scan and
  # the signal shows up in the next scan), or after 5 seconds.
  local quiet=0 end=$(( SECONDS + 5 ))
  while (( quiet < 3 && SECONDS <= end )); do
    __swl_live_others
    if (( ${#__swl_p[@]} == 0 )); then
      (( quiet++ ))
      continue
    fi
    quiet=0
    kill -STOP "${__swl_p[@]}" 2>/dev/null
    kill -KILL "${__swl_p[@]}" 2>/dev/null
  done
}
__swl_notice() {
  printf '\036SWL%s:%s\n' "$__SWL_NONCE" "$1" 2>/dev/null > "/proc/$__swl_shell/fd/19" \
    || printf '\036SWL%s:%s\n' "$__SWL_NONCE" "$1"
}
while :; do
  if IFS=' ' read -r -t 1 __swl_cmd __swl_arg; then
    case $__swl_cmd in
      SHELL) __swl_shell=$__swl_arg ;;
      STOP|SIG)
        # The shell first: if it waits for a child, its trap runs once that child is gone.
        [[ $__swl_cmd == STOP ]] && kill -URG "$__swl_shell" 2>/dev/null
        __swl_descendants
        (( ${#__swl_p[@]} )) && kill -s "$__swl_arg" "${__swl_p[@]}" 2>/dev/null
        # Count only processes that are not bash: a child the shell forked but has not yet
        # exec'd still runs bash's handlers and loses the signal, so the host tries again.
        __swl_n=0
        for __swl_d in "${__swl_p[@]}"; do
          read -r __swl_c 2>/dev/null < "/proc/$__swl_d/comm" && [[ $__swl_c != bash ]] && (( __swl_n++ ))
        done
        __swl_notice "I:$__swl_n" ;;
      KILLALL) __swl_killall; __swl_notice C ;;
    esac
  elif (( $? <= 128 )); then
    exit 0
  elif (( __swl_max > 0 )); then
    __swl_all=(/proc/[0-9]*)
    if (( ${#__swl_all[@]} + 8 >= __swl_max )); then
      __swl_notice "L:${#__swl_all[@]}"
      __swl_killall
      __swl_notice C
    fi
  fi
done
