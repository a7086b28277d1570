#!/usr/bin/env bash
# Runs every test: the .NET build (warnings are errors), the xunit suites and the MCP conformance suite.
set -euo pipefail
cd "$(dirname "$0")"

dotnet build Inlay.sln -c Release -warnaserror
dotnet test Inlay.sln -c Release --no-build
bash conformance/run.sh
