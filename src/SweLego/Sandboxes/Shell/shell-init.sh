# Read by the persistent bash from its stdin, once, before the first command.
# Protocol: control output is "\x1eSWL<nonce>:<kind>:<fields>\n" in one write call (only a
# final newline: bash splits writes at earlier ones); the host removes it from the output.
#   host writes "\n__S\n" followed by the command bytes and a 0x1F byte. The alias __S
#   (short, because bash reads a pipe one byte per system call) runs __swl_r, which reads
#   the command up to 0x1F (nothing after it is consumed), then eval runs it in the
#   top-level shell (not in a function, so cd, export and declare persist)
#   and __swl_d prints "D:<exit code>:<oom kills>:<cwd>" (the kill count of the memory
#   cgroup, read again only after a command died of a signal).
# Markers go to a private copy of stdout (fd 19) so `exec >file` in a command cannot hide
# them; the supervisor writes its notices into the same pipe through /proc/<shell>/fd/19,
# which keeps them in order with the command's own output and markers.
exec 2>&1
exec 19>&1
__swl_r() { IFS= read -r -d $'\x1f' __swl_c; }
shopt -s expand_aliases
alias __S='__swl_r;eval "$__swl_c";__swl_d $?'
# "auto" (containers): the container's own cgroup, v1 or v2 layout.
if [[ $__SWL_OOM == auto ]]; then
  __SWL_OOM=
  for __swl_f in /sys/fs/cgroup/memory/memory.oom_control /sys/fs/cgroup/memory.events; do
    [[ -r $__swl_f ]] && { __SWL_OOM=$__swl_f; break; }
  done
fi
__swl_oom() {
  # One read of the whole file (a read per line costs more syscalls).
  __swl_o=0
  [[ -n $__SWL_OOM ]] || return 0
  IFS= read -r -d '' __swl_x < "$__SWL_OOM"  # status 1 at end of file; the text is read
  if [[ $__swl_x == *oom_kill\ * ]]; then
    __swl_o=${__swl_x##*oom_kill }
    __swl_o=${__swl_o%%[!0-9]*}
  fi
}
__swl_d() {
  # The kernel's OOM killer sends SIGKILL, so only a status of 128+ is worth the file read
  # (it costs more than the rest of the round trip); otherwise the last count stands.
  (( $1 < 128 )) || __swl_oom
  printf '\036SWL%s:D:%d:%s:%s\n' "$__SWL_NONCE" "$1" "$__swl_o" "$PWD" >&19
}
trap 'printf "\036SWL%s:X:%d\n" "$__SWL_NONCE" "$?" >&19' EXIT
cd -- "$__SWL_WORKDIR" || exit 97
__swl_oom
printf '\036SWL%s:R:%d:%d\n' "$__SWL_NONCE" "$$" "$__swl_o" >&19
