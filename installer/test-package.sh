#!/usr/bin/env bash
# Tests the Meshlens .deb for real on this machine, as root: builds it, installs it with apt-get, runs the
# command line through the installed `meshlens`, starts the window from the desktop entry under Xvfb until it
# is on screen, then uninstalls it and checks nothing is left behind.
# Run from anywhere: installer/test-package.sh   (what `MESHLENS_TEST_INSTALLER=1 .ci/run` calls)
#   --no-build   reuse the .deb already in installer/target/dist/ instead of building it
set -euo pipefail
cd "$(dirname "$0")/.."

WINDOW_TIMEOUT=${MESHLENS_WINDOW_TIMEOUT:-90}   # seconds the window may take to appear (software rendering)
LAUNCHER=/opt/meshlens/bin/Meshlens
work=$(mktemp -d)
xvfb_pid=""
app_pid=""
installed=""
build=yes
[ "${1:-}" = --no-build ] && build=""

is_installed() { dpkg-query -W -f='${Status}' meshlens 2>/dev/null | grep -q ' installed$'; }

step() { printf '\n== %s\n' "$*"; step_started=$SECONDS; }
took() { printf '   (%ds)\n' $((SECONDS - step_started)); }
fail() { echo "test-package: FAILED: $*" >&2; exit 1; }

cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  # a failed run must not leave the package on the machine
  if [ -n "$installed" ] && dpkg-query -W meshlens >/dev/null 2>&1; then
    apt-get purge -y -qq meshlens >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

[ "$(id -u)" = 0 ] || fail "run as root: the test installs and removes a system package"

step "tools: jpackage needs fakeroot and dpkg-dev; the window test needs Xvfb, xdpyinfo and xdotool"
need=()
command -v fakeroot >/dev/null || need+=(fakeroot)
command -v dpkg-shlibdeps >/dev/null || need+=(dpkg-dev)
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xdotool >/dev/null || need+=(xdotool)
command -v xdpyinfo >/dev/null || need+=(x11-utils)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
if is_installed; then
  fail "meshlens is already installed here; remove it first (apt-get purge meshlens)"
fi
took

if [ -n "$build" ]; then
  step "build: mvn -B -Pinstaller -DskipTests package -pl installer -am"
  mvn -q -B -Pinstaller -DskipTests package -pl installer -am
else
  step "reusing the packages already built"
fi
debs=(installer/target/dist/meshlens_*.deb)
[ -f "${debs[0]}" ] || fail "no installer/target/dist/meshlens_*.deb was built"
deb=${debs[0]}
echo "   $deb: $(du -h "$deb" | cut -f1) (.deb), app image $(du -sh installer/target/dist/Meshlens | cut -f1)"
dpkg-deb -f "$deb" Version Depends | sed 's/^/   /'
dpkg-deb -f "$deb" Version | grep -q SNAPSHOT && fail "the package version still says SNAPSHOT"
dpkg-deb -f "$deb" Depends | grep -q 'libgtk-3-0' || fail "Depends does not name libgtk-3-0"
took

step "install: apt-get install ./$(basename "$deb")"
installed=yes
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" >/dev/null
[ -x "$LAUNCHER" ] || fail "$LAUNCHER is not installed"
[ "$(command -v meshlens)" = /usr/bin/meshlens ] || fail "meshlens is not on the PATH as /usr/bin/meshlens"
desktop=/usr/share/applications/meshlens-Meshlens.desktop
grep -qx "Name=Meshlens" "$desktop" 2>/dev/null || desktop=""
[ -n "$desktop" ] || fail "no desktop entry named Meshlens in /usr/share/applications"
echo "   menu entry $desktop"
took

# the command line runs headless: no display, and a fresh home so the user's own catalogs, settings and logs
# are never touched (Java takes user.home from the password database, not from $HOME, hence the option)
export HOME="$work/home"
export JAVA_TOOL_OPTIONS="-Duser.home=$HOME"
mkdir -p "$HOME"

step "meshlens --version"
version=$(env -u DISPLAY meshlens --version 2>/dev/null)
echo "   $version"
[[ "$version" == "meshlens "* ]] || fail "unexpected version output: $version"
took

step "meshlens demo"
env -u DISPLAY meshlens demo 2>&1 | sed 's/^/   /'
[ -f "$HOME/.meshlens/demo.mv.db" ] || fail "meshlens demo wrote no catalog at $HOME/.meshlens/demo"
products=$(env -u DISPLAY meshlens --db "$HOME/.meshlens/demo" products --format json 2>/dev/null)
[[ "$products" == *'"sales.orders.placed"'* ]] || fail "the demo catalog does not list sales.orders.placed"
took

step "window: the menu entry's command under Xvfb, until a window named Meshlens is on screen"
exec_line=$(sed -n 's/^Exec=//p' "$desktop" | head -1)
exec_cmd=${exec_line%% %*}   # drop field codes such as %U
[ -n "$exec_cmd" ] || fail "the desktop entry has no Exec line"
display=:$(( 90 + RANDOM % 100 ))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.2; done
DISPLAY=$display "$exec_cmd" >"$work/window.log" 2>&1 &
app_pid=$!
window=""
for _ in $(seq "$WINDOW_TIMEOUT"); do
  window=$(DISPLAY=$display xdotool search --onlyvisible --name Meshlens 2>/dev/null | head -1 || true)
  [ -n "$window" ] && break
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 1
done
if [ -z "$window" ]; then
  sed 's/^/   app: /' "$work/window.log" | tail -20 >&2
  fail "no window named Meshlens appeared within ${WINDOW_TIMEOUT}s (the program $(kill -0 "$app_pid" 2>/dev/null && echo 'is still running' || echo 'exited'))"
fi
echo "   window \"$(DISPLAY=$display xdotool getwindowname "$window")\" after $((SECONDS - step_started))s"
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
kill "$xvfb_pid"; wait "$xvfb_pid" 2>/dev/null || true; xvfb_pid=""
took

step "uninstall: apt-get purge meshlens"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq meshlens >/dev/null
installed=""
[ ! -e /usr/bin/meshlens ] || fail "/usr/bin/meshlens is still there after removal"
[ ! -e "$LAUNCHER" ] || fail "$LAUNCHER is still there after removal"
[ ! -e "$desktop" ] || fail "the menu entry $desktop is still there after removal"
took

printf '\ntest-package: OK in %ds\n' "$SECONDS"
