#!/usr/bin/env bash
# Runs every test: the .NET build (warnings are errors), the xunit suites, the widgets' type checks, Vitest suites
# and real-browser tests (Debian's Chromium), the MCP conformance suite, the Hello sample as a Native AOT binary,
# and the dotnet new template (packed, installed, an app created from it, built and tested). First installs what a
# fresh Debian machine with the .NET SDK and Node.js lacks (.ci/prerequisites.sh: Debian, npm and NuGet packages).
set -euo pipefail
cd "$(dirname "$0")"

bash .ci/prerequisites.sh

dotnet build Inlay.sln -c Release -warnaserror
dotnet test Inlay.sln -c Release --no-build
SCALEOUT_NO_BUILD=1 bash deploy/scaleout/run.sh
(cd web && npm run build --workspaces && npm test --workspaces \
  && npm run test:browser -w @inlay/widget-hello -w @inlay/widget-board -w @inlay/widget-content)
CONFORMANCE_NO_BUILD=1 bash conformance/run.sh
bash tests/aot/smoke.sh
bash templates/test-template.sh
