#!/usr/bin/env bash
# Installs a real VS Code server (npm's code-server, pinned) into a project-local cache, for the
# extension-host tests, the UI smoke test and `npm run demo -- --editor`. Not a package.json
# dependency: it is large, needs native builds and is only for tests and the demo.
#
# The package's own postinstall fails offline/as root for three reasons (see DESIGN.md "Running
# VS Code here"), so this script does its steps itself:
#   1. as root npm needs npm_config_unsafe_perm=true;
#   2. native modules need Debian's libkrb5-dev libsecret-1-dev libxkbfile-dev libx11-dev;
#   3. @vscode/ripgrep downloads rg from GitHub: we use Debian's ripgrep instead.
# Idempotent: only checks the Debian packages when the pinned version is already installed.
#
# Env: DRIFTLENS_CODE_SERVER_DIR (default <repo>/.vscode-test/code-server-<version>),
#      DRIFTLENS_SKIP_APT=1 to never call apt-get (then missing packages are an error).
set -euo pipefail

VERSION=4.100.3 # VS Code 1.100.3; later code-server versions need node 22+
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEST="${DRIFTLENS_CODE_SERVER_DIR:-$ROOT/.vscode-test/code-server-$VERSION}"
MARKER="$DEST/.driftlens-installed"
APT_PACKAGES=(chromium ripgrep libkrb5-dev libsecret-1-dev libxkbfile-dev libx11-dev build-essential python3 pkg-config)

say() { printf '[install-code-server] %s\n' "$*"; }
die() { printf '[install-code-server] ERROR: %s\n' "$*" >&2; exit 1; }

# --- system packages -------------------------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ "${DRIFTLENS_SKIP_APT:-}" == 1 ]]; then
    die "missing Debian packages: ${missing[*]} (install them: apt-get install ${missing[*]})"
  fi
  [[ "$(id -u)" == 0 ]] || die "missing Debian packages: ${missing[*]}; run as root or: sudo apt-get install ${missing[*]}"
  command -v apt-get >/dev/null || die "missing packages ${missing[*]} and no apt-get (this script targets Debian/Ubuntu)"
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q </dev/null
  apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
fi
command -v rg >/dev/null || die "ripgrep (rg) not on PATH after install"

if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$VERSION" ]]; then
  say "code-server $VERSION already installed at $DEST"
  exit 0
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
[[ "$node_major" == 20 ]] || say "warning: code-server $VERSION is built for node 20; this is node $node_major"

# --- npm settings for an offline-ish root install ------------------------------------------
export npm_config_unsafe_perm=true  # fix 1: let install scripts run as root
export npm_config_yes=true          # never prompt (CI has no stdin)
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
# node-gyp must use the local node headers: it cannot download them here.
if [[ -z "${npm_config_nodedir:-}" ]]; then
  node_prefix="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
  [[ -f "$node_prefix/include/node/node.h" ]] && export npm_config_nodedir="$node_prefix"
fi

# --- the package itself ----------------------------------------------------------------------
say "installing code-server $VERSION into $DEST (takes a few minutes: native modules are compiled)"
rm -rf "$DEST"
mkdir -p "$DEST"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "code-server@$VERSION" >/dev/null)
tar -xzf "$tmp"/code-server-"$VERSION".tgz -C "$DEST" --strip-components=1

cd "$DEST"
say "step 1/4: server dependencies"
# The root postinstall (postinstall.sh) is what fails; this script does its steps below instead.
npm pkg delete scripts.postinstall
npm install --omit=dev --no-save --loglevel=error </dev/null

say "step 2/4: VS Code dependencies (lib/vscode), with Debian's ripgrep"
cd "$DEST/lib/vscode"
npm install --omit=dev --ignore-scripts --no-save --loglevel=error </dev/null
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg  # fix 3: no download
npm rebuild --loglevel=error </dev/null                    # fix 2: native modules against Debian's -dev libs

say "step 3/4: links made by the package's postinstall.sh"
rm -rf node_modules.asar && ln -s node_modules node_modules.asar
(cd bin/remote-cli && rm -f code-server && ln -s code-linux.sh code-server)
(cd bin/helpers && rm -f browser.sh && ln -s browser-linux.sh browser.sh)

say "step 4/4: built-in extensions' shared dependencies"
cd "$DEST/lib/vscode/extensions"
npm install --omit=dev --no-save --loglevel=error </dev/null

# A quick check that the server starts its CLI.
"$(command -v node)" "$DEST/out/node/entry.js" --version >/dev/null || die "installed, but 'code-server --version' fails"
echo "$VERSION" >"$MARKER"
say "done: code-server $VERSION at $DEST"
