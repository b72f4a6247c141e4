# Sourced by eng/ci/*.sh: apt_get runs apt-get (through sudo when not root) and, while another apt or dpkg holds
# apt's lock (a fresh machine's daily update, the test set-up and the quickstart started side by side), waits and
# tries again instead of failing at once: every two seconds, for five minutes at most. Any other failure stops at
# once, with apt's own message. (apt's DPkg::Lock::Timeout does not cover the package lists' lock.)
apt_get() {
  local sudo_cmd="" output attempt
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  for attempt in $(seq 150); do
    if output="$($sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=2 "$@" 2>&1)"; then
      [ -z "$output" ] || printf '%s\n' "$output"
      return 0
    fi
    case "$output" in
      *"Could not get lock"* | *"Unable to lock"* | *"Unable to acquire the dpkg frontend lock"*)
        [ "$attempt" -eq 1 ] && echo "apt is busy (another apt or dpkg holds its lock): waiting" >&2
        sleep 2 ;;
      *) printf '%s\n' "$output" >&2; return 1 ;;
    esac
  done
  printf '%s\n' "$output" >&2
  return 1
}
