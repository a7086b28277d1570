#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK and Node.js, and only what is missing: the Debian packages below,
# the npm packages of web/ and conformance/, and the NuGet packages of the solution. Run by test.sh before the tests,
# so `bash test.sh` works on a fresh Debian machine. Installing Debian packages needs root (or sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

# The Debian packages the tests use, one a line: the package, then a file that is there once it is installed.
debian_packages=(
  "postgresql /usr/lib/postgresql/*/bin/initdb"   # the Board tests' throwaway cluster, the scale-out check's database
  "chromium /usr/bin/chromium"                      # the browser tests (Playwright drives Debian's Chromium)
  "nginx /usr/sbin/nginx"                           # the scale-out check's load balancer
  "curl /usr/bin/curl"                              # the AOT smoke test and the scripts' readiness checks
)

missing=()
for entry in "${debian_packages[@]}"; do
  read -r package marker <<<"$entry"
  # shellcheck disable=SC2086 # the marker may be a glob
  ls $marker >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "prerequisites: installing ${missing[*]} (apt-get)" >&2
  sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm packages: installed when node_modules is missing or older than the lockfile (what `npm ci` would change).
for folder in web conformance; do
  if [ ! -f "$folder/node_modules/.package-lock.json" ] || [ "$folder/package-lock.json" -nt "$folder/node_modules/.package-lock.json" ]; then
    (cd "$folder" && npm ci --no-audit --no-fund)
  fi
done

dotnet restore Inlay.sln --nologo -v quiet
