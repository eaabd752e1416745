#!/usr/bin/env bash
# Installs `ingest` on the PATH from this clone: a self-contained ReadyToRun build (the code is compiled ahead of time,
# so a command starts without waiting for the JIT) in PREFIX/lib/ingest, linked as PREFIX/bin/ingest.
#   bash tools/install.sh                  # into ~/.local (~/.local/bin is on the PATH of most desktop shells)
#   bash tools/install.sh --prefix DIR     # elsewhere; DIR/bin must be on the PATH
# Needs only the .NET SDK of global.json; the runtime and ahead-of-time compiler packs come from NuGet like any package.
set -euo pipefail

prefix="${HOME}/.local"
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
        --prefix=*) prefix="${1#--prefix=}"; shift ;;
        -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown argument '$1' (expected --prefix DIR)" >&2; exit 2 ;;
    esac
done

case "$(uname -m)" in
    x86_64|amd64) arch=x64 ;;
    aarch64|arm64) arch=arm64 ;;
    *) echo "install.sh: no .NET runtime identifier known for machine type $(uname -m)" >&2; exit 1 ;;
esac
case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=osx ;;
    *) echo "install.sh: unsupported system $(uname -s)" >&2; exit 1 ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$prefix/bin" "$prefix/lib"
prefix="$(cd "$prefix" && pwd)"
target="$prefix/lib/ingest"
# Published beside the old copy, then swapped in, so a failed build leaves the installed ingest working.
staging="$(mktemp -d "$prefix/lib/.ingest.XXXXXX")"
trap 'rm -rf "$staging"' EXIT

dotnet publish "$root/src/Ingest.Cli/Ingest.Cli.csproj" -c Release -r "$os-$arch" --self-contained \
    -p:PublishReadyToRun=true -o "$staging" -nologo -v:quiet -m:1

rm -rf "$target"
mv "$staging" "$target"
trap - EXIT
ln -sfn "$target/ingest" "$prefix/bin/ingest"
echo "installed $("$prefix/bin/ingest" --version | head -1) as $prefix/bin/ingest"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "note: $prefix/bin is not on your PATH; add it, e.g. export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
