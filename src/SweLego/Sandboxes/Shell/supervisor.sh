# The session supervisor: a bash that uses only builtins (so it keeps working when the
# process limit is reached) and reads one control line at a time from its stdin:
#   SHELL <pid>   the persistent shell to protect
#   SIG <signal>  send the signal to every descendant of the shell (Ctrl-C, timeout)
#   KILLALL       SIGKILL every process except PID 1, the shell and the supervisor
# Once a second it checks the process count and, at the limit (a fork bomb), reports
# "L:<processes>" and then kills every stray process. Notices go into the shell's marker
# pipe (/proc/<shell>/fd/19) before the kill, so they arrive before the command's "D" marker.
__swl_shell=0
__swl_max=${__SWL_PMAX:-0}
__swl_others() {
  __swl_p=()
  local d p
  for d in /proc/[0-9]*; do
    p=${d#/proc/}
    (( p == 1 || p == $$ || p == __swl_shell )) || __swl_p+=("$p")
  done
}
__swl_descendants() {
  local -A parent=()
  local d p line
  for d in /proc/[0-9]*; do
    p=${d#/proc/}
    read -r line < "$d/stat" 2>/dev/null || continue
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
__swl_killall() {
  local round
  for (( round = 0; round < 50; round++ )); do
    __swl_others
    (( ${#__swl_p[@]} == 0 )) && break
    kill -9 "${__swl_p[@]}" 2>/dev/null
  done
}
while :; do
  if IFS=' ' read -r -t 1 __swl_cmd __swl_arg; then
    case $__swl_cmd in
      SHELL) __swl_shell=$__swl_arg ;;
      SIG) __swl_descendants; (( ${#__swl_p[@]} )) && kill -s "$__swl_arg" "${__swl_p[@]}" 2>/dev/null ;;
      KILLALL) __swl_killall ;;
    esac
  elif (( $? <= 128 )); then
    exit 0
  elif (( __swl_max > 0 )); then
    __swl_all=(/proc/[0-9]*)
    if (( ${#__swl_all[@]} + 8 >= __swl_max )); then
      printf '\n\036SWL%s:L:%d\n' "$__SWL_NONCE" "${#__swl_all[@]}" > "/proc/$__swl_shell/fd/19" 2>/dev/null \
        || printf '\n\036SWL%s:L:%d\n' "$__SWL_NONCE" "${#__swl_all[@]}"
      __swl_killall
    fi
  fi
done
