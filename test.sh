#!/usr/bin/env bash
# Runs every test: the .NET build (warnings are errors), the xunit suites, the widget runtime's
# type checks and Vitest suites, and the MCP conformance suite.
set -euo pipefail
cd "$(dirname "$0")"

dotnet build Inlay.sln -c Release -warnaserror
dotnet test Inlay.sln -c Release --no-build
(cd web && npm run build --workspaces && npm test --workspaces)
CONFORMANCE_NO_BUILD=1 bash conformance/run.sh
