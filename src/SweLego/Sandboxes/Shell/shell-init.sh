# Read by the persistent bash from its stdin, once, before the first command.
# Protocol: control output is "\x1eSWL<nonce>:<kind>:<fields>\n" in one write call (only a
# final newline: bash splits writes at earlier ones); the host removes it from the output.
#   host writes "\n__swl_r;eval \"$__swl_c\";__swl_d $?\n" followed by the command bytes and
#   a 0x1F byte; __swl_r reads the command up to 0x1F (bash reads pipes byte by byte, so
#   nothing after it is consumed), eval runs it in the top-level shell (cd and export persist)
#   and __swl_d prints "D:<exit code>:<oom kills>:<cwd>".
# Markers go to a private copy of stdout (fd 19) so `exec >file` in a command cannot hide
# them; the supervisor writes its notices into the same pipe through /proc/<shell>/fd/19,
# which keeps them in order with the command's own output and markers.
exec 2>&1
exec 19>&1
__swl_r() { IFS= read -r -d $'\x1f' __swl_c; }
# "auto" (containers): the container's own cgroup, v1 or v2 layout.
if [[ $__SWL_OOM == auto ]]; then
  __SWL_OOM=
  for __swl_f in /sys/fs/cgroup/memory/memory.oom_control /sys/fs/cgroup/memory.events; do
    [[ -r $__swl_f ]] && { __SWL_OOM=$__swl_f; break; }
  done
fi
__swl_oom() {
  local __swl_k __swl_v
  __swl_o=0
  if [[ -n $__SWL_OOM && -r $__SWL_OOM ]]; then
    while read -r __swl_k __swl_v; do [[ $__swl_k == oom_kill ]] && __swl_o=$__swl_v; done < "$__SWL_OOM"
  fi
}
__swl_d() {
  __swl_oom
  printf '\036SWL%s:D:%d:%s:%s\n' "$__SWL_NONCE" "$1" "$__swl_o" "$PWD" >&19
}
trap 'printf "\036SWL%s:X:%d\n" "$__SWL_NONCE" "$?" >&19' EXIT
cd -- "$__SWL_WORKDIR" || exit 97
__swl_oom
printf '\036SWL%s:R:%d:%d\n' "$__SWL_NONCE" "$$" "$__swl_o" >&19
