#!/usr/bin/env bash
# Checks the dotnet new template end to end, as a user gets it: packs Inlay, Inlay.DevHost, Inlay.Testing and Inlay.Templates into a
# local feed, installs the template into a throwaway hive, creates an app, builds it with warnings as errors (npm
# install and the Vite build included) and runs its tests against the packed packages. Everything happens in one
# temporary folder, removed at the end; the machine's templates and NuGet packages folder are left as they were.
# Environment: INLAY_TEMPLATE_TEST_TIMEOUT (seconds for the whole run, 900 by default), KEEP_TEMPLATE_TEST=1 keeps
# the temporary folder.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
limit="${INLAY_TEMPLATE_TEST_TIMEOUT:-900}"
work="$(mktemp -d "${TMPDIR:-/tmp}/inlay-template.XXXXXX")"
feed="$work/feed" hive="$work/hive" app="$work/app"

cleanup() {
  local status=$?
  dotnet new uninstall Inlay.Templates --debug:custom-hive "$hive" >/dev/null 2>&1 || true
  if [ "${KEEP_TEMPLATE_TEST:-0}" = 1 ]; then echo "template test: kept $work"; else rm -rf "$work"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Runs a command within what is left of the time limit.
run() {
  local left=$((limit - SECONDS)) status=0
  if [ "$left" -le 0 ]; then echo "template test: over the ${limit} s limit before: $*" >&2; return 124; fi
  timeout --kill-after=10 "$left" "$@" || status=$?
  if [ "$status" -eq 124 ]; then echo "template test: over the ${limit} s limit in: $*" >&2; fi
  return "$status"
}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
build_flags=(-c Release -warnaserror --disable-build-servers -nologo -v:q)

# 1. The packages. The Inlay package carries the built @inlay/view, so build it when web/ has no build.
if [ ! -f "$repo/web/view/dist/index.js" ]; then
  [ -d "$repo/web/node_modules" ] || (cd "$repo/web" && run npm ci --no-audit --no-fund)
  (cd "$repo/web" && run npm run build -w @inlay/view)
fi
for project in src/Inlay src/Inlay.DevHost src/Inlay.Testing templates; do
  run dotnet pack "$repo/$project" "${build_flags[@]}" -o "$feed"
done
template_package="$(ls "$feed"/Inlay.Templates.*.nupkg)"
version="${template_package##*/Inlay.Templates.}" version="${version%.nupkg}"

# 2. The template, in a hive of its own, and an app from it (a dotted name checks namespaces and file names).
run dotnet new install "$template_package" --debug:custom-hive "$hive"
run dotnet new inlay -n Contoso.Dice -o "$app" --debug:custom-hive "$hive"

# 3. Restore from the local feed and the machine's usual sources into a packages folder of this run; the machine's
#    global packages folder is only read, as a fallback, and must not hold a copy of the version under test.
global="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
for id in inlay inlay.devhost inlay.testing; do
  if [ -d "$global/$id/$version" ]; then
    echo "template test: $global$id/$version would be used instead of the packed package; delete it" >&2
    exit 1
  fi
done
cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="inlay-local" value="$feed" />
  </packageSources>
  <fallbackPackageFolders>
    <add key="machine" value="$global" />
  </fallbackPackageFolders>
</configuration>
XML
export NUGET_PACKAGES="$work/packages"

# 4. Build (the widget's npm install and Vite build included) and test.
cd "$app"
run dotnet build Contoso.Dice.slnx "${build_flags[@]}"
test -f src/Contoso.Dice/widgets/dice/dist/.vite/manifest.json
test -f web/package-lock.json
run dotnet test Contoso.Dice.slnx -c Release --no-build --disable-build-servers -nologo
echo "template test: Inlay.Templates $version passed in ${SECONDS} s"
