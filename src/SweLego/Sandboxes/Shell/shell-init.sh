# Read by the persistent bash from its stdin, once, before the first command.
# Protocol: control output is "\x1eSWL<nonce>:<kind>:<fields>\n" in one write call (only a
# final newline: bash splits writes at earlier ones); the host removes it from the output.
#   After "R:<pid>" the shell runs the command loop (last lines): it reads "\n" + command up
#   to a 0x1F byte (IFS strips the newline, which ends a partial line of unread input; nothing
#   after 0x1F is consumed, so a command reads its input from the same pipe), evals it in the
#   top-level shell (no function, so cd, export and declare persist) and prints
#   "D:<exit code>:<oom kills>:<cwd>" before it reads the next. The host's first frame is
#   __swl_q, which turns those markers on. The kill count of the memory cgroup is the one
#   __swl_q read last: the host sends __swl_q again only after a command that ran long enough
#   to allocate memory or died of a signal, so a quick command costs no file read.
# Stopping a command (timeout, Ctrl-C): the supervisor sends SIGURG to this shell before it
# signals the command's processes. The loop runs in a sourced file, not a function, because
# `return` in a trap handler then abandons the command wherever it is: a builtin loop, a
# blocked `read`, a wait. A command inside its own functions is unwound by a DEBUG trap
# (extdebug: status 2 returns from the current function) until the loop is reached again;
# the shell's state (cwd, variables, functions, an activated venv) stays as it was.
# Markers go to a private copy of stdout (fd 19) so `exec >file` in a command cannot hide
# them; the supervisor writes its notices into the same pipe through /proc/<shell>/fd/19,
# which keeps them in order with the command's own output and markers.
exec 2>&1
exec 19>&1
# RLIMIT_FSIZE, soft and hard (a command cannot raise it): no file outgrows the disk limit
# between two checks of the host's disk watcher (a lower hard limit already set stays).
# Ignoring SIGXFSZ turns a write past it into an error ("File too large") instead of killing
# the writer, or this shell.
if [[ -n $__SWL_FSIZE ]]; then ulimit -f "$__SWL_FSIZE" 2>/dev/null; trap '' XFSZ; fi
shopt -s expand_aliases
# Every variable is set, so a command's `set -u` cannot break the loop.
__swl_ab= __swl_xd= __swl_e= __swl_o=-1 __swl_c=: __swl_x= __swl_st=0
# The loop prints nothing until the host's first __swl_q: a "D" before the first command
# could be taken for that command's.
__swl_f=
# "auto" (containers): the container's own cgroup, v1 or v2 layout.
if [[ $__SWL_OOM == auto ]]; then
  __SWL_OOM=
  for __swl_x in /sys/fs/cgroup/memory/memory.oom_control /sys/fs/cgroup/memory.events; do
    [[ -r $__swl_x ]] && { __SWL_OOM=$__swl_x; break; }
  done
fi
__swl_q() {
  __swl_f='\036SWL%s:D:%d:%s:%s\n'
  # One read of the whole file (a read per line costs more syscalls).
  [[ -n $__SWL_OOM ]] || return 0
  # Status 1 at the end of the file (the text is read); `|| :` so a command's `set -e` holds no sway.
  IFS= read -r -d '' __swl_x < "$__SWL_OOM" || :
  __swl_o=0
  if [[ $__swl_x == *oom_kill\ * ]]; then
    __swl_o=${__swl_x##*oom_kill }
    __swl_o=${__swl_o%%[!0-9]*}
  fi
}
__swl_a() {
  # Abandon only a running command, from its own code: not while this file's loop waits for
  # input or prints (BASH_COMMAND is what ran when the signal came), and `return` needs a
  # function or sourced file to leave.
  (( ${#FUNCNAME[@]} > 1 )) && [[ ${FUNCNAME[1]} != __swl_* && $BASH_COMMAND != *__swl_* ]] || return 1
  __swl_ab=130
  # A command's `set -e` would end the shell when the loop returns 130; it is back on at re-entry.
  if [[ $- == *e* ]]; then __swl_e=1; set +e; fi
  shopt -q extdebug && __swl_xd=1 || __swl_xd=
  shopt -s extdebug
  trap __swl_u DEBUG
}
__swl_u() {
  # Before each simple command while abandoning: leave every function and sourced file;
  # at the top level (the loop's re-entry) stop and restore extdebug.
  (( ${#FUNCNAME[@]} > 1 )) && return 2
  trap - DEBUG
  [[ -n $__swl_xd ]] || shopt -u extdebug
  return 0
}
__swl_rs() {
  # Re-entering the loop: its first "D" reports the command that left it.
  [[ -n $__swl_c ]] || exit 0  # the read at the end of stdin
  local s=${__swl_ab:-$__swl_st}
  __swl_ab=
  [[ -z $__swl_e ]] || { __swl_e=; set -e; }
  return "$s"
}
trap '__swl_a && return 130' URG
# The whole per-command path: as few statements as possible, each costs time in every round trip.
__swl_loop='while printf "$__swl_f" "$__SWL_NONCE" "$?" "$__swl_o" "$PWD" >&19; IFS=$'"'"'\n'"'"' read -r -d $'"'"'\x1f'"'"' __swl_c; do eval "$__swl_c"; done'
trap 'printf "\036SWL%s:X:%d\n" "$__SWL_NONCE" "$?" >&19' EXIT
cd -- "$__SWL_WORKDIR" || exit 97
printf '\036SWL%s:R:%d\n' "$__SWL_NONCE" "$$" >&19
# The loop is left by an abandoned command, `return`, `break`/`continue` at a command's top
# level, or the end of stdin; each ends that command (the next "D" is printed when the loop
# starts again). `break N` past every loop ends this one too and __swl_main starts it again.
# Nothing may follow on later lines: the loop reads its commands from the rest of stdin.
# __swl_rs sets $? for the loop's first "D"; as an if condition its status cannot trip `set -e`.
__swl_main='while :; do if __swl_rs; then . /dev/fd/18 18<<<"$__swl_loop"; else . /dev/fd/18 18<<<"$__swl_loop"; fi; __swl_st=$?; done; __swl_st=$?; eval "$__swl_main"'; eval "$__swl_main"
